import { z } from 'zod';
import type { Config } from '../config.ts';
import { userRoles, users } from '../modules/accounts/accounts.schema.ts';
import { findUserByUsername, issueToken } from '../modules/accounts/index.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { DAY, systemClock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { emailField, requiredText, usernameField } from '../platform/http/fields.ts';

const Args = z.object({ username: usernameField(), name: requiredText(), email: emailField() });

/** Creates a System Administrator from the console. No password is set: a single-use link is printed instead. */
export async function createAdminFromCli(db: Db, config: Config, args: Record<string, unknown>): Promise<number> {
  const parsed = Args.safeParse(args);
  if (!parsed.success) {
    console.error('Argumen tidak valid:');
    for (const i of parsed.error.issues) console.error(`  --${i.path.join('.')}: ${i.message}`);
    return 64;
  }
  const input = parsed.data;
  if (await findUserByUsername(db, input.username)) {
    console.error(`User ID ${input.username} sudah dipakai.`);
    return 65;
  }
  const token = await db.transaction(async (tx) => {
    const now = systemClock.now();
    const [user] = await tx
      .insert(users)
      .values({ ...input, status: 'active', createdAt: now, updatedAt: now })
      .returning();
    await tx.insert(userRoles).values({ userId: user!.id, role: 'ADMIN_SISTEM', createdAt: now });
    await recordAudit(
      tx,
      { clock: systemClock, requestId: null, actor: { userId: null, name: 'CLI', role: null } },
      {
        action: 'user.created',
        objectType: 'user',
        objectId: user!.id,
        summary: { after: { username: input.username, role: 'ADMIN_SISTEM' }, via: 'cli' },
      },
    );
    return issueToken(tx, systemClock, { purpose: 'password_reset', ttlMs: DAY, userId: user!.id });
  });
  console.log(`Admin Sistem ${input.username} dibuat. Buat kata sandinya (sekali pakai, 24 jam):`);
  console.log(`  ${config.baseUrl}/kata-sandi/atur-ulang?token=${token}`);
  return 0;
}
