import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { cancelJobs, defineJob, scheduleJob } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { type ExpiryKind, expiryOf, type Section } from './sections.ts';
import { type SectionItem, sikapSections } from './sikap.schema.ts';

const DAY = 86_400_000;
/** Reminders go out 30 days before the expiry date (H-30), at 08.00 WITA. */
export const REMINDER_DAYS = 30;

/** The calendar day in WITA (`YYYY-MM-DD`). */
export const witaDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(at);

/** 08.00 WITA (00.00 UTC) of H-30. */
export const reminderAt = (until: string) => new Date(Date.parse(`${until}T00:00:00Z`) - REMINDER_DAYS * DAY);

const keyPrefix = (vendorId: string, itemId: string) => `sikap:expiry:${vendorId}:${itemId}:`;

type ReminderPayload = { vendorId: string; section: Section; itemId: string; until: string };

/**
 * Keeps one reminder per expiring item and date: the key names the item and its expiry date, so a second save of the
 * same date schedules nothing and a reminder already sent is not sent again; a changed date cancels the pending one
 * and schedules the new one. Items already expired get none (they are a `profileBlocker`).
 */
export async function rescheduleReminders(
  tx: Db,
  clock: Clock,
  vendorId: string,
  section: Section,
  before: readonly SectionItem[],
  after: readonly SectionItem[],
) {
  const now = clock.now();
  const today = witaDate(now);
  for (const item of before) {
    const old = expiryOf(section, item);
    const cur = after.find((i) => i.id === item.id);
    const next = cur ? expiryOf(section, cur) : null;
    if (old && old.until !== next?.until) await cancelJobs(tx, clock, { keyPrefix: keyPrefix(vendorId, item.id) });
  }
  for (const item of after) {
    const exp = expiryOf(section, item);
    if (!exp || exp.until < today) continue;
    const at = reminderAt(exp.until);
    await scheduleJob<ReminderPayload>(tx, clock, {
      kind: expiryReminderJob,
      key: `${keyPrefix(vendorId, item.id)}${exp.until}`,
      runAt: new Date(Math.max(at.getTime(), now.getTime())),
      payload: { vendorId, section, itemId: item.id, until: exp.until },
    });
  }
}

const LABEL_KEY = {
  izin: 'sikap.expiry.izin',
  sbu: 'sikap.expiry.sbu',
  sertifikat: 'sikap.expiry.sertifikat',
} as const;

/** The reminder mail at H-30: to the vendor's user, in their language, naming the item and the date. */
export const expiryReminderJob = defineJob<ReminderPayload>({
  kind: 'sikap.expiry_reminder',
  async run({ db, clock, config }, p) {
    await db.transaction(async (tx) => {
      const [sec] = await tx
        .select()
        .from(sikapSections)
        .where(and(eq(sikapSections.vendorId, p.vendorId), eq(sikapSections.section, p.section)));
      const item = sec?.items.find((i) => i.id === p.itemId);
      const exp = item ? expiryOf(p.section, item) : null;
      // The item was removed or its date changed since: that change scheduled its own reminder.
      if (!item || exp?.until !== p.until) return;
      const [to] = await tx
        .select({ email: users.email, name: users.name, locale: users.locale, vendorName: vendors.name })
        .from(vendors)
        .innerJoin(users, eq(users.id, vendors.userId))
        .where(inArray(vendors.id, [p.vendorId]));
      if (!to) return;
      const t = translator(to.locale === 'en' ? 'en' : 'id');
      const params = {
        name: to.name,
        vendor: to.vendorName ?? '',
        item: itemLabel(t, exp.kind, item),
        until: shortDate(p.until, to.locale === 'en' ? 'en' : 'id'),
        lpse: config.lpseName,
        base: config.baseUrl,
        section: p.section,
      };
      await enqueueMail(tx, clock, {
        to: to.email,
        subject: t('sikap.mail.expiry.subject', params),
        text: t('sikap.mail.expiry.body', params),
      });
    });
  },
});

/** `3 Jan 2027` (id) / `3 Jan 2027` (en): the date as the refusal and the mail give it. */
export function shortDate(day: string, locale: 'id' | 'en' = 'id') {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })
    .format(new Date(`${day}T00:00:00Z`))
    .replace('.', '');
}

function itemLabel(t: ReturnType<typeof translator>, kind: ExpiryKind, item: SectionItem) {
  const what = t(LABEL_KEY[kind]);
  const name = kind === 'sertifikat' ? `${item.sertifikat ?? ''} (${item.nama})` : `${item.jenis} ${item.nomor}`;
  return `${what} ${name}`.trim();
}

export interface ProfileBlocker {
  kind: ExpiryKind;
  section: Section;
  itemId: string;
  /** The item in a few words: "SBU 1-7402-2-00001", "sertifikat SKK Ahli Madya (Ir. La Ode Kamaru)". */
  label: string;
  until: string;
  /** In Bahasa Indonesia, for the participation refusal: "izin usaha berakhir 3 Jan 2027". */
  reason: string;
}

/**
 * What in the vendor's profile stops it from taking part at `now`: every licence, SBU or expert certificate whose
 * validity ended before the day of `now` (WITA). The tender engine adds these to `isEligibleToBid` (registration)
 * in its participation check; an empty list means the profile is not in the way.
 */
export async function profileBlockers(db: Db, vendorId: string, now: Date): Promise<ProfileBlocker[]> {
  const rows = await db
    .select()
    .from(sikapSections)
    .where(and(eq(sikapSections.vendorId, vendorId), inArray(sikapSections.section, ['izin', 'tenaga_ahli'])));
  const today = witaDate(now);
  const t = translator('id');
  const out: ProfileBlocker[] = [];
  for (const row of rows) {
    const section = row.section as Section;
    for (const item of row.items) {
      const exp = expiryOf(section, item);
      if (!exp || exp.until >= today) continue;
      out.push({
        kind: exp.kind,
        section,
        itemId: item.id,
        label: itemLabel(t, exp.kind, item),
        until: exp.until,
        reason: t('sikap.blocker', { what: t(LABEL_KEY[exp.kind]), until: shortDate(exp.until) }),
      });
    }
  }
  return out;
}
