import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { PUBLIC } from '../../../platform/http/access.ts';
import type { Release } from '../merge.ts';
import { releasesSince } from '../opendata.repository.ts';
import { authenticateApiKey } from './api-keys.ts';
import { nationalItem } from './national-shape.ts';

/** Requests per key per minute on the harvesting endpoint. */
export const HARVEST_RATE_PER_MINUTE = 60;

/**
 * A fixed one-minute window per key, in this process's memory (one server process per LPSE). Enough to stop a
 * runaway harvester; not a quota.
 */
function rateLimiter(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (keyId: string, now: number) => {
    const w = windows.get(keyId);
    if (!w || now - w.start >= 60_000) {
      windows.set(keyId, { start: now, count: 1 });
      return 0;
    }
    w.count += 1;
    return w.count > perMinute ? Math.ceil((w.start + 60_000 - now) / 1000) : 0;
  };
}

const ErrorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function presentedKey(req: FastifyRequest) {
  const h = req.headers['x-api-key'];
  if (typeof h === 'string') return h.trim();
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

/**
 * The national portal's pull feed (R49): RUP and tender announcements by kode RUP / kode tender with the national
 * field names (DOMAIN §2.3–2.4), for consumers holding a key issued by the Admin Sistem, rate-limited per key.
 * The route is public to the framework (no session); the key is its access check.
 */
export async function nationalApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const limited = rateLimiter(HARVEST_RATE_PER_MINUTE);
  const refuse = (reply: FastifyReply, status: number, code: string, message: string) =>
    reply.code(status).send({ error: { code, message } });

  app.get(
    '/api/v1/nasional/paket',
    {
      config: PUBLIC,
      schema: {
        tags: ['ocds'],
        summary: 'National portal feed: RUP and tender announcements by kd_rup / kd_tender (API key required)',
        description:
          'Send the key issued by the LPSE in `X-API-Key` (or `Authorization: Bearer`). Items follow the OCDS release feed: same cursor (`since`), oldest first; follow `next` until `items` is empty. Limited to 60 requests per minute per key (429 with Retry-After).',
        querystring: z.object({
          since: z
            .string()
            .regex(/^\d{1,15}$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(z.record(z.string(), z.unknown())),
            next: z.string(),
          }),
          400: ErrorOut,
          401: ErrorOut,
          429: ErrorOut,
        },
      },
    },
    async (req, reply) => {
      const key = await authenticateApiKey(req.ctx.db, presentedKey(req), req.ctx.clock.now());
      if (!key) {
        reply.header('www-authenticate', 'Bearer realm="lpse-nasional"');
        return refuse(reply, 401, 'API_KEY_INVALID', 'Kunci API tidak ada, salah, atau sudah dicabut.');
      }
      const wait = limited(key.id, Date.now());
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return refuse(reply, 429, 'RATE_LIMITED', 'Terlalu banyak permintaan; coba lagi nanti.');
      }
      const since = Number(req.query.since ?? 0);
      const limit = req.query.limit ?? 100;
      const rows = await releasesSince(req.ctx.db, since, limit);
      const cursor = rows.length ? rows[rows.length - 1]!.seq : since;
      return {
        items: rows.map((r) => nationalItem(r.seq, JSON.parse(r.json) as Release)),
        next: `${req.ctx.config.baseUrl}/api/v1/nasional/paket?since=${cursor}${req.query.limit ? `&limit=${limit}` : ''}`,
      };
    },
  );
}
