import type { exampleId } from './id.ts';

export const exampleEn: Record<keyof typeof exampleId, string> = {
  'nav.example': 'Example',
  'example.title': 'Example announcement',
  'example.announced': 'The example announcement was published.',
  'example.refused.agency': 'You can act only for your own agency.',
  'example.refused.notYet': 'This announcement cannot be published yet.',
  'audit.event.example.announced': 'Published the example announcement for agency {agency}',
};
