import { asc, eq, isNotNull } from 'drizzle-orm';
import { formatRupiah } from '../../platform/i18n/i18n.ts';
import type { DemoContext } from '../../platform/module.ts';
import { users } from '../accounts/accounts.schema.ts';
import { loadSchedule } from '../tenders/index.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import { notifications, savedSearches } from './notifications.schema.ts';
import { notify } from './notify.ts';

/**
 * For the demo vendor (penyedia.aktif): two saved searches, the alert for the demo tender that matches one of them
 * and, once its schedule has begun, the notices of its first stages (the oldest read), so /notifikasi and
 * /notifikasi/pencarian show something. The tender notice job adds real ones as
 * the demo clock runs. Skipped when the registration demo did not create that vendor.
 */
export async function loadNotificationsDemo(ctx: DemoContext): Promise<void> {
  const [vendor] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.username, 'penyedia.aktif'));
  if (!vendor) return;
  const now = ctx.clock.now();
  let pupr: string | null = null;
  try {
    pupr = ctx.agencyId('PUPR');
  } catch {
    pupr = null;
  }
  await ctx.tx.insert(savedSearches).values([
    {
      userId: vendor.id,
      nama: 'Konstruksi di Dinas PUPR',
      jenis: 'pekerjaan_konstruksi',
      agencyId: pupr,
      hpsMin: 200_000_000n,
      hpsMax: 5_000_000_000n,
      keyword: null,
      createdAt: now,
    },
    {
      userId: vendor.id,
      nama: 'Talud dan tanggul',
      jenis: null,
      agencyId: null,
      hpsMin: null,
      hpsMax: null,
      keyword: 'talud',
      createdAt: now,
    },
  ]);
  // The demo's announced tender (tenders demo), as a saved-search alert and the notices of its schedule.
  const [tender] = await ctx.tx
    .select({ id: tenders.id, kode: tenders.kode, nama: tenders.nama, hps: tenders.hps })
    .from(tenders)
    .where(isNotNull(tenders.announcedAt))
    .orderBy(asc(tenders.announcedAt))
    .limit(1);
  if (!tender?.kode) return;
  const env = { clock: ctx.clock, config: ctx.config };
  const link = `/tender/${encodeURIComponent(tender.kode)}`;
  const base = { kode: tender.kode, nama: tender.nama };
  await notify(ctx.tx, env, {
    userIds: [vendor.id],
    key: 'notifications.msg.searchMatch',
    params: { ...base, search: 'Talud dan tanggul', hps: tender.hps === null ? '—' : formatRupiah(tender.hps) },
    link,
    dedupeKey: `tender:${tender.id}:search`,
    email: false,
  });
  const schedule = await loadSchedule(ctx.tx, tender.id);
  for (const row of schedule.filter((r) => r.start.getTime() <= now.getTime()).slice(0, 2)) {
    await notify(ctx.tx, env, {
      userIds: [vendor.id],
      key: 'notifications.msg.stageOpened',
      params: { ...base, stage: { key: `tenders.stage.${row.stage}` }, end: { at: row.end.toISOString() } },
      link,
      dedupeKey: `tender:${tender.id}:stage:${row.stage}:opened`,
      email: false,
    });
  }
  // When the schedule has begun (it depends on the time of day the demo is loaded), the oldest one is already read;
  // at least one always stays unread, for the count in the nav.
  const mine = await ctx.tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.userId, vendor.id))
    .orderBy(asc(notifications.createdAt));
  if (mine.length >= 2)
    await ctx.tx.update(notifications).set({ readAt: now }).where(eq(notifications.id, mine[0]!.id));
}
