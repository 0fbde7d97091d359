import { AppError } from '../../platform/errors.ts';
import type { MessageKey } from '../../registry.ts';

/** Typed refusals of the registration module; each code is stable for API clients. */
export const regErrors = {
  linkInvalid: () => new AppError('REG_LINK_INVALID', 410, 'reg.link.invalid'),
  npwpTaken: () => new AppError('NPWP_TAKEN', 409, 'reg.npwp.taken', {}, { field: 'npwp' }),
  usernameTaken: () => new AppError('USERNAME_TAKEN', 409, 'auth.usernameTaken', {}, { field: 'username' }),
  notEditable: () => new AppError('REG_NOT_EDITABLE', 409, 'reg.notEditable'),
  /** Each missing item is named beside its form field; the API gets the list in `missing`. */
  incomplete: (missing: Record<string, MessageKey>) =>
    new AppError(
      'REG_INCOMPLETE',
      400,
      'reg.incomplete',
      { missing: Object.keys(missing).join(', ') },
      { fields: missing },
    ),
  notSubmitted: () => new AppError('REG_NOT_SUBMITTED', 409, 'reg.notSubmitted'),
  originalsMissing: () => new AppError('REG_ORIGINALS_NOT_CHECKED', 409, 'reg.originalsMissing'),
  alreadyInactive: (username: string) =>
    new AppError('ACCOUNT_ALREADY_INACTIVE', 409, 'reg.account.alreadyInactive', { username }),
  alreadyActive: (username: string) =>
    new AppError('ACCOUNT_ALREADY_ACTIVE', 409, 'reg.account.alreadyActive', { username }),
  periodInvalid: () =>
    new AppError('BLACKLIST_PERIOD_INVALID', 400, 'reg.blacklist.periodInvalid', {}, { field: 'endsOn' }),
  vendorUnknown: () => new AppError('VENDOR_UNKNOWN', 400, 'reg.blacklist.vendorUnknown', {}, { field: 'vendorId' }),
  wrongCredentials: () => new AppError('REG_RESUME_INVALID', 401, 'reg.resume.invalid', {}, { field: 'username' }),
  revisionNoteRequired: () =>
    new AppError('REG_REVISION_NOTE_REQUIRED', 400, 'reg.revision.noteRequired', {}, { field: 'note' }),
  /** A well-formed id of no agency (a stale form, or a crafted one): refused beside the field, never a 500. */
  agencyUnknown: () => new AppError('AGENCY_UNKNOWN', 400, 'validation.agency', {}, { field: 'agencyId' }),
  pendingRequest: () => new AppError('REG_ALREADY_PENDING', 409, 'reg.role.pending'),
};
