import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/session.ts';
import type { Clock } from '../clock.ts';
import { PUBLIC } from './access.ts';

/**
 * A short cache of the anonymous public pages that the whole regency reads on a deadline day (the tender list and
 * detail, the home page, the RUP list), per locale and full URL.
 *
 * Freshness, in this process: every state-changing request (any method but GET/HEAD/OPTIONS) and every job run bumps
 * a generation once it has finished, i.e. after its transaction committed; an entry is served only while the
 * generation it was *started* under is still current, so a page rendered from data read before a change is never
 * served after it. Across processes sharing one database, and for what changes only with time (the current stage of a
 * tender), an entry lives at most TTL_MS.
 *
 * Only what is the same for every anonymous reader is kept: no session cookie on the request, a 200 HTML response
 * that set no cookie and asked for no CSRF token (a token is bound to one browser's secret cookie).
 */
export const PUBLIC_CACHED = { ...PUBLIC, pageCache: true } as const;

const TTL_MS = 10_000;
const MAX_ENTRIES = 2_000;
const MAX_URL = 512;

interface Entry {
  at: number;
  generation: number;
  body: string;
  /** Made on the first hit from a browser that accepts gzip (every browser does): a fifth of the bytes to send. */
  gzipped?: Buffer;
  contentType: string;
}

let generation = 0;

/** Called when something may have changed public data (after a write request or a job ran). */
export function bumpPageCacheGeneration(): void {
  generation++;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anonymous GETs of this route may be answered from the page cache (platform/http/page-cache.ts). */
    pageCache?: boolean;
  }
  interface FastifyRequest {
    pageCacheKey?: { key: string; generation: number };
  }
}

const CSRF_USED = Symbol('csrfUsed');
type CsrfFlagged = FastifyReply & { [CSRF_USED]?: boolean };

export interface PageCache {
  /**
   * In the onRequest hook, after the access check: answers from the cache when it can (returns true), otherwise
   * marks the request so that onSend keeps its page.
   */
  answer(req: FastifyRequest, reply: FastifyReply, locale: string): boolean;
}

export function registerPageCache(app: FastifyInstance, clock: Clock): PageCache {
  // One map per app instance: two apps in one process (tests) never see each other's pages.
  const entries = new Map<string, Entry>();

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') bumpPageCacheGeneration();
    const k = req.pageCacheKey;
    if (!k || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (reply.hasHeader('set-cookie') || (reply as CsrfFlagged)[CSRF_USED]) return payload;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    entries.set(k.key, {
      at: clock.now().getTime(),
      generation: k.generation,
      body: payload,
      contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
    });
    return payload;
  });

  return {
    answer(req, reply, locale) {
      if (req.method !== 'GET' || !req.routeOptions.config?.pageCache) return false;
      if (req.cookies[SESSION_COOKIE] || req.url.length > MAX_URL) return false;
      const key = `${locale} ${req.url}`;
      const hit = entries.get(key);
      const age = clock.now().getTime() - (hit?.at ?? 0);
      if (hit && hit.generation === generation && age >= 0 && age < TTL_MS) {
        reply.header('cache-control', 'no-store').header('x-page-cache', 'hit').header('vary', 'accept-encoding');
        reply.type(hit.contentType);
        if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          hit.gzipped ??= gzipSync(hit.body, { level: 6 });
          reply.header('content-encoding', 'gzip').send(hit.gzipped);
        } else reply.send(hit.body);
        return true;
      }
      req.pageCacheKey = { key, generation };
      const generate = reply.generateCsrf;
      reply.generateCsrf = function (this: FastifyReply, ...args: Parameters<typeof generate>) {
        (reply as CsrfFlagged)[CSRF_USED] = true;
        return generate.apply(this, args);
      } as typeof generate;
      return false;
    },
  };
}
