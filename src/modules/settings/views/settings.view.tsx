import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { Button, Csrf, ErrorSummary, FileField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { SiteIdentity } from '../../../platform/ui/site.ts';

export function siteSettingsLabels(p: PageCtx): Record<string, string> {
  return {
    regencyName: p.t('settings.regencyName'),
    address: p.t('settings.address'),
    hours: p.t('settings.hours'),
    email: p.t('settings.email'),
    phone: p.t('settings.phone'),
    whatsapp: p.t('settings.whatsapp'),
    emblem: p.t('settings.emblem'),
  };
}

export function SiteSettingsView({ p, site, state }: { p: PageCtx; site: SiteIdentity; state?: FormState }) {
  const values = state?.values ?? {
    regencyName: site.regencyName ?? site.lpseName.replace(/^LPSE\s+/, ''),
    address: site.address,
    hours: site.hours ?? p.t('layout.footer.hoursDefault'),
    email: site.email,
    phone: site.phone ?? '',
    whatsapp: site.whatsapp ?? '',
  };
  const s: FormState = { values, errors: state?.errors ?? {} };
  const labels = siteSettingsLabels(p);
  return (
    <Layout p={p} title={p.t('settings.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} labels={labels} />
      <h1>{p.t('settings.title')}</h1>
      <p>{p.t('settings.intro')}</p>
      <form method="post" action="/admin/identitas" enctype="multipart/form-data" novalidate>
        <Csrf p={p} />
        <TextField
          p={p}
          state={s}
          name="regencyName"
          label={labels.regencyName!}
          hint={p.t('settings.regencyNameHint')}
        />
        <TextArea p={p} state={s} name="address" label={labels.address!} rows={2} />
        <TextField p={p} state={s} name="hours" label={labels.hours!} />
        <TextField p={p} state={s} name="email" type="email" label={labels.email!} autocomplete="email" />
        <TextField p={p} state={s} name="phone" type="tel" label={labels.phone!} optional width="medium" />
        <TextField p={p} state={s} name="whatsapp" type="tel" label={labels.whatsapp!} optional width="medium" />
        <h2>{p.t('settings.emblem')}</h2>
        {site.emblem ? (
          <p>
            {p.t('settings.emblemCurrent')}:{' '}
            <img class="emblem-preview" src={`/berkas/${site.emblem.documentId}`} alt={p.t('settings.emblem')} />
          </p>
        ) : (
          <p>{p.t('settings.emblemNone')}</p>
        )}
        <FileField
          p={p}
          state={s}
          name="emblem"
          label={labels.emblem!}
          hint={p.t('settings.emblemHint')}
          optional
          accept="image/png,image/jpeg"
        />
        {site.emblem ? (
          <div class="field checkbox">
            <input type="checkbox" id="removeEmblem" name="removeEmblem" value="1" />
            <label for="removeEmblem">{p.t('settings.removeEmblem')}</label>
          </div>
        ) : null}
        <div class="button-row">
          <Button>{p.t('form.save')}</Button>
        </div>
      </form>
    </Layout>
  );
}
