/**
 * Starts two real instances of the platform for the whole browser-test run, side by side:
 *  - `demo`:  a data directory loaded with `lpse demo` (agencies, Tim LPSE, one user per role), then `lpse start`;
 *  - `fresh`: an empty data directory, `lpse start` only, so that it prints the one-time setup link.
 * Their addresses, the demo passwords and the setup link go to a JSON file named by LPSE_E2E_STATE, which the
 * workers read through `e2eState()` in support/lpse.ts. The returned function stops both and removes their data.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { E2eState } from './support/lpse.ts';
import { startApp } from './support/server.ts';

export default async function globalSetup() {
  // Two data directories, so the two instances start side by side; each keeps its own lock.
  const [demoResult, freshResult] = await Promise.allSettled([startApp({ demo: true }), startApp()]);
  const started = [demoResult, freshResult].flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure =
    demoResult.status === 'rejected'
      ? demoResult.reason
      : freshResult.status === 'rejected'
        ? freshResult.reason
        : !freshResult.value.setupUrl
          ? new Error('the fresh instance printed no setup link')
          : undefined;
  if (failure || demoResult.status !== 'fulfilled' || freshResult.status !== 'fulfilled') {
    await Promise.all(started.map((app) => app.stop()));
    throw failure;
  }
  const demo = demoResult.value;
  const fresh = freshResult.value;
  const state: E2eState = {
    demo: { baseUrl: demo.baseUrl, credentials: demo.credentials },
    fresh: { baseUrl: fresh.baseUrl, setupUrl: fresh.setupUrl! },
  };
  const file = path.join(tmpdir(), `lpse-e2e-state-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(state, null, 2));
  process.env.LPSE_E2E_STATE = file;
  return async () => {
    await Promise.all([demo.stop(), fresh.stop()]);
    rmSync(file, { force: true });
  };
}
