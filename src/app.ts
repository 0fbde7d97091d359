import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { assertCan } from './platform/auth/permissions.ts';
import { loadActor, SESSION_COOKIE } from './platform/auth/session.ts';
import { AppError, unauthenticated } from './platform/errors.ts';
import { maxUploadBytes } from './platform/files/document-classes.ts';
import { type Access, PUBLIC, type RouteEntry } from './platform/http/access.ts';
import type { Services } from './platform/http/context.ts';
import { CSRF_COOKIE } from './platform/http/csrf.ts';
import { mapError, sendError } from './platform/http/errors.tsx';
import { registerPageCache } from './platform/http/page-cache.ts';
import { type Locale, parseLocale, translator } from './platform/i18n/i18n.ts';
import { loadNavCounts } from './platform/ui/page.ts';
import { registry } from './registry.ts';

const publicDir = fileURLToPath(new URL('./public', import.meta.url));

/** Secrets never reach the logs: cookies, tokens and passwords are redacted wherever they appear. */
export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  'mail.text',
];

/** Query parameters that carry secrets in URLs: the CSRF token of multipart forms, one-time link tokens. */
const SECRET_QUERY = /([?&](?:_csrf|token)=)[^&#]*/gi;
export const redactUrl = (url: string) => url.replace(SECRET_QUERY, '$1[disembunyikan]');

/**
 * The request as it appears in the log: Fastify's default fields, with the URL's secret query parameters redacted
 * (pino's `redact` works on whole fields, so `?_csrf=…` inside `req.url` needs its own serializer).
 */
export function serializeRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** HSTS for a year, sent only on HTTPS responses (browsers ignore it over plain HTTP, and it must not pin a test). */
const HSTS = 'max-age=31536000; includeSubDomains';

export type BuildOptions = { logger?: FastifyBaseLogger };

/**
 * Builds the whole application as a tree of plugins: external plugins, then platform hooks, then one plugin per
 * feature module. Nothing here listens on a port, so tests drive it through `app.inject()`.
 */
export async function buildApp(services: Services, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    trustProxy: services.config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    requestTimeout: 120_000,
    connectionTimeout: 0,
    return503OnClosing: true,
    // Every request's logger serializes the request without secrets in its URL.
    childLoggerFactory: (logger, bindings, childOpts) =>
      logger.child(bindings, { ...childOpts, serializers: { ...childOpts.serializers, req: serializeRequest } }),
    routerOptions: {
      maxParamLength: 200,
      // One value per query parameter (the last one wins): `?q=a&q=b` must never reach a handler as an array.
      querystringParser: (str: string) => Object.fromEntries(new URLSearchParams(str)),
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('services', services);

  // Security headers from helmet, built once: @fastify/helmet rebuilds its middleware (and re-parses the CSP) on every
  // request, which cost a fifth of the portal's throughput.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Documents are shown inline beside their data on the verification page, from our own origin.
    frameguard: { action: 'sameorigin' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: false },
    // Multipart forms carry the token in the query string: their body is a stream that is read only after the check.
    getToken: (req) => {
      const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
      const fromQuery = (req.query as Record<string, unknown> | undefined)?._csrf;
      const fromHeader = req.headers['x-csrf-token'];
      const token = fromBody ?? fromQuery ?? fromHeader;
      return typeof token === 'string' ? token : undefined;
    },
  });
  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes(), files: 10, fields: 60, parts: 70, fieldSize: 64 * 1024 },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'LPSE Terpadu API',
        version: '1',
        description: 'JSON API of LPSE Terpadu. Errors are `{"error":{"code","message"}}` with a 4xx status.',
      },
      servers: [{ url: services.config.baseUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/static/',
    maxAge: '1d',
    index: false,
  });

  // Every route declares who may reach it (platform/http/access.ts); an undeclared route stops the app from starting.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/static/')) return; // files of the public stylesheet
    const access = route.config?.access;
    if (!access)
      throw new Error(`route ${String(route.method)} ${route.url} declares no access (platform/http/access.ts)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    }
  });

  app.decorateRequest('ctx', undefined as never);
  app.decorateRequest('navCounts', undefined);
  const pageCache = registerPageCache(app, services.clock);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/static/') || req.url === '/healthz') return;
    const actor = await loadActor(services.database.db, services.clock, req.cookies[SESSION_COOKIE]);
    const locale: Locale = parseLocale(req.cookies.lang) ?? 'id';
    req.ctx = {
      db: services.database.db,
      clock: services.clock,
      config: services.config,
      files: services.files,
      actor,
      requestId: req.id,
      locale,
      t: translator(locale),
    };
    // The CSRF secret cookie is `Secure` exactly when the session cookie is: when the request came over HTTPS.
    if (req.protocol === 'https') {
      const generate = reply.generateCsrf;
      reply.generateCsrf = (o) => generate.call(reply, { ...o, secure: true });
    }
    // The declared access is checked before the body is read: a refused upload never reaches the blob store.
    checkAccess(req.routeOptions.config?.access, req.ctx.actor);
    if (pageCache.answer(req, reply, locale)) return reply;
    // Counts beside nav entries (unread notifications) for signed-in page views only: not the API, not downloads.
    if (actor && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/berkas/')) {
      req.navCounts = await loadNavCounts(services.database.db, actor);
    }
  });
  // PostgreSQL refuses NUL and lone UTF-16 surrogates (`"\ud800"` in JSON) in text: reject them up front as bad input
  // instead of letting a query fail with a 500.
  app.addHook('preValidation', async (req) => {
    if (containsNul(req.query) || containsNul(req.params) || containsNul(req.body)) {
      throw new AppError('NUL_IN_INPUT', 400, 'error.badRequest');
    }
  });
  // CSRF on every state-changing request: forms, multipart uploads and JSON API calls alike.
  app.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return done();
    app.csrfProtection(req, reply, done);
  });

  app.setErrorHandler((err, req, reply) => {
    const mapped = mapError(err as Error);
    if (!mapped) {
      req.log.error({ err }, 'unhandled error');
      return sendError(req, reply, 500, 'INTERNAL', 'error.internal');
    }
    if (mapped.status >= 500) req.log.error({ err }, 'server error');
    return sendError(
      req,
      reply,
      mapped.status,
      mapped.code,
      mapped.messageKey,
      mapped.params,
      mapped.details,
      mapped.refusal,
    );
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404, 'NOT_FOUND', 'error.notFound'));

  app.get('/healthz', { config: PUBLIC }, async (_req, reply) => {
    const ok = await services.database.ping();
    return reply.code(ok ? 200 : 503).send(ok ? { status: 'ok' } : { status: 'unavailable' });
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: PUBLIC }, async () => app.swagger());

  // Every module's routes, in the order of the module list (src/modules.ts).
  for (const m of registry().modules) if (m.plugin) await app.register(m.plugin);
  return app;
}

function checkAccess(access: Access | undefined, actor: FastifyRequest['ctx']['actor']) {
  if (!access || access.kind === 'public') return;
  if (access.kind === 'signedIn') {
    if (!actor) throw unauthenticated();
    return;
  }
  assertCan(actor, access.permission);
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string')
    return value.includes('\u0000') || !(value as string & { isWellFormed(): boolean }).isWellFormed();
  if (depth > 5 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => containsNul(k) || containsNul(v, depth + 1));
}
