import { sql } from 'drizzle-orm';
import { type AuditContext, recordAudits } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { GroupCommit } from '../../../platform/db/group-commit.ts';
import { bidSubmissions } from '../bids.schema.ts';
import type { EnvelopeHeader, FileKind } from '../crypto/sealed.ts';

/** A checked, signed bid whose envelope is already at its final address: what is left is to record it. */
export interface ReceiptWrite {
  audit: AuditContext;
  tenderId: string;
  kode: string;
  vendorId: string;
  vendorName: string;
  kind: FileKind;
  uploadId: string;
  sha256: string;
  size: number;
  storageKey: string;
  header: EnvelopeHeader;
  receivedAt: Date;
  receipt: { text: string; signature: string };
}

export type Submission = typeof bidSubmissions.$inferSelect;

/**
 * Records receipted bids in one transaction: the vendor's previous bid of the same kind superseded, the new one
 * inserted, the upload marked received and one `bids.received` audit event each — a handful of statements whatever
 * the number of bids. The group never holds two bids of one vendor, tender and kind (`GroupCommit`'s key).
 */
async function commitGroup(db: Db, items: ReceiptWrite[]): Promise<Submission[]> {
  return db.transaction(async (tx) => {
    const keys = sql.join(
      items.map(
        (i) =>
          sql`(${i.tenderId}::uuid, ${i.vendorId}::uuid, ${i.kind}::text, ${i.receivedAt.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    );
    const superseded = (
      (await tx.execute(sql`
        update bid_submissions s set superseded_at = v.at
        from (values ${keys}) as v(tender_id, vendor_id, kind, at)
        where s.tender_id = v.tender_id and s.vendor_id = v.vendor_id and s.kind = v.kind and s.superseded_at is null
        returning s.id, s.tender_id, s.vendor_id, s.kind`)) as unknown as {
        rows: { id: string; tender_id: string; vendor_id: string; kind: string }[];
      }
    ).rows;
    const replaced = new Map(superseded.map((r) => [`${r.tender_id}/${r.vendor_id}/${r.kind}`, r.id]));
    const inserted = await tx
      .insert(bidSubmissions)
      .values(
        items.map((i) => ({
          tenderId: i.tenderId,
          vendorId: i.vendorId,
          kind: i.kind,
          uploadId: i.uploadId,
          sha256: i.sha256,
          size: i.size,
          storageKey: i.storageKey,
          header: i.header,
          receivedAt: i.receivedAt,
          receipt: i.receipt.text,
          signature: i.receipt.signature,
        })),
      )
      .returning();
    const byUpload = new Map(inserted.map((r) => [r.uploadId, r]));
    const finished = sql.join(
      items.map((i) => sql`(${i.uploadId}::text, ${i.receivedAt.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`
      update bid_uploads u set status = 'received', finished_at = v.at
      from (values ${finished}) as v(id, at) where u.id = v.id`);
    await recordAudits(
      tx,
      items.map((i) => ({
        ctx: i.audit,
        input: {
          action: 'bids.received' as const,
          objectType: 'tender',
          objectId: i.tenderId,
          summary: {
            kode: i.kode,
            vendor: i.vendorName,
            kind: i.kind,
            sha256: i.sha256,
            size: i.size,
            replaces: replaced.get(`${i.tenderId}/${i.vendorId}/${i.kind}`) ?? null,
          },
        },
      })),
    );
    return items.map((i) => byUpload.get(i.uploadId)!);
  });
}

// One queue per database: every receipt of this process that reaches the same database groups with the others.
const groups = new WeakMap<Db, GroupCommit<ReceiptWrite, Submission>>();

/** Records one receipted bid; at a deadline it commits together with the others that arrive meanwhile. */
export function commitReceipt(db: Db, write: ReceiptWrite): Promise<Submission> {
  let group = groups.get(db);
  if (!group) {
    group = new GroupCommit(
      (items) => commitGroup(db, items),
      (i) => `${i.tenderId}/${i.vendorId}/${i.kind}`,
    );
    groups.set(db, group);
  }
  return group.submit(write);
}
