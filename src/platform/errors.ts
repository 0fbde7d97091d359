import type { MessageKey } from '../registry.ts';
import type { Translate } from './i18n/i18n.ts';

export type ErrorParams = Record<string, string | number>;

/**
 * A typed, expected failure. `code` is stable for API clients; `messageKey` names the catalogue entry that
 * explains it to people; `status` is the HTTP status; `field`, when set, names the form field the refusal is about,
 * so a form shows the message beside that field (otherwise at the top of the form). Anything that is not an AppError
 * is a bug and is shown as a generic 500 without details.
 */
export class AppError extends Error {
  readonly field: string | undefined;
  /** Further problems, each beside its own field (e.g. every missing item of an incomplete registration). */
  readonly fields: Readonly<Record<string, MessageKey>>;
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageKey: MessageKey,
    readonly params: ErrorParams = {},
    opts: AppErrorOptions = {},
  ) {
    super(code);
    this.field = opts.field;
    this.fields = opts.fields ?? {};
  }
}
export interface AppErrorOptions {
  field?: string;
  fields?: Record<string, MessageKey>;
}

/** The refusal as form errors, in the page's language and WITH its parameters: field → message. */
export function formErrorsOf(err: AppError, t: Translate): Record<string, string> {
  const out: Record<string, string> = { [err.field ?? '_form']: t(err.messageKey, err.params) };
  for (const [field, key] of Object.entries(err.fields)) out[field] ??= t(key);
  return out;
}

/**
 * The one test of "does this refusal belong on the form?": an expected refusal (4xx AppError) is shown on the page
 * again, with what was typed. Not signed in, not allowed, or not found is the error page instead, and anything else
 * is a bug (500).
 */
export function isFormError(err: unknown): err is AppError {
  return err instanceof AppError && err.status < 500 && !PAGE_ERRORS.has(err.code);
}
const PAGE_ERRORS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

export const forbidden = (messageKey: MessageKey = 'error.forbidden') => new AppError('FORBIDDEN', 403, messageKey);
export const notFound = (messageKey: MessageKey = 'error.notFound') => new AppError('NOT_FOUND', 404, messageKey);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401, 'error.unauthenticated');
export const conflict = (code: string, messageKey: MessageKey, params?: ErrorParams, opts?: AppErrorOptions) =>
  new AppError(code, 409, messageKey, params, opts);
export const badRequest = (code: string, messageKey: MessageKey, params?: ErrorParams, opts?: AppErrorOptions) =>
  new AppError(code, 400, messageKey, params, opts);

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * The one UUID check. Ids arrive in URLs; a malformed one is simply "not found", never a database error (36 hyphens
 * once passed a looser check and reached PostgreSQL's uuid cast as a 500).
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

export function assertUuid(value: string): void {
  if (!isUuid(value)) throw notFound();
}
