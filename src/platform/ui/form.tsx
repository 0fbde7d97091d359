import type { ComponentChildren } from 'preact';
import type { FormState } from '../http/forms.ts';
import type { PageCtx } from './page.ts';

/**
 * GOV.UK-style form parts: label, hint, inline error, and an error summary at the top that links to each field and
 * takes focus on load, so screen-reader users hear the problem first.
 */
export function ErrorSummary({
  p,
  state,
  labels,
}: {
  p: PageCtx;
  state?: FormState;
  /** The fields' labels as shown on the page: each line of the summary then starts with the label the person sees. */
  labels?: Readonly<Record<string, string>>;
}) {
  const entries = Object.entries(state?.errors ?? {}).map(
    ([field, msg]) => [field, withLabel(p, field, msg, labels?.[field])] as const,
  );
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title">{p.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, msg]) => (
          <li key={field}>{field === '_form' ? msg : <a href={`#${field}`}>{msg}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Nama instansi: wajib diisi", not "Nama lengkap: wajib diisi": the validation prefixes the catalogue's generic label
 * (`label.<field>`) when it knows one; the page's own label replaces it, or is added when there was none.
 */
function withLabel(p: PageCtx, field: string, msg: string, label: string | undefined): string {
  if (!label || field === '_form') return msg;
  const generic = `${p.t(`label.${field}` as Parameters<PageCtx['t']>[0])}: `;
  const bare = msg.startsWith(generic) ? msg.slice(generic.length) : msg;
  if (bare.startsWith(`${label}: `) || bare.startsWith(label)) return bare;
  return `${label}: ${bare.charAt(0).toLowerCase()}${bare.slice(1)}`;
}

export function Csrf({ p }: { p: PageCtx }) {
  return <input type="hidden" name="_csrf" value={p.csrf} />;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  state?: FormState;
  optional?: boolean;
  p: PageCtx;
}

/** Beside the field its label is already shown: the message alone ("Wajib diisi"), without the summary's prefix. */
function inlineMessage(p: PageCtx, field: string, msg: string | undefined): string | undefined {
  if (!msg) return msg;
  const generic = `${p.t(`label.${field}` as Parameters<PageCtx['t']>[0])}: `;
  if (!msg.startsWith(generic)) return msg;
  const bare = msg.slice(generic.length);
  return `${bare.charAt(0).toUpperCase()}${bare.slice(1)}`;
}

function FieldShell(props: FieldProps & { children: ComponentChildren }) {
  const error = inlineMessage(props.p, props.name, props.state?.errors[props.name]);
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={props.name}>
        {props.label}
        {props.optional ? <span class="optional"> {props.p.t('form.optional')}</span> : null}
      </label>
      {props.hint ? (
        <div class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <p class="error-message" id={`${props.name}-error`}>
          <span class="visually-hidden">Galat: </span>
          {error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

function describedBy(props: FieldProps) {
  const ids = [props.hint ? `${props.name}-hint` : '', props.state?.errors[props.name] ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return ids || undefined;
}

export function TextField(
  props: FieldProps & { type?: string; autocomplete?: string; inputMode?: string; value?: string; width?: string },
) {
  const value = props.type === 'password' ? '' : (props.value ?? props.state?.values[props.name] ?? '');
  return (
    <FieldShell {...props}>
      <input
        class={`input${props.width ? ` w-${props.width}` : ''}`}
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={value}
        autoComplete={props.autocomplete}
        inputMode={props.inputMode as 'numeric' | undefined}
        aria-describedby={describedBy(props)}
        aria-invalid={props.state?.errors[props.name] ? 'true' : undefined}
        required={!props.optional}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  return (
    <FieldShell {...props}>
      <textarea
        class="input"
        id={props.name}
        name={props.name}
        rows={props.rows ?? 4}
        aria-describedby={describedBy(props)}
        aria-invalid={props.state?.errors[props.name] ? 'true' : undefined}
      >
        {props.state?.values[props.name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; value?: string }) {
  const selected = props.value ?? props.state?.values[props.name] ?? '';
  return (
    <FieldShell {...props}>
      <select
        class="input"
        id={props.name}
        name={props.name}
        aria-describedby={describedBy(props)}
        aria-invalid={props.state?.errors[props.name] ? 'true' : undefined}
      >
        <option value="">{props.p.t('form.choose')}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function FileField(props: FieldProps & { accept?: string }) {
  return (
    <FieldShell {...props}>
      <input
        class="input-file"
        id={props.name}
        name={props.name}
        type="file"
        accept={props.accept}
        aria-describedby={describedBy(props)}
      />
    </FieldShell>
  );
}

export function Button(props: {
  children: ComponentChildren;
  variant?: 'secondary' | 'warning';
  name?: string;
  value?: string;
}) {
  return (
    <button
      type="submit"
      class={`button${props.variant ? ` ${props.variant}` : ''}`}
      name={props.name}
      value={props.value}
    >
      {props.children}
    </button>
  );
}

/** A new password typed twice (setup, reset, change, registration): one component so the rules read the same. */
export function NewPasswordFields({ p, state, label }: { p: PageCtx; state?: FormState; label?: string }) {
  return (
    <>
      <TextField
        p={p}
        state={state}
        name="password"
        type="password"
        label={label ?? p.t('auth.password')}
        hint={p.t('auth.passwordHint')}
        autocomplete="new-password"
        width="medium"
      />
      <TextField
        p={p}
        state={state}
        name="passwordConfirm"
        type="password"
        label={p.t('auth.passwordConfirm')}
        autocomplete="new-password"
        width="medium"
      />
    </>
  );
}
