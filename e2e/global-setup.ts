/**
 * Starts two real instances of the platform for the whole browser-test run, one after the other:
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
  const demo = await startApp({ demo: true });
  let fresh: Awaited<ReturnType<typeof startApp>>;
  try {
    fresh = await startApp();
    if (!fresh.setupUrl) {
      await fresh.stop();
      throw new Error('the fresh instance printed no setup link');
    }
  } catch (err) {
    await demo.stop();
    throw err;
  }
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
