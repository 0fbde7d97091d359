import { sql } from 'drizzle-orm';
/**
 * Seeds 10,000 announced procurement plans (and their budget lines) into the configured database, for the bench's
 * public plans page: `DATA_DIR=… node --import tsx bench/seed-rup.ts`. Two agencies are added for them.
 */

import { withDatabase } from '../src/cli/with-database.ts';
import { loadConfig } from '../src/config.ts';
import { agencies } from '../src/modules/organisation/organisation.schema.ts';
import { bulkInsertPlans } from '../src/modules/rup/rup.test-support.ts';

const N = Number(process.env.BENCH_RUP_PLANS ?? 10_000);

await withDatabase(loadConfig(process.env), async (database) => {
  const now = new Date();
  const rows = await database.db
    .insert(agencies)
    .values([
      { code: 'BENCH1', name: 'Dinas Bench Satu', kind: 'OPD', createdAt: now },
      { code: 'BENCH2', name: 'Dinas Bench Dua', kind: 'OPD', createdAt: now },
    ])
    .returning();
  await bulkInsertPlans(
    database,
    rows.map((r) => r.id),
    N,
  );
  // As after any bulk load: fresh statistics, so the planner uses the list's index (the hourly db.analyze job does the
  // same on a running server).
  await database.db.execute(sql`analyze`);
  console.log(`seeded ${N} plans`);
});
