import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { CSRF_COOKIE } from '../platform/http/csrf.ts';
import { TEST_PASSWORD } from './harness.ts';

/**
 * A tiny browser over `app.inject()`: it keeps cookies and the last CSRF token it saw, so tests submit forms the
 * way a person does. CSRF stays on in tests.
 */
export class Agent {
  private cookies = new Map<string, string>();
  csrf: string | undefined;

  /** `ip`: the client address (default 127.0.0.1), for tests of per-address limits. */
  constructor(
    private readonly app: FastifyInstance,
    private readonly opts: { ip?: string } = {},
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private absorb(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now() - 1000)) {
        this.cookies.delete(c.name);
        // A new CSRF secret is coming (login, logout): the token of the old page no longer fits, as in a browser
        // that follows the redirect to a fresh page.
        if (c.name === CSRF_COOKIE) this.csrf = undefined;
      } else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body) ?? /_csrf=([^"&]+)/.exec(res.body);
    if (m) this.csrf = decodeURIComponent(m[1]!);
    return res;
  }

  async request(opts: InjectOptions) {
    const headers = { ...(opts.headers ?? {}), cookie: this.cookieHeader() };
    const remoteAddress = opts.remoteAddress ?? this.opts.ip;
    return this.absorb(await this.app.inject({ ...opts, headers, ...(remoteAddress ? { remoteAddress } : {}) }));
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  /** Posts a urlencoded form, with the CSRF token of the last page (fetching `/masuk` first if none was seen). */
  async post(url: string, fields: Record<string, string>, opts: { csrf?: string | null } = {}) {
    if (this.csrf === undefined && opts.csrf === undefined) await this.get('/masuk');
    const body = new URLSearchParams(fields);
    const token = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (token !== null && token !== undefined) body.set('_csrf', token);
    return this.request({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** A JSON API call, with the CSRF header for state-changing methods. */
  async api(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, raw?: string) {
    if (method !== 'GET' && this.csrf === undefined) await this.get('/masuk');
    return this.request({
      method,
      url,
      payload: raw ?? (payload === undefined ? undefined : JSON.stringify(payload)),
      headers: {
        ...(payload !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
    });
  }

  async login(username: string, password = TEST_PASSWORD) {
    await this.get('/masuk');
    const res = await this.post('/masuk', { username, password });
    if (res.statusCode !== 303) throw new Error(`login as ${username} failed: ${res.statusCode}`);
    // Like a browser, follow the redirect: the CSRF secret is new after sign-in, so the next form needs a new token.
    await this.get(String(res.headers.location));
    return res;
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  /** Puts a cookie back by hand, e.g. to replay a session cookie the server has told the browser to forget. */
  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }
}
