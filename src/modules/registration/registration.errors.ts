import { AppError } from '../../platform/errors.ts';

/** Typed refusals of the registration module; each code is stable for API clients. */
export const regErrors = {
  linkInvalid: () => new AppError('REG_LINK_INVALID', 410, 'reg.link.invalid'),
  npwpTaken: () => new AppError('NPWP_TAKEN', 409, 'reg.npwp.taken'),
  usernameTaken: () => new AppError('USERNAME_TAKEN', 409, 'auth.usernameTaken'),
  notEditable: () => new AppError('REG_NOT_EDITABLE', 409, 'reg.notEditable'),
  incomplete: (missing: string) => new AppError('REG_INCOMPLETE', 400, 'reg.incomplete', { missing }),
  notSubmitted: () => new AppError('REG_NOT_SUBMITTED', 409, 'reg.notSubmitted'),
  originalsMissing: () => new AppError('REG_ORIGINALS_NOT_CHECKED', 409, 'reg.originalsMissing'),
  alreadyInactive: () => new AppError('ACCOUNT_ALREADY_INACTIVE', 409, 'reg.account.alreadyInactive'),
  alreadyActive: () => new AppError('ACCOUNT_ALREADY_ACTIVE', 409, 'reg.account.alreadyActive'),
  periodInvalid: () => new AppError('BLACKLIST_PERIOD_INVALID', 400, 'reg.blacklist.periodInvalid'),
  vendorUnknown: () => new AppError('VENDOR_UNKNOWN', 400, 'reg.blacklist.vendorUnknown'),
  wrongCredentials: () => new AppError('REG_RESUME_INVALID', 401, 'reg.resume.invalid'),
  revisionNoteRequired: () => new AppError('REG_REVISION_NOTE_REQUIRED', 400, 'reg.revision.noteRequired'),
  pendingRequest: () => new AppError('REG_ALREADY_PENDING', 409, 'reg.role.pending'),
};
