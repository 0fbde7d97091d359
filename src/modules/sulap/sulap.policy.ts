import { type Actor, canForAgency } from '../../platform/auth/permissions.ts';
import { allow, type Decision, firstRefusal, type Policy, refuse } from '../../platform/auth/policy.ts';
import type { PackageStatus } from './sulap.schema.ts';

/** SULAP is mandatory for tender administration, to keep tender documents confidential (Pasal 29(1)). */
export const SULAP_BASIS = 'Perbup tentang LPSE Pasal 29(1); Pasal 3(4): LPSE tidak memiliki isi paket (R14)';

export interface PackageRef {
  agencyId: string;
  ukpbjAgencyId: string | null;
  ppkUserId: string;
  status: PackageStatus;
  /** The assigned Pokja members (or Pejabat Pengadaan). */
  memberIds: readonly string[];
}

/** The PPK who prepared the package, still holding PPK in its agency. */
export const isPackagePpk = (actor: Actor | null, p: PackageRef) =>
  !!actor && actor.userId === p.ppkUserId && canForAgency(actor, 'sulap:prepare', p.agencyId);

/** The Kepala UKPBJ of the unit the package was submitted to. */
export const isPackageKepala = (actor: Actor | null, p: PackageRef) =>
  !!actor && p.ukpbjAgencyId !== null && canForAgency(actor, 'sulap:assign', p.ukpbjAgencyId);

/** An assigned Pokja member or Pejabat Pengadaan, still holding that role. */
export const isPackageMember = (actor: Actor | null, p: PackageRef) =>
  !!actor &&
  p.memberIds.includes(actor.userId) &&
  actor.roles.some((r) => r.role === 'POKJA' || r.role === 'PEJABAT_PENGADAAN');

const confidential = (): Decision => refuse('SULAP_CONFIDENTIAL', 'sulap.refused.confidential', { basis: SULAP_BASIS });

/**
 * The package and its documents (and the HPS) are confidential: only its PPK, the Kepala UKPBJ it was submitted to and
 * the assigned Pokja. Everyone else — the Admin Sistem and every LPSE unit included (R14) — is refused.
 */
export const canReadPackage: Policy<PackageRef> = (actor, p) =>
  isPackagePpk(actor, p) || isPackageKepala(actor, p) || isPackageMember(actor, p) ? allow() : confidential();

const inStatus =
  (p: PackageRef, ...statuses: PackageStatus[]) =>
  (): Decision =>
    statuses.includes(p.status) ? allow() : refuse('SULAP_WRONG_STATUS', 'sulap.refused.status');

/** Edit and submit: the package's PPK, while it is being prepared. */
export const canPrepare: Policy<PackageRef> = (actor, p) =>
  firstRefusal(() => (isPackagePpk(actor, p) ? allow() : confidential()), inStatus(p, 'persiapan'));

/** Upload a document version: the PPK, while preparing or (for a document sent back) during the review. */
export const canUpload: Policy<PackageRef> = (actor, p) =>
  firstRefusal(() => (isPackagePpk(actor, p) ? allow() : confidential()), inStatus(p, 'persiapan', 'reviu'));

/** Assign a Pokja: the Kepala UKPBJ the package was submitted to. */
export const canAssign: Policy<PackageRef> = (actor, p) =>
  firstRefusal(() => (isPackageKepala(actor, p) ? allow() : confidential()), inStatus(p, 'diajukan'));

/** Review a document: an assigned member or the PPK, during the review. */
export const canReview: Policy<PackageRef> = (actor, p) =>
  firstRefusal(
    () => (isPackageMember(actor, p) || isPackagePpk(actor, p) ? allow() : confidential()),
    inStatus(p, 'reviu'),
  );

/** Kaji ulang: an assigned member, during the review. */
export const canKajiUlang: Policy<PackageRef> = (actor, p) =>
  firstRefusal(() => (isPackageMember(actor, p) ? allow() : confidential()), inStatus(p, 'reviu'));
