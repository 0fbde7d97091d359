/**
 * `npm run bench`: figures for issue 2's targets, printed in one run. It measures, it does not fail on a target.
 *
 *  1. Embedded (PGlite): a temp DATA_DIR is migrated with `lpse migrate`; then `lpse start` is timed on it, three
 *     times, until GET /healthz answers 200 (warm start), and the idle RSS of the last one is read from /proc.
 *  2. Throughput: autocannon (loopback only, bounded: DURATION s, CONNECTIONS connections, after a 1 s warm-up)
 *     against the portal home page `/` and against a bare Fastify route ({hello:'world'}, bench/bare-server.ts),
 *     each server in its own process; on PGlite and, when one answers on 127.0.0.1:5432, on PostgreSQL (a throw-away
 *     database, dropped afterwards). The portal runs with LOG_LEVEL=warn, as the bare route logs nothing either.
 *     Portal and bare runs alternate, BENCH_ROUNDS times each, and the best of each is printed.
 *  4. On PostgreSQL: the public tender list (first page, a filtered page) and a detail page with BENCH_TENDERS
 *     (default 10,000) announced tenders seeded by SQL (bench/seed-tenders.ts), beside the bare route, and the list
 *     rendered on every request (no page cache) for comparison. `BENCH_ONLY=pg` runs the PostgreSQL parts alone.
 *  3. The public procurement plans page `/rup` with BENCH_RUP_PLANS (default 10,000) announced plans seeded by SQL
 *     (bench/seed-rup.ts, before the start), first page and a filtered page, beside the same bare route (PGlite).
 *  4. OCDS bulk export (issue 13) on PostgreSQL: BENCH_OCDS_RELEASES (default 1,000,000) generated releases streamed
 *     from /api/v1/ocds/releases.jsonl; releases/s and the server's RSS growth (bench/ocds-export.ts). Uses
 *     DATABASE_URL when set, else BENCH_PG_URL. `BENCH_ONLY=ocds` runs this part alone.
 *  5. Sealed-bid deadline surge (issue 11): BENCH_BID_VENDORS (default 300) × BENCH_BID_MB (default 20) MB sealed bids
 *     uploaded at once over tus; lost bids, p99 last byte → receipt, ingest vs raw write + SHA-256 (bench/bids-surge.ts),
 *     and the same surge into a bare receiver as its ceiling (bench/bare-receiver.ts). `BENCH_ONLY=bids` runs it alone.
 *
 * Environment: BENCH_PROFILE (a directory: CPU profiles of the started processes), BENCH_NODE_FLAGS (more V8 flags for
 * the started platform) and BENCH_SERVER_OUT (a file: the platform's output, e.g. its --trace-gc lines), BENCH_DURATION (s, default 5), BENCH_CONNECTIONS (default 10), BENCH_ROUNDS (default 2), BENCH_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchBidsSurge } from './bids-surge.ts';
import { measureExport, OCDS_RELEASES, seedReleases } from './ocds-export.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OCDS_PG_URL = process.env.DATABASE_URL ?? PG_URL;
const TARGET_OCDS = { perSecond: 5000, rssGrowthMb: 100 };
const TARGET = { ratioOnPg: 0.5, warmStartMs: 5000, idleRssMb: 350, tenderP99Ms: 50 };

interface Proc {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** The V8 flags `npm start` gives the platform (package.json), so the bench measures the server as it runs. */
const START_FLAGS = [
  '--no-allocation-site-pretenuring',
  ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
];

