/** Bahasa Indonesia messages of the registration module; merged into the main catalogue by src/locales/id.ts. */
export const registrationId = {
  'nav.registration': 'Pendaftaran',
} as const;
