import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { unauthenticated } from '../../../platform/errors.ts';
import { allow, SIGNED_IN } from '../../../platform/http/access.ts';
import { listUsers } from '../accounts.repository.ts';
import { createUser } from '../commands/users.ts';
import { NewUserSchema } from '../pages/users.pages.ts';

const RoleOut = z.object({ role: z.string(), agencyId: z.string().nullable() });
const MeOut = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(RoleOut),
});
const UserOut = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  email: z.string(),
  nip: z.string().nullable(),
  position: z.string().nullable(),
  status: z.enum(['active', 'inactive', 'pending']),
});
const ErrorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const presentUser = (u: z.infer<typeof UserOut>) => ({
  id: u.id,
  username: u.username,
  name: u.name,
  email: u.email,
  nip: u.nip,
  position: u.position,
  status: u.status,
});

export async function accountsApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/me',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user and their roles',
        response: { 200: MeOut, 401: ErrorOut },
      },
    },
    async (req) => {
      const a = req.ctx.actor;
      if (!a) throw unauthenticated();
      return { id: a.userId, username: a.username, name: a.name, email: a.email, roles: a.roles };
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: allow('users:read'),
      schema: {
        tags: ['accounts'],
        summary: 'List users',
        querystring: z.object({ q: z.string().max(100).optional() }),
        response: { 200: z.object({ data: z.array(UserOut) }), 401: ErrorOut, 403: ErrorOut },
      },
    },
    async (req) => {
      assertCan(req.ctx.actor, 'users:read');
      return { data: (await listUsers(req.ctx.db, req.query.q)).map(presentUser) };
    },
  );

  app.post(
    '/api/v1/users',
    {
      config: allow('users:manage'),
      schema: {
        tags: ['accounts'],
        summary: 'Create a user; a link to set the password is e-mailed',
        body: NewUserSchema,
        response: { 201: UserOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 409: ErrorOut },
      },
    },
    async (req, reply) => {
      const user = await createUser(req.ctx, req.body);
      return reply.code(201).send(presentUser(user));
    },
  );
}
