import type { Db } from '../../platform/db/database.ts';
import { companyName, type VendorRow } from '../registration/index.ts';
import { currentSection, itemsOf } from './sikap.repository.ts';
import type { PublicProfile } from './views/sikap.views.tsx';

/**
 * The public data of a vendor, built field by field (never a copy of the profile, so nothing confidential slips
 * through): name, city, qualification from the SBU grade, the licence types, the masked NPWP.
 */
export async function publicProfile(db: Db, vendor: VendorRow, mask: (npwp: string) => string): Promise<PublicProfile> {
  const licences = itemsOf(await currentSection(db, vendor.id, 'izin'));
  const grades = licences.map((l) => l.sbuKualifikasi).filter((g): g is string => typeof g === 'string');
  return {
    name: companyName(vendor.businessForm, vendor.name),
    city: vendor.city,
    maskedNpwp: vendor.npwp ? mask(vendor.npwp) : '—',
    // Kecil: SBU K1–K3 only; non-kecil: any M or B grade (Permen PUPR 8/2022). No SBU: not stated.
    kualifikasi: grades.length === 0 ? null : grades.some((g) => !g.startsWith('K')) ? 'nonKecil' : 'kecil',
    licenceTypes: [...new Set(licences.map((l) => String(l.jenis)))].sort(),
    verifiedAt: vendor.verifiedAt,
  };
}
