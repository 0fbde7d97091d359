import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { Button, Csrf, ErrorSummary, NewPasswordFields, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';

export function LoginView({ p, state, back }: { p: PageCtx; state?: FormState; back?: string }) {
  return (
    <Layout p={p} title={p.t('auth.login.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('auth.login.title')}</h1>
      {Object.values(state?.errors ?? {}).includes(p.t('auth.login.pendingRegistration')) ? (
        <div class="notice">
          <p>{p.t('auth.login.continueRegistrationHint')}</p>
          <p>
            <a class="button" href="/daftar/lanjut">
              {p.t('auth.login.continueRegistration')}
            </a>
          </p>
        </div>
      ) : null}
      <p>{p.t('auth.login.intro')}</p>
      <form method="post" action={`/masuk${back ? `?kembali=${encodeURIComponent(back)}` : ''}`} novalidate>
        <Csrf p={p} />
        <TextField
          p={p}
          state={state}
          name="username"
          label={p.t('auth.username')}
          autocomplete="username"
          width="medium"
        />
        <TextField
          p={p}
          state={state}
          name="password"
          type="password"
          label={p.t('auth.password')}
          autocomplete="current-password"
          width="medium"
        />
        <div class="button-row">
          <Button>{p.t('auth.login.submit')}</Button>
          <a href="/kata-sandi/lupa">{p.t('auth.login.forgot')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function SetupView({ p, state, token }: { p: PageCtx; state?: FormState; token: string }) {
  return (
    <Layout p={p} title={p.t('auth.setup.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('auth.setup.title')}</h1>
      <p>{p.t('auth.setup.intro')}</p>
      <form method="post" action="/penyiapan" novalidate>
        <Csrf p={p} />
        <input type="hidden" name="token" value={token} />
        <TextField p={p} state={state} name="name" label={p.t('auth.name')} autocomplete="name" />
        <TextField
          p={p}
          state={state}
          name="username"
          label={p.t('auth.username')}
          hint={p.t('auth.usernameHint')}
          autocomplete="username"
          width="medium"
        />
        <TextField p={p} state={state} name="email" type="email" label={p.t('auth.email')} autocomplete="email" />
        <NewPasswordFields p={p} state={state} />
        <Button>{p.t('auth.setup.submit')}</Button>
      </form>
    </Layout>
  );
}

export function ForgotView({ p, state, sent }: { p: PageCtx; state?: FormState; sent?: boolean }) {
  return (
    <Layout p={p} title={p.t('auth.forgot.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('auth.forgot.title')}</h1>
      {sent ? (
        <div class="notice success" role="status">
          {p.t('auth.forgot.sent')}
        </div>
      ) : (
        <>
          <p>{p.t('auth.forgot.intro')}</p>
          <form method="post" action="/kata-sandi/lupa" novalidate>
            <Csrf p={p} />
            <TextField p={p} state={state} name="email" type="email" label={p.t('auth.email')} autocomplete="email" />
            <Button>{p.t('auth.forgot.submit')}</Button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function ResetView({ p, state, token }: { p: PageCtx; state?: FormState; token: string }) {
  return (
    <Layout p={p} title={p.t('auth.reset.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('auth.reset.title')}</h1>
      <form method="post" action="/kata-sandi/atur-ulang" novalidate>
        <Csrf p={p} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields p={p} state={state} label={p.t('auth.password.new')} />
        <Button>{p.t('auth.reset.submit')}</Button>
      </form>
    </Layout>
  );
}
