import type { Actor } from '../../../platform/auth/permissions.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { memberIdsOf } from '../lifecycle.repository.ts';
import { bundleOf } from '../methods/index.ts';
import { isTenderPokja } from '../tenders.policy.ts';
import { findTender, type TenderRow } from '../tenders.repository.ts';

/** The tender, when the actor is one of its Pokja members (anyone else: not found, as the Pokja pages do). */
export async function tenderOfPokja(db: Db, actor: Actor, tenderId: string): Promise<TenderRow> {
  const t = await findTender(db, tenderId);
  if (!t || !isTenderPokja(actor, { ...t, memberIds: await memberIdsOf(db, tenderId) }))
    throw notFound('tenders.error.notFound');
  return t;
}

/** An announced tender that still runs (not gagal, batal or selesai). */
export function assertAnnouncedRunning(t: TenderRow): void {
  if (!t.announcedAt || t.status !== 'berlangsung') throw conflict('TENDER_NOT_RUNNING', 'tenders.refused.notRunning');
}

export function bundleOfTender(t: Pick<TenderRow, 'bundleId' | 'bundleVersion'>) {
  const b = bundleOf(t.bundleId, t.bundleVersion);
  if (!b) throw new Error(`Bundle ${t.bundleId}@${t.bundleVersion} is missing: a running tender keeps its bundle`);
  return b;
}
