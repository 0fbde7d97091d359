import type { FastifyInstance } from 'fastify';
import { accountsApi } from './api/accounts.api.ts';
import { accountPages } from './pages/account.pages.ts';
import { authPages } from './pages/auth.pages.ts';
import { roleGrantsPages } from './pages/role-grants.pages.ts';
import { usersPages } from './pages/users.pages.ts';

/** People: sign-in and recovery (R37), own account, and user administration with roles (R21–R23). */
export async function accountsPlugin(app: FastifyInstance) {
  await app.register(authPages);
  await app.register(accountPages);
  await app.register(usersPages);
  await app.register(roleGrantsPages);
  await app.register(accountsApi);
}
