import type { settingsId } from './id.ts';

export const settingsEn: Record<keyof typeof settingsId, string> = {
  'nav.siteSettings': 'Site identity',
  'settings.title': 'Site identity',
  'settings.intro':
    'The regional government’s name, emblem, office address, service hours and helpdesk contacts appear in the header and footer of every page, on the letterhead of every PDF and under every e-mail.',
  'settings.regencyName': 'Name of the regional government',
  'settings.regencyNameHint': 'For example: Kabupaten Konawe Kepulauan. The site shows "LPSE" before it.',
  'settings.address': 'Address of the LPSE office',
  'settings.hours': 'Service hours',
  'settings.email': 'Helpdesk e-mail',
  'settings.phone': 'Helpdesk phone',
  'settings.whatsapp': 'Helpdesk WhatsApp',
  'settings.emblem': 'Regional emblem',
  'settings.emblemHint': 'PNG or JPEG, at most 512 KB. Without an emblem the site uses a neutral LPSE mark.',
  'settings.emblemCurrent': 'Current emblem',
  'settings.emblemNone': 'No emblem yet: the neutral LPSE mark is used.',
  'settings.removeEmblem': 'Remove the emblem, back to the neutral mark',
  'settings.saved': 'Site identity saved.',
  'audit.event.site_settings.updated': 'Changed the site identity',
};
