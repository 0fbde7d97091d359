/**
 * Roles of the regulation. Outside the LPSE (R23): PA, KPA, PPK, Kepala ULP, Pokja member, Pejabat Pengadaan,
 * Auditor, Penyedia, Bupati. The LPSE team's units (R20, R21, Pasal 6–11): Kepala, Sekretariat, Admin Sistem
 * (Unit Administrasi Sistem Elektronik), Verifikator (Unit Registrasi dan Verifikasi), Helpdesk (Unit Layanan dan
 * Dukungan).
 */
export const ROLES = [
  'PA',
  'KPA',
  'PPK',
  'KEPALA_ULP',
  'POKJA',
  'PEJABAT_PENGADAAN',
  'AUDITOR',
  'PENYEDIA',
  'BUPATI',
  'KEPALA_LPSE',
  'SEKRETARIAT',
  'ADMIN_SISTEM',
  'VERIFIKATOR',
  'HELPDESK',
] as const;
export type Role = (typeof ROLES)[number];

export const LPSE_TEAM_ROLES: readonly Role[] = [
  'KEPALA_LPSE',
  'SEKRETARIAT',
  'ADMIN_SISTEM',
  'VERIFIKATOR',
  'HELPDESK',
];

/** Pasal 13(3): a member of the LPSE team may not also be PPK, ULP/Pokja member or Pejabat Pengadaan (R22). */
export const PROCUREMENT_OFFICIAL_ROLES: readonly Role[] = ['PPK', 'KEPALA_ULP', 'POKJA', 'PEJABAT_PENGADAAN'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const isLpseTeamRole = (r: Role) => LPSE_TEAM_ROLES.includes(r);

/**
 * Returns the held role that forbids adding `role` under Pasal 13(3), or undefined when the combination is allowed.
 */
export function separationOfDutiesConflict(held: readonly Role[], role: Role): Role | undefined {
  if (isLpseTeamRole(role)) return held.find((h) => PROCUREMENT_OFFICIAL_ROLES.includes(h));
  if (PROCUREMENT_OFFICIAL_ROLES.includes(role)) return held.find((h) => isLpseTeamRole(h));
  return undefined;
}
