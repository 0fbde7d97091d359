import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { documents } from '../platform/files/files.schema.ts';
import { Keyring, newMasterKey, openKeyring, referencedKeyIds, writeKeyFile } from '../platform/files/keyring.ts';

export interface RotationResult {
  newKeyId: string;
  retired: string[];
  rewrapped: number;
}

/**
 * Rotates the master key without rewriting any stored file:
 *   1. add a new key to the key file and make it current (atomic write; the old keys stay);
 *   2. re-wrap every data key in the database to the new key, in one transaction;
 *   3. remove the keys no row refers to any more from the key file (atomic write).
 * A crash after 1 or 2 leaves a key file that still holds every key a row needs; running the command again finishes
 * the job. On PGlite the data-directory lock keeps the server stopped meanwhile; a server on PostgreSQL re-reads the
 * key file when it changes, and rows wrapped under an old key meanwhile are re-wrapped before that key is retired.
 */
export async function rotateMasterKey(db: Db, keyFile: string, clock: Clock = systemClock): Promise<RotationResult> {
  const ring = await openKeyring(keyFile, db);
  const fresh = newMasterKey();
  const added = ring.snapshot();
  added.keys.push(fresh);
  added.current = fresh.id;
  await writeKeyFile(keyFile, added);
  const next = new Keyring(keyFile, added);

  let rewrapped = 0;
  for (let pass = 0; pass < 5; pass++) {
    const n = await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: documents.id,
          storageKey: documents.storageKey,
          wrappedKey: documents.wrappedKey,
          keyId: documents.keyId,
        })
        .from(documents)
        .where(and(isNotNull(documents.keyId), ne(documents.keyId, fresh.id)))
        .for('update');
      for (const row of rows) {
        const dataKey = next.unwrap(row.keyId!, row.wrappedKey!, row.storageKey!);
        const { wrapped } = next.wrap(dataKey, row.storageKey!, fresh.id);
        dataKey.fill(0);
        await tx.update(documents).set({ wrappedKey: wrapped, keyId: fresh.id }).where(eq(documents.id, row.id));
      }
      if (rows.length > 0 || pass === 0) {
        await recordAudit(
          tx,
          { clock, requestId: null, actor: { userId: null, name: 'CLI', role: null } },
          {
            action: 'keys.rotated',
            objectType: 'master_key',
            objectId: null,
            summary: { newKeyId: fresh.id, rewrapped: rows.length, via: 'cli' },
          },
        );
      }
      return rows.length;
    });
    rewrapped += n;
    const left = [...(await referencedKeyIds(db)).keys()].filter((id) => id !== fresh.id);
    if (left.length === 0) break;
    if (pass === 4) throw new Error(`dokumen masih memakai kunci lama ${left.join(', ')}; jalankan lagi`);
  }

  const retired = added.keys.filter((k) => k.id !== fresh.id).map((k) => k.id);
  await writeKeyFile(keyFile, { version: 1, current: fresh.id, keys: [fresh] });
  return { newKeyId: fresh.id, retired, rewrapped };
}

export async function rotateKeysFromCli(db: Db, config: Config): Promise<number> {
  const r = await rotateMasterKey(db, config.masterKeyFile);
  console.log(
    `Kunci induk diganti: ${r.newKeyId}. ${r.rewrapped} kunci berkas dibungkus ulang; kunci lama dipensiunkan: ${r.retired.join(', ') || '-'}.`,
  );
  console.log(
    `Cadangkan berkas kunci ${config.masterKeyFile} sekarang (tanpa berkas ini dokumen rahasia tidak terbaca).`,
  );
  return 0;
}
