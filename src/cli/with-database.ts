import type { Config } from '../config.ts';
import type { Database } from '../platform/db/database.ts';
import { openConfiguredDatabase } from '../server.ts';

/** Opens (and locks, in embedded mode) the configured database, migrates it, runs `fn`, and always closes it. */
export async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const { database, release } = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
    await release();
  }
}
