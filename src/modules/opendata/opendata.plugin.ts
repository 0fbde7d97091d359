import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../../platform/http/access.ts';
import { pageCtx, sendHtml } from '../../platform/ui/page.ts';
import { extensionsApi } from './api/extensions.api.ts';
import { ocdsApi } from './api/ocds.api.ts';
import { flaggedProcesses } from './indicators.ts';
import { nationalPlugin } from './national/national.plugin.ts';
import { publicationStats } from './opendata.repository.ts';
import { IndicatorsView } from './views/indicators.view.tsx';
import { OpenDataView } from './views/opendata.view.tsx';

export async function opendataPlugin(app: FastifyInstance) {
  app.get('/data-terbuka', { config: PUBLIC }, async (req, reply) => {
    const stats = await publicationStats(req.ctx.db);
    const d = {
      prefix: req.ctx.config.ocdsPrefix,
      placeholder: req.ctx.config.ocdsPrefixIsPlaceholder,
      releases: stats.releases,
      last: stats.last,
    };
    return sendHtml(reply, OpenDataView({ p: pageCtx(req, reply), d }));
  });
  app.get('/data-terbuka/indikator', { config: PUBLIC }, async (req, reply) => {
    const { assessed, flagged } = await flaggedProcesses(req.ctx.db);
    return sendHtml(reply, IndicatorsView({ p: pageCtx(req, reply), assessed, flagged }));
  });
  await app.register(ocdsApi);
  await app.register(extensionsApi);
  await app.register(nationalPlugin);
}
