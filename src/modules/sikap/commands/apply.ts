import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { insertDocument, type UploadedBlob } from '../../../platform/files/documents.ts';
import { rescheduleReminders } from '../expiry.ts';
import { type Section, SINGLE_SECTIONS, totalShares } from '../sections.ts';
import { currentSection, itemsOf } from '../sikap.repository.ts';
import { type SectionItem, sikapEvidence, sikapSections, sikapSectionVersions } from '../sikap.schema.ts';

export type SectionOp =
  | { kind: 'add'; item: Record<string, unknown> }
  | { kind: 'update'; itemId: string; item: Record<string, unknown> }
  | { kind: 'remove'; itemId: string };

/** Stores an evidence file of a section (the row that the document read policy follows to the vendor). */
export async function storeEvidence(
  tx: Db,
  clock: Clock,
  vendorId: string,
  section: string,
  blob: UploadedBlob,
  userId: string,
) {
  const doc = await insertDocument(tx, clock, blob, userId);
  await tx.insert(sikapEvidence).values({ documentId: doc.id, vendorId, section, createdAt: clock.now() });
  return doc.id;
}

/** Prepares a new item: its own id, the evidence it came with. */
export const newItem = (item: Record<string, unknown>, bukti: string | null): SectionItem => ({
  ...item,
  id: randomUUID(),
  bukti,
});

/**
 * Applies one change to a section inside the caller's transaction: the new list of items becomes the next version
 * (the old one stays in the history), the rules of the section are checked on the result (owners' shares ≤ 100 %),
 * and the expiry reminders follow the new dates. Returns the new version number.
 */
export async function applySectionOp(
  tx: Db,
  clock: Clock,
  vendorId: string,
  section: Section,
  op: { kind: 'add'; item: SectionItem } | { kind: 'update'; item: SectionItem } | { kind: 'remove'; itemId: string },
  by: { userId: string; name: string; changeRequestId?: string },
): Promise<number> {
  const row = await currentSection(tx, vendorId, section, true);
  const before = itemsOf(row);
  let after: SectionItem[];
  let itemId: string;
  if (op.kind === 'add') {
    after = SINGLE_SECTIONS.includes(section) ? [op.item] : [...before, op.item];
    itemId = op.item.id;
  } else if (op.kind === 'update') {
    const old = before.find((i) => i.id === op.item.id);
    if (!old) throw notFound();
    // A new version of the item keeps its evidence unless a new file came with it.
    after = before.map((i) => (i.id === op.item.id ? { ...op.item, bukti: op.item.bukti ?? old.bukti ?? null } : i));
    itemId = op.item.id;
  } else {
    if (!before.some((i) => i.id === op.itemId)) throw notFound();
    after = before.filter((i) => i.id !== op.itemId);
    itemId = op.itemId;
  }
  if (section === 'pemilik' && totalShares(after) > 10_000) {
    throw conflict(
      'SIKAP_SHARES_OVER_100',
      'sikap.problem.sharesOver',
      { total: (totalShares(after) / 100).toLocaleString('id-ID') },
      { field: 'saham' },
    );
  }
  const now = clock.now();
  const version = (row?.version ?? 0) + 1;
  await tx
    .insert(sikapSections)
    .values({ vendorId, section, version, items: after, updatedBy: by.userId, updatedAt: now })
    .onConflictDoUpdate({
      target: [sikapSections.vendorId, sikapSections.section],
      set: { version, items: after, updatedBy: by.userId, updatedAt: now },
    });
  await tx.insert(sikapSectionVersions).values({
    vendorId,
    section,
    version,
    items: after,
    change: by.changeRequestId ? 'approved' : op.kind,
    itemId,
    changeRequestId: by.changeRequestId ?? null,
    savedBy: by.userId,
    savedByName: by.name,
    savedAt: now,
  });
  await rescheduleReminders(tx, clock, vendorId, section, before, after);
  return version;
}
