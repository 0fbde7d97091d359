import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(readonly dir: string) {
    super(
      `Direktori data ${dir} sedang dipakai oleh proses LPSE Terpadu lain. ` +
        'PGlite tidak punya penguncian sendiri: dua proses pada direktori yang sama akan kehilangan data. ' +
        'Hentikan proses lain itu, atau pakai DATA_DIR yang berbeda.',
    );
  }
}

/**
 * Takes an exclusive lock on DATA_DIR for the embedded mode. PGlite has no inter-process locking and two processes
 * on one directory silently lose writes, so a second process must refuse to start.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(path.join(dir, 'db'), { recursive: true });
  try {
    return await lockfile.lock(dir, { stale: 15_000, update: 5_000, lockfilePath: path.join(dir, '.lock') });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw err;
  }
}
