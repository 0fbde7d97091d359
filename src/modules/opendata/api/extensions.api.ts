import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../../platform/http/access.ts';

/** The local sanggah extension's files (`extensions/sanggah/`), read once. */
const dir = new URL('../extensions/sanggah/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const FILES = {
  'extension.json': { type: 'application/json; charset=utf-8', text: read('extension.json') },
  'release-schema.json': { type: 'application/json; charset=utf-8', text: read('release-schema.json') },
  'README.md': { type: 'text/markdown; charset=utf-8', text: read('README.md') },
} as const;
const CODELISTS = ['complaintType.csv', 'complaintStatus.csv', 'complaintOutcome.csv'] as const;
const CODELIST_TEXT = Object.fromEntries(CODELISTS.map((c) => [c, read(`codelists/${c}`)]));

/**
 * The local sanggah / sanggah banding extension (no official one exists), served the way OCDS tools fetch an
 * extension: `extension.json`, and its `release-schema.json`, `README.md` and `codelists/*.csv` beside it.
 */
export async function extensionsApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/ocds/extensions/sanggah/:file',
    {
      config: PUBLIC,
      schema: {
        tags: ['ocds'],
        summary:
          'The local OCDS extension for sanggah and sanggah banding: extension.json, release-schema.json, README.md',
        params: z.object({ file: z.enum(['extension.json', 'release-schema.json', 'README.md']) }),
      },
    },
    async (req, reply) => {
      const f = FILES[req.params.file];
      reply.type(f.type);
      if (req.params.file !== 'extension.json') return f.text;
      // Its documentation is this LPSE's publication policy.
      const ext = JSON.parse(f.text) as Record<string, unknown>;
      const doc = `${req.ctx.config.baseUrl}/data-terbuka#sanggah`;
      return JSON.stringify({ ...ext, documentationUrl: { en: doc, id: doc } }, null, 2);
    },
  );
  app.get(
    '/api/v1/ocds/extensions/sanggah/codelists/:file',
    {
      config: PUBLIC,
      schema: {
        tags: ['ocds'],
        summary: 'A codelist of the sanggah extension (CSV)',
        params: z.object({ file: z.enum(CODELISTS) }),
      },
    },
    async (req, reply) => {
      reply.type('text/csv; charset=utf-8');
      return CODELIST_TEXT[req.params.file];
    },
  );
}
