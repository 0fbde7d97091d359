import { pipeline, Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { PUBLIC } from '../../../platform/http/access.ts';
import { compileReleases, type Release, versionReleases } from '../merge.ts';
import { extensionsOf, LICENSE_URL, OCDS_VERSION, PAGE_SIZE, type Publication } from '../ocds.ts';
import { releaseBatches, releasesOf, releasesSince } from '../opendata.repository.ts';

const ErrorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const Publisher = z.object({ name: z.string(), uri: z.string() });
const ReleaseOut = z.record(z.string(), z.unknown()).describe('An OCDS 1.1.5 release');

function packageHead(pub: Publication & { name: string }, uri: string, publishedDate: Date) {
  return {
    uri,
    version: OCDS_VERSION,
    extensions: extensionsOf(pub.baseUrl),
    publishedDate: publishedDate.toISOString(),
    publisher: { name: pub.name, uri: pub.baseUrl },
    license: LICENSE_URL,
    publicationPolicy: `${pub.baseUrl}/data-terbuka#kebijakan`,
  };
}

const pubOf = (req: { ctx: { config: { baseUrl: string; ocdsPrefix: string; lpseName: string } } }) => ({
  baseUrl: req.ctx.config.baseUrl,
  prefix: req.ctx.config.ocdsPrefix,
  name: req.ctx.config.lpseName,
});

/** The OCDS feed (R02, R49): cursor-paged release packages, record packages, and the bulk export. */
export async function ocdsApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/ocds/releases',
    {
      config: PUBLIC,
      schema: {
        tags: ['ocds'],
        summary: 'OCDS release package: releases after the `since` cursor, oldest first (newest last)',
        description:
          'Start without `since`; then follow `links.next` (or pass the `since` it carries) until a page has no releases, and keep polling from there. Each release is numbered in commit order, so a harvester that follows the cursor never misses or repeats a release.',
        querystring: z.object({
          since: z
            .string()
            .regex(/^\d{1,15}$/)
            .optional()
            .describe('The cursor: the number of the last release already read (from links.next)'),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
        response: {
          200: z.object({
            uri: z.string(),
            version: z.string(),
            extensions: z.array(z.string()),
            publishedDate: z.string(),
            publisher: Publisher,
            license: z.string(),
            publicationPolicy: z.string(),
            releases: z.array(ReleaseOut),
            links: z.object({ next: z.string() }),
          }),
          400: ErrorOut,
        },
      },
    },
    async (req) => {
      const pub = pubOf(req);
      const since = Number(req.query.since ?? 0);
      const limit = req.query.limit ?? PAGE_SIZE;
      const rows = await releasesSince(req.ctx.db, since, limit);
      const cursor = rows.length ? rows[rows.length - 1]!.seq : since;
      const self = `${pub.baseUrl}/api/v1/ocds/releases?since=${since}`;
      return {
        ...packageHead(pub, self, req.ctx.clock.now()),
        releases: rows.map((r) => JSON.parse(r.json) as Record<string, unknown>),
        links: {
          next: `${pub.baseUrl}/api/v1/ocds/releases?since=${cursor}${req.query.limit ? `&limit=${limit}` : ''}`,
        },
      };
    },
  );

  app.get(
    '/api/v1/ocds/records/:ocid',
    {
      config: PUBLIC,
      schema: {
        tags: ['ocds'],
        summary: 'OCDS record package of one process: its releases, compiled release and versioned release',
        params: z.object({ ocid: z.string().max(200) }),
        response: {
          200: z.object({
            uri: z.string(),
            version: z.string(),
            extensions: z.array(z.string()),
            publishedDate: z.string(),
            publisher: Publisher,
            license: z.string(),
            publicationPolicy: z.string(),
            packages: z.array(z.string()),
            records: z.array(
              z.object({
                ocid: z.string(),
                releases: z.array(ReleaseOut),
                compiledRelease: ReleaseOut,
                versionedRelease: ReleaseOut,
              }),
            ),
          }),
          404: ErrorOut,
        },
      },
    },
    async (req) => {
      const pub = pubOf(req);
      const ocid = req.params.ocid;
      if (!/^ocds-[a-z0-9]{6}-[A-Za-z0-9-]{1,100}$/.test(ocid)) throw notFound();
      const releases: Release[] = await releasesOf(req.ctx.db, ocid);
      if (releases.length === 0) throw notFound();
      return {
        ...packageHead(pub, `${pub.baseUrl}/api/v1/ocds/records/${ocid}`, req.ctx.clock.now()),
        packages: [`${pub.baseUrl}/api/v1/ocds/releases`],
        records: [
          {
            ocid,
            releases,
            compiledRelease: compileReleases(releases),
            versionedRelease: versionReleases(releases),
          },
        ],
      };
    },
  );

  const bulk = (gzip: boolean) => async (req: { ctx: { db: Db } }, reply: FastifyReply) => {
    // One string per release, at most 64 waiting: the socket's pace drives the reads (backpressure). Not one joined
    // string per batch: over ~128 KB a string lives in V8's large-object space until a full GC. The server runs with
    // --no-allocation-site-pretenuring (package.json) so that these short-lived rows and strings die young: 1,000,000
    // releases grew RSS by 12 MB instead of ~190 MB (bench, docs/modules/opendata.md).
    const lines = Readable.from(
      (async function* () {
        for await (const batch of releaseBatches(req.ctx.db, 200)) for (const json of batch) yield `${json}\n`;
      })(),
      { objectMode: true, highWaterMark: 64 },
    );
    reply.header('content-disposition', `attachment; filename="ocds-releases.jsonl${gzip ? '.gz' : ''}"`);
    reply.type(gzip ? 'application/gzip' : 'application/x-ndjson; charset=utf-8');
    if (!gzip) return reply.send(lines);
    const gz = createGzip();
    // A failure mid-stream (database gone) destroys the response instead of sending a truncated file as complete.
    pipeline(lines, gz, () => {});
    return reply.send(gz);
  };

  app.get(
    '/api/v1/ocds/releases.jsonl',
    {
      config: PUBLIC,
      schema: {
        tags: ['ocds'],
        summary: 'Bulk export: every release, one JSON object a line (JSON Lines), oldest first, streamed',
      },
    },
    bulk(false),
  );
  app.get(
    '/api/v1/ocds/releases.jsonl.gz',
    {
      config: PUBLIC,
      schema: { tags: ['ocds'], summary: 'Bulk export, gzip-compressed JSON Lines' },
    },
    bulk(true),
  );
}
