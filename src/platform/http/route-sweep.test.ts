import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { fillParams } from '../../test/routes.ts';
import { ROLES } from '../auth/roles.ts';

/** Malformed path parameters: wrong shapes of ids, encodings, traversal, control characters, huge values. */
const BAD_PARAMS = [
  '-'.repeat(36),
  'x',
  '0',
  '%00',
  '%ZZ',
  '%F0%9F%98%80',
  '..%2F..%2Fetc%2Fpasswd',
  "1'%20or%20'1'='1",
  'a'.repeat(190),
  '00000000-0000-0000-0000-00000000000G',
  '%E2%80%AE',
  '%ED%A0%80',
];

/** Malformed query strings. */
const BAD_QUERIES = [
  '?status=%ZZ',
  '?q=%00',
  `?q=${'a'.repeat(3000)}`,
  '?before=-1&status=tidak-ada&ok=%3Cscript%3E',
  '?token=&kembali=//evil.example',
  '?status[]=1&status[]=2',
  '?q=%ED%A0%80',
];

type Body = { contentType: string; payload: string | Buffer };
const boundary = '----sapu';
/**
 * Fields most forms accept, with valid values, so a malformed part (a NUL in a file name, a cut-off upload) reaches
 * the code after validation instead of stopping at "required".
 */
const PLAUSIBLE: Record<string, string> = {
  number: '188/1/2026',
  decreeDate: '2026-01-05',
  name: 'Nama Uji',
  email: 'uji@contoh.go.id',
  username: 'pengguna.sapu',
  code: 'SAPU',
  kind: 'OPD',
  reason: 'Alasan yang cukup panjang untuk lolos validasi',
  note: 'Catatan',
};
const fieldParts = Object.entries(PLAUSIBLE)
  .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
  .join('');
const filePart = (field: string, filename: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n`;
/** Malformed bodies: wrong encodings, truncated and mismatched multipart, invalid JSON, NUL, lone surrogates. */
const BAD_BODIES: Body[] = [
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=%ZZ&b=%00&name[]=x&name[]=y' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'email=%00&username=%ED%A0%80' },
  { contentType: 'application/json', payload: '{"name": "\\ud800", "email": "\\u0000"}' },
  { contentType: 'application/json', payload: '{"a": ' },
  { contentType: 'application/json', payload: '[1,2,3]' },
  { contentType: 'text/plain', payload: 'hello' },
  {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\nterpotong`,
  },
  { contentType: `multipart/form-data; boundary=${boundary}`, payload: 'a=1&b=2' },
  { contentType: 'multipart/form-data', payload: `--${boundary}\r\n\r\n` },
  // A NUL in an upload's file name, with every other field valid.
  {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.from(`${fieldParts}${filePart('file', 'sk\u0000.pdf')}--${boundary}--\r\n`),
  },
  // An upload cut off in the middle of the file.
  {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.from(`${fieldParts}${filePart('file', 'sk.pdf').slice(0, -12)}`),
  },
  // A body whose boundary is not the one its header announces.
  {
    contentType: 'multipart/form-data; boundary=----lain',
    payload: Buffer.from(`${fieldParts}${filePart('file', 'sk.pdf')}--${boundary}--\r\n`),
  },
  // A lone UTF-16 surrogate in otherwise valid JSON.
  { contentType: 'application/json', payload: JSON.stringify(PLAUSIBLE).replace('Nama Uji', '\\ud800') },
];

/**
 * The sweep: every route of the app's route table, with malformed ids, parameters, bodies and encodings, as a person
 * holding every role (to reach the deepest code) and as nobody. Any 5xx fails. A new route is covered by being
 * registered.
 */
describe('route sweep: malformed input never produces a 5xx', () => {
  let t: TestApp;
  let everyone: Agent;
  let anonymous: Agent;

  before(async () => {
    t = await createTestApp();
    const agency = await buildAgency(t);
    const u = await buildUser(t, { roles: [...ROLES], agencyId: agency.id });
    everyone = new Agent(t.app);
    await everyone.login(u.username);
    await everyone.get('/akun');
    anonymous = new Agent(t.app);
    await anonymous.get('/masuk');
  });
  after(() => t.close());

  async function request(agent: Agent, method: string, url: string, body?: Body) {
    const csrf = agent.csrf ?? '';
    const sep = url.includes('?') ? '&' : '?';
    return agent.request({
      method: method as 'GET',
      // Multipart forms carry their CSRF token in the query string; the others in a header or field.
      url: method === 'GET' ? url : `${url}${sep}_csrf=${encodeURIComponent(csrf)}`,
      headers: {
        ...(body ? { 'content-type': body.contentType } : {}),
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }),
      },
      ...(body ? { payload: body.payload } : {}),
    });
  }

  test('every route answers malformed input with a 4xx (or a normal page), never a 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    // Signing out ends the session the sweep runs in: take those routes last.
    const endsSession = (url: string) => url.endsWith('/keluar');
    const routes = [...t.app.routeTable].sort((a, b) => Number(endsSession(a.url)) - Number(endsSession(b.url)));
    for (const route of routes) {
      const urls = route.url.includes(':')
        ? BAD_PARAMS.map((p) => fillParams(route, p, true))
        : BAD_QUERIES.map((q) => `${route.url}${q}`);
      for (const agent of [everyone, anonymous]) {
        for (const url of urls) {
          if (agent === everyone && !endsSession(route.url) && (await everyone.get('/akun')).statusCode !== 200) {
            throw new Error(`the sweep lost its session before ${route.method} ${route.url}`);
          }
          if (route.method === 'GET') {
            const res = await request(agent, 'GET', url);
            sent += 1;
            if (res.statusCode >= 500) failures.push(`GET ${url} → ${res.statusCode}`);
            continue;
          }
          for (const body of BAD_BODIES) {
            const res = await request(agent, route.method, url, body);
            sent += 1;
            if (res.statusCode >= 500) {
              failures.push(`${route.method} ${url} [${body.contentType.slice(0, 30)}] → ${res.statusCode}`);
            }
          }
        }
      }
    }
    assert.ok(sent > 1000, `only ${sent} requests`);
    assert.deepEqual(failures.slice(0, 40), []);
  });
});
