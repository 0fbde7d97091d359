import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { accountsPlugin } from './modules/accounts/accounts.plugin.ts';
import { auditPlugin } from './modules/audit/audit.plugin.ts';
import { organisationPlugin } from './modules/organisation/organisation.plugin.ts';
import { portalPlugin } from './modules/portal/portal.plugin.ts';
import { registrationPlugin } from './modules/registration/index.ts';
import { loadActor, SESSION_COOKIE } from './platform/auth/session.ts';
import { AppError } from './platform/errors.ts';
import { MAX_UPLOAD_BYTES } from './platform/files/document-classes.ts';
import { filesPlugin } from './platform/files/files.plugin.ts';
import type { Services } from './platform/http/context.ts';
import { mapError, sendError } from './platform/http/errors.tsx';
import { type Locale, parseLocale, translator } from './platform/i18n/i18n.ts';
import { jobsPlugin } from './platform/jobs/jobs.plugin.ts';

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
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'lpse_csrf',
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
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 10, fields: 60, parts: 70, fieldSize: 64 * 1024 },
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

  app.decorateRequest('ctx', undefined as never);
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
      actorRole: actor?.roles[0]?.role ?? null,
      requestId: req.id,
      locale,
      t: translator(locale),
    };
  });
  // PostgreSQL refuses NUL in text: reject it up front as bad input instead of letting a query fail with a 500.
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
    return sendError(req, reply, mapped.status, mapped.code, mapped.messageKey, mapped.params, mapped.details);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404, 'NOT_FOUND', 'error.notFound'));

  app.get('/healthz', async (_req, reply) => {
    const ok = await services.database.ping();
    return reply.code(ok ? 200 : 503).send(ok ? { status: 'ok' } : { status: 'unavailable' });
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(filesPlugin);
  await app.register(portalPlugin);
  await app.register(accountsPlugin);
  await app.register(organisationPlugin);
  await app.register(registrationPlugin);
  await app.register(auditPlugin);
  await app.register(jobsPlugin);
  return app;
}

export const staticRoot = path.resolve(publicDir);

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 5 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}
