import { buffer } from 'node:stream/consumers';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { BlobStore } from '../../platform/files/blob-store.ts';
import { getDocument } from '../../platform/files/documents.ts';
import { defaultSiteIdentity, type SiteIdentity } from '../../platform/ui/site.ts';
import { siteSettings } from './settings.schema.ts';

export type SiteSettingsRow = typeof siteSettings.$inferSelect;

export async function findSiteSettings(db: Db): Promise<SiteSettingsRow | undefined> {
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1));
  return row;
}

/** The identity as shown, from the stored row (or the defaults) and the emblem's bytes for the PDF letterheads. */
export async function loadSiteIdentity(db: Db, files: BlobStore, configuredLpseName: string): Promise<SiteIdentity> {
  const row = await findSiteSettings(db);
  const base = defaultSiteIdentity(configuredLpseName);
  if (!row) return base;
  let emblem: SiteIdentity['emblem'] = null;
  if (row.emblemDocumentId) {
    const doc = await getDocument(db, row.emblemDocumentId);
    if (doc) {
      try {
        const bytes = await buffer(await files.openVerified(doc));
        emblem = { documentId: doc.id, mime: doc.mime, dataUrl: `data:${doc.mime};base64,${bytes.toString('base64')}` };
      } catch {
        // A missing or changed emblem file: the neutral mark, never a broken page or PDF.
        emblem = null;
      }
    }
  }
  return {
    lpseName: `LPSE ${row.regencyName}`,
    regencyName: row.regencyName,
    address: row.address,
    hours: row.hours,
    email: row.email,
    phone: row.phone,
    whatsapp: row.whatsapp,
    emblem,
  };
}
