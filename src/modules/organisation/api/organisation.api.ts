import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, PUBLIC } from '../../../platform/http/access.ts';
import { createAgency } from '../commands/create-agency.ts';
import { listAgencies } from '../organisation.repository.ts';
import { NewAgencySchema } from '../pages/organisation.pages.ts';
import { AGENCY_KINDS } from '../views/organisation.views.tsx';

const AgencyOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  address: z.string().nullable(),
  active: z.boolean(),
});
const ErrorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const present = (a: z.infer<typeof AgencyOut>) => ({
  id: a.id,
  code: a.code,
  name: a.name,
  kind: a.kind,
  address: a.address,
  active: a.active,
});

export async function organisationApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  // Agencies are public information: the portal names the buyer of every tender.
  app.get(
    '/api/v1/agencies',
    {
      config: PUBLIC,
      schema: {
        tags: ['organisation'],
        summary: 'List agencies',
        response: { 200: z.object({ data: z.array(AgencyOut) }) },
      },
    },
    async (req) => ({ data: (await listAgencies(req.ctx.db)).map(present) }),
  );
  app.post(
    '/api/v1/agencies',
    {
      config: allow('agencies:manage'),
      schema: {
        tags: ['organisation'],
        summary: 'Add an agency',
        body: NewAgencySchema,
        response: { 201: AgencyOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 409: ErrorOut },
      },
    },
    async (req, reply) => reply.code(201).send(present(await createAgency(req.ctx, req.body))),
  );
}
