import type { MessageKey } from '../registry.ts';

/**
 * A typed, expected failure. `code` is stable for API clients; `messageKey` names the catalogue entry that
 * explains it to people; `status` is the HTTP status. Anything that is not an AppError is a bug and is
 * shown as a generic 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export const forbidden = (messageKey: MessageKey = 'error.forbidden') => new AppError('FORBIDDEN', 403, messageKey);
export const notFound = (messageKey: MessageKey = 'error.notFound') => new AppError('NOT_FOUND', 404, messageKey);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401, 'error.unauthenticated');
export const conflict = (code: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
  new AppError(code, 409, messageKey, params);
export const badRequest = (code: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
  new AppError(code, 400, messageKey, params);

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
