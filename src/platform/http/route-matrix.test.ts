import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { fillParams, UNKNOWN_UUID } from '../../test/routes.ts';
import { permissionDecl } from '../auth/permissions.ts';
import { ROLES, type Role } from '../auth/roles.ts';

/**
 * The route × role matrix, derived from the declarations: for every route of the app's route table and every role
 * (and nobody signed in), a request by someone the declaration does not grant must be refused with 401/403 and the
 * code that says it was the permission (not CSRF, not validation). A new route is covered by being registered.
 */
describe('route × role matrix: no allow that the declarations do not grant', () => {
  let t: TestApp;
  const agents = new Map<Role, Agent>();
  let anonymous: Agent;

  before(async () => {
    t = await createTestApp();
    const agency = await buildAgency(t);
    for (const role of ROLES) {
      const u = await buildUser(t, { roles: [role], agencyId: agency.id });
      const a = new Agent(t.app);
      await a.login(u.username);
      await a.get('/akun'); // a CSRF token for this session
      agents.set(role, a);
    }
    anonymous = new Agent(t.app);
    await anonymous.get('/masuk');
  });
  after(() => t.close());

  async function send(agent: Agent, method: string, url: string) {
    if (method === 'GET') return agent.get(url);
    if (url.startsWith('/api/')) return agent.api(method as 'POST', url, {});
    return agent.post(url, {});
  }

  function refused(res: Awaited<ReturnType<Agent['get']>>, signedIn: boolean): string | undefined {
    if (!signedIn && res.statusCode === 303 && res.headers.location?.startsWith('/masuk')) return undefined;
    const code = res.headers['x-error-code'];
    const expected = signedIn ? 'FORBIDDEN' : 'UNAUTHENTICATED';
    if (res.statusCode !== (signedIn ? 403 : 401) || code !== expected) {
      return `${res.statusCode} ${String(code ?? '')}`;
    }
    return undefined;
  }

  test('the route table is populated and every route declares its access', () => {
    assert.ok(t.app.routeTable.length > 50, `only ${t.app.routeTable.length} routes`);
    for (const r of t.app.routeTable) assert.ok(r.access, `${r.method} ${r.url}`);
  });

  test('every role without a route’s permission, and nobody signed in, is refused', async () => {
    const wrongAllows: string[] = [];
    let checked = 0;
    for (const route of t.app.routeTable) {
      if (route.access.kind === 'public') continue;
      const url = fillParams(route, UNKNOWN_UUID);
      const anon = refused(await send(anonymous, route.method, url), false);
      if (anon) wrongAllows.push(`${route.method} ${route.url} anonymous → ${anon}`);
      checked += 1;
      if (route.access.kind !== 'permission') continue;
      const granted = permissionDecl(route.access.permission).roles;
      for (const role of ROLES) {
        if (granted.includes(role)) continue;
        const res = await send(agents.get(role)!, route.method, url);
        const why = refused(res, true);
        if (why) wrongAllows.push(`${route.method} ${route.url} as ${role} → ${why}`);
        checked += 1;
      }
    }
    assert.ok(checked > 100, `only ${checked} combinations checked`);
    assert.deepEqual(wrongAllows, []);
  });

  test('a granted role gets past the access check (the matrix would catch nothing if everyone were refused)', async () => {
    const res = await agents.get('ADMIN_SISTEM')!.get('/admin/pengguna');
    assert.equal(res.statusCode, 200);
    const refusedRes = await agents.get('PENYEDIA')!.get('/admin/pengguna');
    assert.equal(refusedRes.headers['x-error-code'], 'FORBIDDEN');
  });
});
