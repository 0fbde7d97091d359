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
    'Then: document addenda, failed or cancelled tenders, the number of bids (after opening), sanggah and sanggah banding, winners (pending during the complaint period, cancelled when a complaint is upheld), contracts and their amendments, payments, handover (BAST) and contract termination.',
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
    'Not published: preparation documents (SULAP), the HPS before the tender is announced, drafts, bid contents before opening, and personal data (NIK, the NPWP of individuals, home addresses). The names of those asking clarification questions and of complainants are not published, nor the reasons for a contract termination.',
  'opendata.policy.codelists':
    "Methods and categories are mapped to OCDS's closed codelists (open, selective, limited, direct; goods, works, services), keeping the Indonesian name in procurementMethodDetails. Amounts are whole rupiah (IDR).",
  'opendata.policy.contact': "Questions and corrections: contact the LPSE's helpdesk.",
  'opendata.sanggah': 'Complaints: sanggah and sanggah banding (local extension)',
  'opendata.sanggah.why':
    'OCDS has no official complaints extension yet. This LPSE publishes a local extension that adds tender.complaints and lists it in every package’s extensions.',
  'opendata.sanggah.fields':
    'Each sanggah (answered by the Pokja) and sanggah banding (construction only, answered by the PA/KPA): id, type (sanggah, sanggahBanding), date submitted, status (pending, answered), date answered, outcome (upheld, rejected), and for a sanggah banding the id of the sanggah it appeals.',
  'opendata.sanggah.withheld':
    'Not published: who filed it, the texts of the complaint and of the answer, its attachment and the appeal guarantee; they are visible to the tender’s participants only.',
  'opendata.sanggah.awards':
    'The winner is published from the award announcement stage, pending during the complaint period. When a sanggah or sanggah banding is upheld, that award is published again as cancelled (same id, in a release tagged awardCancellation); the Pokja’s new decision is a new award with a new id.',
  'opendata.sanggah.files': 'Extension files:',
  'nav.nationalFeed': 'National feed',
  'audit.event.opendata.api_key_issued': 'Issued open-data API key {keyPrefix}… to {name}',
  'audit.event.opendata.api_key_revoked': 'Revoked open-data API key {keyPrefix}… of {name}',
  'audit.event.opendata.award_announced': 'Published the winner of tender {kode} as open data ({award})',
  'national.title': 'Data feed for the national portal',
  'national.intro':
    'The same data as the OCDS feed, in the shape the national side reads (RUP code and tender code, ISB/SiRUP field names): pulled by consumers with an API key, or pushed automatically to the configured address.',
  'national.keys': 'API keys',
  'national.keysHow':
    'A consumer sends its key in the X-API-Key header to /api/v1/nasional/paket (at most 60 requests a minute per key). Only a hash of the key is stored; a lost key cannot be recovered: revoke it and issue a new one.',
  'national.keysEmpty': 'No key has been issued yet.',
  'national.keyName': 'Consumer name',
  'national.keyNameHint': 'For example: National Procurement Portal (LKPP).',
  'national.keyPrefix': 'Key starts with',
  'national.keyCreated': 'Issued',
  'national.keyLastUsed': 'Last used',
  'national.keyStatus': 'Status',
  'national.revokedAt': 'Revoked {at}',
  'national.revoke': 'Revoke',
  'national.revoked': 'Key revoked; the next request with it is refused.',
  'national.issue': 'Issue a new key',
  'national.issued': 'New key for {name}',
  'national.issuedOnce': 'Copy this key now and hand it over through a safe channel. It is shown only once.',
  'national.push': 'Automatic push',
  'national.pushTo': 'New releases are sent every minute to {url}.',
  'national.pushOff': 'Automatic push is off (NATIONAL_FEED_PUSH_URL is not set).',
  'national.pushHow':
    'Each delivery is an OCDS release package in order; a failed delivery is retried with growing delays (30 seconds up to 1 hour) and the next one waits, so the receiver never misses a release.',
  'national.deliveries': 'Delivery log (newest first)',
  'national.deliveriesEmpty': 'Nothing delivered yet.',
  'national.dRange': 'Releases',
  'national.dStatus': 'Status',
  'national.dAttempts': 'Attempts',
  'national.dLast': 'Last answer',
  'national.dWhen': 'Delivered / next attempt',
  'national.delivered': 'Delivered',
  'national.pending': 'Waiting / retrying',
  'national.nextAttempt': 'next {at}',
  'indicators.title': 'Risk indicators (red flags)',
  'indicators.intro':
    'These indicators are computed automatically from the same OCDS open data this portal publishes, following opentender.net (ICW). Anyone can recompute them from the data feed.',
  'indicators.caveat':
    'A red flag is not an accusation: it marks a package worth a closer look. Indicators whose data does not exist yet (for example, no winner yet) are not assessed.',
  'indicators.flagged': 'Packages with an indicator fired',
  'indicators.count': '{flagged} of {assessed} published tenders fire at least one indicator.',
  'indicators.none': 'No package fires an indicator yet.',
  'indicators.process': 'Package',
  'indicators.buyer': 'Agency',
  'indicators.fired': 'Indicators',
  'indicators.explained': 'What each indicator means',
  'indicators.days_to_award': 'Time from announcement to award',
  'indicators.days_to_award.why':
    'More than 70 days from the tender announcement to the award (opentender score 5): a drawn-out process leaves room for negotiation outside the procedure.',
  'indicators.contract_vs_hps': 'Contract value against the owner estimate (HPS)',
  'indicators.contract_vs_hps.why':
    'A contract above the HPS, within 1 % below it (a leaked HPS or a cartel cover price), or 20 % or more below it (a price too low to do the work well).',
  'indicators.single_bidder': 'Single bidder',
  'indicators.single_bidder.why': 'Only one vendor submitted a bid: no price competition.',
  'indicators.short_title': 'Package title too short',
  'indicators.short_title.why': 'A package title under 20 characters is hard for the public to find and check.',
  'indicators.winner_concentration': 'Concentrated winners',
  'indicators.winner_concentration.why': 'In one agency with at least 3 awards, one vendor won half or more of them.',
  'indicators.source':
    "Method: Indonesia Corruption Watch, opentender.net (Potential Fraud Analysis). The thresholds between scores 1 and 5 for the time to award are an even split of ours, pending confirmation of ICW's methodology.",
  'opendata.indicatorsLink': 'Packages that fire a risk indicator, and what each indicator means',
};
