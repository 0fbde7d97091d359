import type { MessageKey } from '../../locales/id.ts';
import type { RegistrationDocumentRow, RegistrationRow, VendorRow } from './registration.repository.ts';
import { requirementsFor } from './requirements.ts';

/**
 * What is still missing before a registration may be submitted, as form field → message. Pure, so the form can show
 * each problem beside its field and the submit command can refuse with the same list.
 */
export function missingForSubmit(
  reg: Pick<RegistrationRow, 'kind' | 'agencyId' | 'requestedRole' | 'position'>,
  vendor: VendorRow | undefined,
  docs: Pick<RegistrationDocumentRow, 'requirement' | 'docNumber' | 'issuedOn' | 'issuer' | 'validUntil'>[],
): Record<string, MessageKey> {
  const out: Record<string, MessageKey> = {};
  if (reg.kind === 'vendor') {
    const v = vendor;
    const required: (keyof VendorRow)[] = [
      'name',
      'businessForm',
      'npwp',
      'address',
      'city',
      'phone',
      'email',
      'picName',
      'picNik',
      'picPosition',
    ];
    if (v?.isBranch) required.push('headOfficeName', 'headOfficeAddress');
    for (const f of required) if (!v?.[f]) out[f] = 'validation.required';
  } else {
    if (!reg.agencyId) out.agencyId = 'validation.agency';
    if (!reg.requestedRole) out.requestedRole = 'validation.role';
    if (!reg.position) out.position = 'validation.required';
  }
  const byCode = new Map(docs.map((d) => [d.requirement, d]));
  for (const r of requirementsFor(reg.kind)) {
    const d = byCode.get(r.code);
    if (!d) {
      if (r.required) out[`doc_${r.code}`] = 'validation.file';
      continue;
    }
    if (r.number && !d.docNumber) out[`${r.code}_number`] = 'validation.required';
    if (r.date && !d.issuedOn) out[`${r.code}_date`] = 'validation.required';
    if (r.issuer && !d.issuer) out[`${r.code}_issuer`] = 'validation.required';
    if (r.validUntil && !d.validUntil) out[`${r.code}_until`] = 'validation.required';
  }
  return out;
}