function spawnNode(args: string[], env: Record<string, string | undefined>): Proc {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete fullEnv[k];
  // BENCH_PROFILE=<dir>: every process started here writes a V8 CPU profile there when it exits (to find a cost).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const start = args[0] === 'src/main.ts' && args[1] === 'start';
  const flags = start ? START_FLAGS : [];
  // As `npm start` sets it (package.json), unless the bench's caller chose another.
  if (start) fullEnv.UV_THREADPOOL_SIZE ??= '16';
  const child = spawn(process.execPath, [...profile, ...flags, '--import', 'tsx', ...args], {
    cwd: ROOT,
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  return {
    child,
    output: () => out,
    async stop() {
      if (start && process.env.BENCH_SERVER_OUT) writeFileSync(process.env.BENCH_SERVER_OUT, out);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function runToEnd(args: string[], env: Record<string, string | undefined>): Promise<string> {
  const p = spawnNode(args, env);
  const code = await new Promise<number | null>((r) => p.child.on('close', r));
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}\n${p.output()}`);
  return p.output();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealthz(url: string, proc: Proc, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`server exited ${proc.child.exitCode}\n${proc.output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  throw new Error(`no 200 from ${url}/healthz within ${timeoutMs} ms\n${proc.output()}`);
}

/** Starts the platform; returns the process, its base URL and the milliseconds from spawn to the first 200. */
async function startPlatform(env: Record<string, string | undefined>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const proc = spawnNode(['src/main.ts', 'start'], { ...env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: url });
  await waitForHealthz(url, proc);
  return { proc, url, startMs: performance.now() - t0 };
}

async function startBare() {
  const proc = spawnNode(['bench/bare-server.ts'], {});
  const deadline = Date.now() + 30_000;
  let port: string | undefined;
  while (!port && Date.now() < deadline) {
    port = /PORT=(\d+)/.exec(proc.output())?.[1];
    if (!port) await sleep(20);
  }
  if (!port) throw new Error(`bare server did not start\n${proc.output()}`);
  return { proc, url: `http://127.0.0.1:${port}` };
}

interface Load {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Every request says what every browser says: it accepts gzip (the page cache keeps a compressed copy). */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

async function load(url: string): Promise<Load> {
  const opts = { url, connections: CONNECTIONS, headers: BROWSER };
  await autocannon({ ...opts, duration: 1 }); // warm-up: JIT, caches, connection pools
  const r = await autocannon({ ...opts, duration: DURATION });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function loadWithCookie(url: string, cookie: string): Promise<Load> {
  const opts = { url, connections: CONNECTIONS, headers: { ...BROWSER, cookie } };
  await autocannon({ ...opts, duration: 1 });
  const r = await autocannon({ ...opts, duration: DURATION });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function pgAnswers(url = PG_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(sql: string, url = PG_URL) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
/** autocannon records latency in whole milliseconds. */
const ms = (n: number) => (n < 1 ? '<1' : fmt(n, 0));
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
const say = (s = '') => console.log(s);

function printLoad(label: string, portal: Load, bare: Load, target?: number, pathname = '/') {
  const ratio = portal.rps / bare.rps;
  say(`  ${label}`);
  say(
    `    portal  GET ${pathname.padEnd(10)} ${fmt(portal.rps).padStart(7)} req/s   p99 ${ms(portal.p99).padStart(4)} ms` +
      `${portal.non2xx || portal.errors ? `   (${portal.non2xx} non-2xx, ${portal.errors} errors)` : ''}`,
  );
  say(`    bare Fastify {hello}   ${fmt(bare.rps).padStart(7)} req/s   p99 ${ms(bare.p99).padStart(4)} ms`);
  say(
    `    ratio portal/bare      ${fmt(ratio * 100, 1).padStart(6)} %` +
      (target ? `   target ≥ ${target * 100} %: ${mark(ratio >= target)}` : '   (no target on PGlite)'),
  );
}

/**
 * Loads the portal and a bare route in turns (portal, bare, portal, bare …) while both are up, and keeps the best
 * run of each: on a shared two-core machine, the best of interleaved runs is the figure least bent by neighbours.
 */
async function compare(portalUrl: string, pathname = '/'): Promise<{ portal: Load; bare: Load }> {
  const bare = await startBare();
  try {
    let best: { portal?: Load; bare?: Load } = {};
    for (let round = 0; round < ROUNDS; round++) {
      const p = await load(`${portalUrl}${pathname}`);
      const b = await load(`${bare.url}/`);
      best = {
        portal: !best.portal || p.rps > best.portal.rps ? p : best.portal,
        bare: !best.bare || b.rps > best.bare.rps ? b : best.bare,
      };
    }
    return { portal: best.portal!, bare: best.bare! };
  } finally {
    await bare.proc.stop();
  }
}

async function main() {
  say(
    `LPSE Terpadu bench — node ${process.version}; load runs of ${DURATION} s × ${CONNECTIONS} connections, ` +
      `best of ${ROUNDS} interleaved; loadavg at start ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`,
  );
  say();
  const only = process.env.BENCH_ONLY;
  if (!only) await benchPortal();
  if (!only || only === 'pg') await benchPostgres();
  if (!only || only === 'ocds') await benchOcdsExport();
  if (!only || only === 'bids') {
    say();
    await benchBids();
  }
  say();
  say('Figures only: the bench never fails on a target.');
}

/** 5. The sealed-bid deadline surge (issue 11), on a throw-away PostgreSQL database when one answers. */
async function benchBids() {
  if (process.env.BENCH_BID_DB === 'pglite' || !(await pgAnswers(OCDS_PG_URL))) {
    await benchBidsSurge({ say, runToEnd, startPlatform });
    return;
  }
  const dbName = `lpse_bench_bids_${process.pid}`;
  await adminQuery(`create database ${dbName}`, OCDS_PG_URL);
  const url = new URL(OCDS_PG_URL);
  url.pathname = `/${dbName}`;
  try {
    await benchBidsSurge({ say, runToEnd, startPlatform }, url.toString());
  } finally {
    await adminQuery(`drop database if exists ${dbName} with (force)`, OCDS_PG_URL);
  }
}

/** 4. OCDS bulk export on PostgreSQL (issue 13): generated releases, streamed to a counting client. */
async function benchOcdsExport() {
  if (!(await pgAnswers(OCDS_PG_URL))) {
    say(`OCDS export: skipped, no PostgreSQL answers at ${OCDS_PG_URL.replace(/\/\/[^@]*@/, '//')}`);
    return;
  }
  const dbName = `lpse_bench_ocds_${process.pid}`;
  await adminQuery(`create database ${dbName}`, OCDS_PG_URL);
  const url = new URL(OCDS_PG_URL);
  url.pathname = `/${dbName}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'lpse-bench-ocds-'));
  let server: Awaited<ReturnType<typeof startPlatform>> | undefined;
  try {
    server = await startPlatform({ DATABASE_URL: url.toString(), DATA_DIR: dir });
    const t0 = performance.now();
    await seedReleases(url.toString(), OCDS_RELEASES);
    const seedS = (performance.now() - t0) / 1000;
    await sleep(1000);
    const pid = server.proc.child.pid!;
    const r = await measureExport(server.url, () => rssMb(pid));
    say(
      `OCDS bulk export (PostgreSQL, ${OCDS_RELEASES.toLocaleString('en')} generated releases, seeded in ${fmt(seedS, 1)} s)`,
    );
    say(
      `  GET /api/v1/ocds/releases.jsonl   ${r.lines.toLocaleString('en')} lines, ${fmt(r.bytes / 1048576, 1)} MB in ${fmt(r.seconds, 1)} s`,
    );
    say(
      `  releases/s                        ${fmt(r.perSecond)}   target ≥ ${TARGET_OCDS.perSecond}: ${mark(r.perSecond >= TARGET_OCDS.perSecond)}`,
    );
    say(
      `  server RSS growth while streaming ${fmt(r.rssGrowthMb, 1)} MB (from ${fmt(r.rssBeforeMb, 1)} MB)   target ≤ ${TARGET_OCDS.rssGrowthMb} MB: ${mark(r.rssGrowthMb <= TARGET_OCDS.rssGrowthMb)}`,
    );
    if (r.lines !== OCDS_RELEASES) say(`  WARNING: ${r.lines} lines for ${OCDS_RELEASES} releases`);
  } finally {
    await server?.proc.stop();
    rmSync(dir, { recursive: true, force: true });
    await adminQuery(`drop database if exists ${dbName} with (force)`, OCDS_PG_URL);
  }
}

async function benchPortal() {
  // 1. Embedded: migrate once, then warm starts on the existing DATA_DIR, idle RSS, throughput.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lpse-bench-'));
  const embedded = { DATA_DIR: dataDir, DATABASE_URL: undefined };
  let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
  try {
    const t0 = performance.now();
    await runToEnd(['src/main.ts', 'migrate'], embedded);
    const migrateMs = performance.now() - t0;
    await runToEnd(['bench/seed-rup.ts'], embedded);
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      if (platform) await platform.proc.stop();
      platform = await startPlatform(embedded);
      starts.push(platform.startMs);
    }
    const median = [...starts].sort((a, b) => a - b)[1]!;
    await sleep(3000);
    const idle = rssMb(platform!.proc.child.pid!);
    say('Embedded (PGlite)');
    say(`  first migrate (lpse migrate, new DATA_DIR)   ${fmt(migrateMs)} ms`);
    say(
      `  warm start to /healthz 200                   ${fmt(median)} ms median of ${starts.map((s) => fmt(s)).join(', ')}` +
        `   target ≤ ${TARGET.warmStartMs} ms: ${mark(median <= TARGET.warmStartMs)}`,
    );
    say(
      `  idle RSS (3 s after start)                   ${fmt(idle, 1)} MB` +
        `   target < ${TARGET.idleRssMb} MB: ${mark(idle < TARGET.idleRssMb)}`,
    );
    say();
    const { portal, bare } = await compare(platform!.url);
    say('Throughput');
    printLoad('PGlite', portal, bare);
    say(`    RSS after the load runs ${fmt(rssMb(platform!.proc.child.pid!), 1)} MB`);
    // 3. The public plans page over the seeded plans: the whole list (count + totals per agency) and a filter.
    for (const pathname of ['/rup', '/rup?agency=BENCH2&metode=tender&page=5']) {
      const rup = await compare(platform!.url, pathname);
      printLoad(`PGlite, ${process.env.BENCH_RUP_PLANS ?? 10_000} plans`, rup.portal, rup.bare, undefined, pathname);
    }
  } finally {
    await platform?.proc.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** 2 and 4. PostgreSQL, on a throw-away database: the home page, then the public tender pages over seeded tenders. */
async function benchPostgres() {
  if (!(await pgAnswers())) {
    say(`  PostgreSQL: skipped, nothing answers at ${PG_URL.replace(/\/\/[^@]*@/, '//')}`);
  } else {
    const dbName = `lpse_bench_${process.pid}`;
    await adminQuery(`create database ${dbName}`);
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    const pgDir = mkdtempSync(path.join(tmpdir(), 'lpse-bench-pg-'));
    let pgPlatform: Awaited<ReturnType<typeof startPlatform>> | undefined;
    try {
      const pgEnv = { DATABASE_URL: url.toString(), DATA_DIR: pgDir };
      pgPlatform = await startPlatform(pgEnv);
      await sleep(3000);
      const idle = rssMb(pgPlatform.proc.child.pid!);
      const { portal, bare } = await compare(pgPlatform.url);
      printLoad('PostgreSQL', portal, bare, TARGET.ratioOnPg);
      say(`    idle RSS on PostgreSQL ${fmt(idle, 1)} MB (the same process without PGlite in it)`);
      say(`    start to /healthz 200 on PostgreSQL ${fmt(pgPlatform.startMs)} ms (first start: migrates)`);
      // 4. The public tender list and a detail page over BENCH_TENDERS announced tenders (issue 9): anonymous
      // readers on a deadline day, served through the page cache (platform/http/page-cache.ts).
      await runToEnd(['bench/seed-tenders.ts'], pgEnv);
      const tenders = process.env.BENCH_TENDERS ?? 10_000;
      for (const pathname of ['/tender', '/tender?tahun=2025&page=3', '/tender/9000000001']) {
        const r = await compare(pgPlatform.url, pathname);
        printLoad(`PostgreSQL, ${tenders} tenders`, r.portal, r.bare, TARGET.ratioOnPg, pathname);
        say(`    p99 target ≤ ${TARGET.tenderP99Ms} ms: ${mark(r.portal.p99 <= TARGET.tenderP99Ms)}`);
      }
      // Without the page cache: a signed-out reader whose browser sends a session cookie renders every time.
      const uncached = await loadWithCookie(`${pgPlatform.url}/tender`, 'lpse_sesi=bench-not-a-session');
      say(`  PostgreSQL, ${tenders} tenders, GET /tender rendered every time (no cache)`);
      say(`    ${fmt(uncached.rps).padStart(7)} req/s   p99 ${ms(uncached.p99).padStart(4)} ms`);
    } finally {
      await pgPlatform?.proc.stop();
      rmSync(pgDir, { recursive: true, force: true });
      await adminQuery(`drop database if exists ${dbName} with (force)`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
