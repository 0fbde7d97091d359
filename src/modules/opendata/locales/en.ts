import type { opendataId } from './id.ts';

export const opendataEn: Record<keyof typeof opendataId, string> = {
  'nav.opendata': 'Open data',
  'opendata.title': 'Open data (OCDS)',
  'opendata.intro':
    'Every procurement plan and tender announced on this LPSE is published as open data in the Open Contracting Data Standard (OCDS) 1.1.5, at the moment of the change, never retyped.',
  'opendata.placeholder':
    'Note: the OCID prefix in use ({prefix}) is a demo placeholder, not registered with the Open Contracting Partnership. Do not harvest this data as official.',
  'opendata.what': 'What is published',
  'opendata.what.planning':
    'Procurement plans (RUP) when announced and when revised: budget in rupiah, source of funds, method and category, the buying agency.',
  'opendata.what.tender':
    'Tenders when announced: package name, owner estimate (HPS), selection method (with its Indonesian name), bid submission and clarification periods, the tender documents with their public links, the buying agency and the procurement unit.',
  'opendata.what.amendment': 'Changes to a tender schedule with their reason (amendments).',
  'opendata.what.later':
    'Coming: document addenda, failed or cancelled tenders, bids (after opening), winners, contracts and handover (BAST).',
  'opendata.stats': 'Last update',
  'opendata.stats.text': '{count} releases published; the latest on {last}.',
  'opendata.stats.none': 'No release has been published yet.',
  'opendata.harvest': 'How to harvest',
  'opendata.harvest.feed':
    'The release feed (release packages), page by page from the oldest: start without parameters, then follow links.next. The cursor (since) follows the order in which releases were stored, so no release is missed or repeated.',
  'opendata.harvest.record':
    'The record of one process, with its compiled and versioned release: /api/v1/ocds/records/{ocid}.',
  'opendata.harvest.bulk': 'Full download, one release per line (JSON Lines):',
  'opendata.harvest.openapi': 'API documentation (OpenAPI):',
  'opendata.ocid': 'Each process has the OCID {prefix}-rup-<RUP code> or {prefix}-tender-<tender code>.',
  'opendata.licence': 'Licence',
  'opendata.licence.text':
    'You may use, share and adapt this data for any purpose, commercial included, crediting the source ({name}): Creative Commons Attribution 4.0 International (CC BY 4.0).',
  'opendata.policy': 'Publication policy',
  'opendata.policy.when':
    'A release is written in the same transaction as the change it announces: if the change is stored, so is its release; if it fails, neither exists.',
  'opendata.policy.ids':
    'Release identifiers are never reused and a published release is never changed; corrections are published as new releases.',
  'opendata.policy.withheld':
    'Not published: preparation documents (SULAP), the HPS before the tender is announced, drafts, bid contents before opening, and personal data (NIK, the NPWP of individuals, home addresses). The names of those asking clarification questions are not published.',
  'opendata.policy.codelists':
    "Methods and categories are mapped to OCDS's closed codelists (open, selective, limited, direct; goods, works, services), keeping the Indonesian name in procurementMethodDetails. Amounts are whole rupiah (IDR).",
  'opendata.policy.contact': "Questions and corrections: contact the LPSE's helpdesk.",
};
