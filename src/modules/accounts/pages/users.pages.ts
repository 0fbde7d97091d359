import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { ROLES } from '../../../platform/auth/roles.ts';
import { notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { emailField, nipField, optionalText, requiredText, usernameField } from '../../../platform/http/fields.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, redirectSeeOther, sendHtml } from '../../../platform/ui/page.ts';
import { listAgencies } from '../../organisation/index.ts';
import { findUserById, listUsers, rolesOfUser, rolesOfUsers } from '../accounts.repository.ts';
import { pendingRoleGrants } from '../commands/role-grants.ts';
import { approverRoleFor, createUser, grantRole, revokeRole } from '../commands/users.ts';
import { NewUserView, UserDetailView, UsersListView } from '../views/users.views.tsx';

const optionalAgency = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .pipe(z.uuid('validation.agency').nullable());

export const NewUserSchema = z.object({
  name: requiredText(),
  username: usernameField(),
  email: emailField(),
  nip: nipField(),
  position: optionalText(200),
  role: z
    .enum(['', ...ROLES], { error: 'validation.role' })
    .optional()
    .transform((v) => v || null),
  agencyId: optionalAgency,
});

export const GrantRoleSchema = z.object({
  role: z.enum(ROLES, { error: 'validation.role' }),
  agencyId: optionalAgency,
});

const agencyOptions = async (req: FastifyRequest) =>
  (await listAgencies(req.ctx.db)).filter((a) => a.active).map((a) => ({ id: a.id, name: a.name }));

async function detailView(req: FastifyRequest, p: PageCtx, userId: string, state?: FormState) {
  const user = await findUserById(req.ctx.db, userId);
  if (!user) throw notFound();
  const roles = await rolesOfUser(req.ctx.db, user.id);
  const pending = await pendingRoleGrants(req.ctx.db, user.id);
  return UserDetailView({ p, user, roles, pending, agencies: await agencyOptions(req), state });
}

/** User administration by the Unit Administrasi Sistem Elektronik (R21). */
export async function usersPages(app: FastifyInstance) {
  app.addHook('preHandler', async (req) => assertCan(req.ctx.actor, 'users:manage'));

  app.get<{ Querystring: { q?: string } }>('/admin/pengguna', { config: allow('users:manage') }, async (req, reply) => {
    const q = req.query.q?.trim().slice(0, 100) || undefined;
    const users = await listUsers(req.ctx.db, q);
    const roles = await rolesOfUsers(
      req.ctx.db,
      users.map((u) => u.id),
    );
    return sendHtml(reply, UsersListView({ p: pageCtx(req, reply), users, roles, search: q }));
  });

  app.get('/admin/pengguna/baru', { config: allow('users:manage') }, async (req, reply) =>
    sendHtml(reply, NewUserView({ p: pageCtx(req, reply), agencies: await agencyOptions(req) })),
  );
  app.post('/admin/pengguna/baru', { config: allow('users:manage') }, async (req, reply) =>
    handleForm(req, reply, {
      schema: NewUserSchema,
      render: async (p, state) => NewUserView({ p, state, agencies: await agencyOptions(req) }),
      run: async (data) => {
        const user = await createUser(req.ctx, data);
        return withFlash(`/admin/pengguna/${user.id}`, req.ctx.t('users.created', { name: user.name }));
      },
    }),
  );

  app.get<{ Params: { id: string } }>('/admin/pengguna/:id', { config: allow('users:manage') }, async (req, reply) =>
    sendHtml(reply, await detailView(req, pageCtx(req, reply), req.params.id)),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/pengguna/:id/peran',
    { config: allow('users:manage') },
    async (req, reply) =>
      handleForm(req, reply, {
        schema: GrantRoleSchema,
        render: (p, state) => detailView(req, p, req.params.id, state),
        run: async (data) => {
          const outcome = await grantRole(req.ctx, { userId: req.params.id, ...data });
          const roleName = req.ctx.t(`role.${data.role}`);
          const flash =
            outcome.status === 'pending'
              ? req.ctx.t('users.roleRequested', {
                  role: roleName,
                  approver: req.ctx.t(`role.${approverRoleFor(data.role)}`),
                })
              : req.ctx.t('users.roleAdded', { role: roleName });
          return withFlash(`/admin/pengguna/${req.params.id}`, flash);
        },
      }),
  );

  app.post<{ Params: { id: string; roleId: string } }>(
    '/admin/pengguna/:id/peran/:roleId/cabut',
    { config: allow('users:manage') },
    async (req, reply) => {
      await revokeRole(req.ctx, { userId: req.params.id, roleId: req.params.roleId });
      return redirectSeeOther(reply, withFlash(`/admin/pengguna/${req.params.id}`, req.ctx.t('users.roleRemoved')));
    },
  );
}
