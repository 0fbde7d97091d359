/**
 * Starting the real platform for browser tests: `node --import tsx src/main.ts …` as a child process, on a free
 * loopback port, with a fresh temporary DATA_DIR (embedded PGlite; DATABASE_URL is always removed).
 *
 *   const demo = await startApp({ demo: true });   // runs `demo` first, then `start`; demo.credentials has passwords
 *   const fresh = await startApp();                // empty database: fresh.setupUrl is the one-time setup link
 *   await demo.stop();                             // SIGTERM, wait for exit, remove the data directory
 *
 * The embedded mode locks DATA_DIR, so `demo` and `start` run one after the other, never at once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface DemoCredential {
  role: string;
  username: string;
  password: string;
}

export interface RunningApp {
  baseUrl: string;
  port: number;
  dataDir: string;
  pid: number;
  /** The one-time setup link printed on first start; only when the database had no user. */
  setupUrl?: string;
  /** Demo users with the passwords the `demo` command printed; only with `{ demo: true }`. */
  credentials: DemoCredential[];
  /** Everything `lpse demo` printed (e.g. the demo bid-key passphrases); only with `{ demo: true }`. */
  demoOutput: string;
  /** Only with `{ clock: true }`: moves the server's time forward by `ms` (negative moves it back). */
  moveClock(ms: number): void;
  clockOffsetMs(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...extra };
  delete env.DATABASE_URL;
  return env;
}

/** Runs a CLI command of the platform to completion and returns its stdout; throws with its output on failure. */
export async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: appEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`lpse ${args.join(' ')} exited ${code}\n${out}\n${err}`);
  return out;
}

/** Parses the lines `  ROLE  username  password` that `lpse demo` prints once. */
export function parseDemoCredentials(stdout: string): DemoCredential[] {
  const creds: DemoCredential[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^ {2}([A-Z_]+)\s+(\S+)\s+(\S+)\s*$/.exec(line);
    if (m) creds.push({ role: m[1]!, username: m[2]!, password: m[3]! });
  }
  return creds;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer ${baseUrl}/healthz within ${timeoutMs} ms\n${output()}`);
}

/**
 * `clock: true` starts the server on a test clock (LPSE_TEST_CLOCK_FILE): `app.moveClock(ms)` moves its time forward
 * (the tender stages follow, since they are derived from the clock), `app.clockOffsetMs()` says by how much. Use your
 * own instance for that, never the shared demo one.
 */
export async function startApp(
  options: { demo?: boolean; dataDir?: string; clock?: boolean } = {},
): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'lpse-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const clockFile = path.join(dataDir, 'test-clock-offset');
  const env: Record<string, string> = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', BASE_URL: baseUrl };
  if (options.clock) {
    writeFileSync(clockFile, '0');
    env.LPSE_TEST_CLOCK_FILE = clockFile;
  }
  const demoOutput = options.demo ? await runCli(['demo'], env) : '';
  const credentials = parseDemoCredentials(demoOutput);
  if (options.demo && credentials.length === 0) throw new Error('`lpse demo` printed no credentials');

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    cwd: ROOT,
    env: appEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => {
    output += d;
  });
  child.stderr!.on('data', (d) => {
    output += d;
  });
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping)
      process.stderr.write(`\n[e2e] server ${baseUrl} exited unexpectedly (${code ?? signal})\n${output}\n`);
  });
  await waitForHealth(baseUrl, child, () => output);
  // The setup link is written right after the server starts listening; give it a moment to arrive.
  let setupUrl: string | undefined;
  if (!options.demo) {
    const deadline = Date.now() + 10_000;
    while (!setupUrl && Date.now() < deadline) {
      setupUrl = /(http:\/\/\S+\/penyiapan\?token=\S+)/.exec(output)?.[1];
      if (!setupUrl) await new Promise((r) => setTimeout(r, 50));
    }
  }

  const clockOffsetMs = () => (options.clock ? Number(readFileSync(clockFile, 'utf8')) : 0);
  return {
    baseUrl,
    port,
    dataDir,
    pid: child.pid!,
    setupUrl,
    credentials,
    demoOutput,
    clockOffsetMs,
    moveClock(ms: number) {
      if (!options.clock) throw new Error('startApp({ clock: true }) is needed to move the clock');
      writeFileSync(clockFile, String(clockOffsetMs() + ms));
    },
    async stop() {
      stopping = true;
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
