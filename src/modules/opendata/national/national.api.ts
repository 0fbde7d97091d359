import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { PUBLIC } from '../../../platform/http/access.ts';
import type { Release } from '../merge.ts';
import { releasesSince } from '../opendata.repository.ts';
import { authenticateApiKey, hashKey } from './api-keys.ts';
import { nationalItem } from './national-shape.ts';

/** Requests per key per minute on the harvesting endpoint. */
export const HARVEST_RATE_PER_MINUTE = 60;

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
  const refuse = (reply: FastifyReply, status: number, code: string, message: string) =>
    reply.code(status).send({ error: { code, message } });

  app.get(
    '/api/v1/nasional/paket',
    {
      // Per presented key (its hash; by address without one), through the platform's rate limiter: a 429 with
      // Retry-After and the code RATE_LIMITED. One server process per LPSE, so the count is this process's.
      config: {
        ...PUBLIC,
        rateLimit: {
          max: HARVEST_RATE_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (req: FastifyRequest) => {
            const key = presentedKey(req);
            return key ? `key:${hashKey(key)}` : `ip:${req.ip}`;
          },
        },
      },
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
