import type { Db } from '../../platform/db/database.ts';
import { completedContractsOf, vendorPerformance } from '../contracts/index.ts';
import { companyName, type VendorRow } from '../registration/index.ts';
import { witaDate } from './expiry.ts';
import { buildSnapshot, vendorKualifikasi } from './qualification.ts';
import { currentSection, itemsOf } from './sikap.repository.ts';
import type { PublicProfile } from './views/sikap.views.tsx';

/**
 * The public data of a vendor, built field by field (never a copy of the profile, so nothing confidential slips
 * through): name, city, qualification from the SBU grade, the licence types, the masked NPWP.
 */
export async function publicProfile(
  db: Db,
  vendor: VendorRow,
  mask: (npwp: string) => string,
  now: Date,
): Promise<PublicProfile> {
  const licences = itemsOf(await currentSection(db, vendor.id, 'izin'));
  // The same rule as the qualification check: valid SBU grades (K1–K3 kecil, any M or B non-kecil, Permen PUPR
  // 8/2022), else the size stated on a valid licence; nothing stated: not shown.
  const kualifikasi = vendorKualifikasi(buildSnapshot({ izin: licences }).izin, witaDate(now));
  return {
    name: companyName(vendor.businessForm, vendor.name),
    city: vendor.city,
    maskedNpwp: vendor.npwp ? mask(vendor.npwp) : '—',
    kualifikasi: kualifikasi === null ? null : kualifikasi === 'kecil' ? 'kecil' : 'nonKecil',
    licenceTypes: [...new Set(licences.map((l) => String(l.jenis)))].sort(),
    verifiedAt: vendor.verifiedAt,
    // Contracts completed on this platform (BAST given) and the PPKs' ratings after them (contracts module).
    completed: (await completedContractsOf(db, vendor.id)).map((c) => ({
      kegiatan: c.kegiatan,
      kodeTender: c.kodeTender,
      pemberiTugas: c.pemberiTugas,
      nilai: c.nilai,
      selesai: c.tanggalSelesai,
    })),
    performance: await vendorPerformance(db, vendor.id),
  };
}
