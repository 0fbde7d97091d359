// The public surface of the registration module: what other modules (tenders) may use.
export { type Eligibility, isEligibleToBid } from './eligibility.ts';
export { maskNpwp } from './identifiers.ts';
export { registrationPlugin } from './registration.plugin.ts';
