import type { registrationId } from './id.ts';

export const registrationEn: Record<keyof typeof registrationId, string> = {
  'nav.registration': 'Registration',
};
