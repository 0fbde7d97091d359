import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { MessageKey } from '../../locales/id.ts';
import { PolicyRefusal } from '../auth/policy.ts';
import { AppError } from '../errors.ts';
import { formatDateTime, isMessageKey, translator } from '../i18n/i18n.ts';
import { Layout } from '../ui/layout.tsx';
import { pageCtx, sendHtml } from '../ui/page.ts';

interface Mapped {
  status: number;
  code: string;
  messageKey: MessageKey;
  params?: Record<string, string | number>;
  details?: unknown;
  /** A policy refusal's legal basis and, for time-gated actions, when the action opens. */
  refusal?: { basis?: string; opensAt?: Date };
}

/** Fastify and plugin errors that are the client's fault, mapped to a stable code and a message people can read. */
const FRAMEWORK_ERRORS: Record<string, Omit<Mapped, 'details'>> = {
  FST_CSRF_INVALID_TOKEN: { status: 403, code: 'CSRF_INVALID', messageKey: 'error.csrf' },
  FST_CSRF_MISSING_SECRET: { status: 403, code: 'CSRF_INVALID', messageKey: 'error.csrf' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', messageKey: 'error.invalidJson' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON', messageKey: 'error.invalidJson' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    messageKey: 'error.unsupportedMediaType',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', messageKey: 'error.badRequest' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    messageKey: 'error.bodyTooLarge',
  },
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    code: 'FILE_TOO_LARGE',
    messageKey: 'error.fileTooLarge',
    params: { max: 20 },
  },
  FST_FILES_LIMIT: { status: 413, code: 'TOO_MANY_FILES', messageKey: 'error.badRequest' },
  FST_PARTS_LIMIT: { status: 413, code: 'TOO_MANY_PARTS', messageKey: 'error.badRequest' },
  FST_FIELDS_LIMIT: { status: 413, code: 'TOO_MANY_FIELDS', messageKey: 'error.badRequest' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'NOT_MULTIPART', messageKey: 'error.unsupportedMediaType' },
  FST_PROTO_VIOLATION: { status: 400, code: 'BAD_REQUEST', messageKey: 'error.badRequest' },
};

/**
 * The database pool could not give a connection within its wait (pg-pool's own message; drizzle wraps it as the
 * `cause` of its query error). Not a fault of the request: the server is saturated — at a bid deadline, say — so the
 * answer is 503 with Retry-After, which a tus client (and a person) retries, never a 500.
 */
export function isDatabaseBusy(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.message === 'timeout exceeded when trying to connect') return true;
  }
  return false;
}

/** Seconds a client is asked to wait after a 503 (SERVICE_BUSY). */
export const BUSY_RETRY_AFTER_S = 5;

export function mapError(err: FastifyError | AppError | Error): Mapped | undefined {
  if (err instanceof PolicyRefusal) {
    return {
      status: err.status,
      code: err.code,
      messageKey: err.messageKey,
      params: err.params,
      refusal: { basis: err.basis, opensAt: err.opensAt },
    };
  }
  if (err instanceof AppError)
    return { status: err.status, code: err.code, messageKey: err.messageKey, params: err.params };
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe) || fe.validation) {
    return {
      status: 400,
      code: 'VALIDATION',
      messageKey: 'error.validation',
      details: fe.validation?.map((v) => ({ path: v.instancePath, message: v.message })),
    };
  }
  if (fe.code && FRAMEWORK_ERRORS[fe.code]) return FRAMEWORK_ERRORS[fe.code];
  if (isDatabaseBusy(err)) return { status: 503, code: 'SERVICE_BUSY', messageKey: 'error.busy' };
  if (fe.statusCode === 429) return { status: 429, code: 'RATE_LIMITED', messageKey: 'error.rateLimited' };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: 'BAD_REQUEST', messageKey: 'error.badRequest' };
  }
  return undefined;
}

export const isApiRequest = (req: FastifyRequest) => req.url.startsWith('/api/');

export function ErrorPage(props: {
  p: ReturnType<typeof pageCtx>;
  status: number;
  message: string;
  refusal?: Mapped['refusal'];
}) {
  const { p } = props;
  const titleKey = `error.status.${props.status}` as MessageKey;
  const title = p.t(titleKey) === titleKey ? p.t('error.title') : p.t(titleKey);
  return (
    <Layout p={p} title={title}>
      <h1>{title}</h1>
      <p class="lead">{props.message}</p>
      {props.refusal?.opensAt ? (
        <p class="refusal-opens">{p.t('error.opensAt', { when: formatDateTime(props.refusal.opensAt, p.locale) })}</p>
      ) : null}
      {props.refusal?.basis ? <p class="refusal-basis">{p.t('error.basis', { basis: props.refusal.basis })}</p> : null}
      {props.status === 401 ? (
        <p>
          <a href={`/masuk?kembali=${encodeURIComponent(p.path)}`}>{p.t('nav.login')}</a>
        </p>
      ) : null}
      <p>
        <a href="/">{p.t('error.home')}</a>
      </p>
    </Layout>
  );
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  messageKey: MessageKey,
  params?: Record<string, string | number>,
  details?: unknown,
  refusal?: Mapped['refusal'],
) {
  const t = req.ctx?.t ?? translator('id');
  const message = t(messageKey, params);
  // The stable code on every error answer, pages included: a test (or a proxy's log) can tell a refused permission
  // (FORBIDDEN) from a stale form (CSRF_INVALID) without reading the prose.
  reply.header('x-error-code', code);
  if (status === 503) reply.header('retry-after', String(BUSY_RETRY_AFTER_S));
  if (isApiRequest(req)) {
    // Schema messages are catalogue keys: API clients get them translated too, with the field path.
    const translated = Array.isArray(details)
      ? details.map((d: { path?: string; message?: string }) => ({
          path: d.path,
          message: d.message && isMessageKey(d.message) ? t(d.message) : d.message,
        }))
      : undefined;
    return reply.code(status).send({
      error: {
        code,
        message,
        ...(translated ? { details: translated } : {}),
        ...(refusal?.basis ? { basis: refusal.basis } : {}),
        ...(refusal?.opensAt ? { opensAt: refusal.opensAt.toISOString() } : {}),
      },
    });
  }
  if (!req.ctx) {
    // The failure happened before the request context existed (e.g. a malformed URL): plain text is all we can do.
    return reply.code(status).type('text/plain; charset=utf-8').send(message);
  }
  // A 401 on a page is best answered with the login form, which returns the person to where they were.
  if (status === 401 && req.method === 'GET') {
    return reply
      .code(303)
      .header('location', `/masuk?kembali=${encodeURIComponent(req.url)}`)
      .send();
  }
  return sendHtml(
    reply,
    <ErrorPage p={pageCtx(req, reply)} status={status} message={message} refusal={refusal} />,
    status,
  );
}
