import type { Config } from '../../config.ts';
import { loadConfig } from '../../config.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Json } from './merge.ts';

/** OCDS 1.1.5 (PEERS §5.1): what the packages declare. */
export const OCDS_VERSION = '1.1';
export const RELEASE_SCHEMA_ID = 'https://standard.open-contracting.org/schema/1__1__5/release-schema.json';
/** Open data under CC BY 4.0 (attribution to the LPSE), stated in every package and on /data-terbuka. */
export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
/**
 * The extensions the packages use: pagination (`links.next`) for the cursor feed, bids (`bids.statistics`),
 * enquiries (`tender.enquiries`) and this LPSE's local sanggah extension (`tender.complaints`, served from
 * `extensions/sanggah/`). The official ones are not available offline: the tests validate against core 1.1.5 (which
 * allows their fields) and against core merged with the sanggah extension's schema.
 */
export const extensionsOf = (baseUrl: string) => [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/master/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/master/extension.json',
  sanggahExtensionUrl(baseUrl),
];

/** Where the local sanggah extension's `extension.json` is served (`api/extensions.api.ts`). */
export const sanggahExtensionUrl = (baseUrl: string) => `${baseUrl}/api/v1/ocds/extensions/sanggah/extension.json`;

/** Releases per page of the cursor feed. */
export const PAGE_SIZE = 100;

/** The closed `releaseTag` codelist. */
export type ReleaseTag =
  | 'planning'
  | 'planningUpdate'
  | 'tender'
  | 'tenderAmendment'
  | 'tenderUpdate'
  | 'tenderCancellation'
  | 'award'
  | 'awardUpdate'
  | 'awardCancellation'
  | 'contract'
  | 'contractUpdate'
  | 'contractAmendment'
  | 'implementation'
  | 'implementationUpdate'
  | 'contractTermination';

/** Where and under which prefix this LPSE publishes. */
export interface Publication {
  prefix: string;
  baseUrl: string;
}

/** From the configuration the command ran with (CLI paths without one read the environment). */
export function publicationOf(ctx: AuditContext | { config?: Config }): Publication {
  const config = ctx.config ?? loadConfig();
  return { prefix: config.ocdsPrefix, baseUrl: config.baseUrl };
}

/** `<prefix>-<kind>-<id>`: stable for the whole life of the process (PEERS §5.4). */
export function ocidOf(pub: Publication, kind: 'rup' | 'tender', id: string | number): string {
  return `${pub.prefix}-${kind}-${id}`;
}

export const idr = (amount: bigint | number | null | undefined) =>
  amount === null || amount === undefined ? undefined : { amount: Number(amount), currency: 'IDR' };

/**
 * Leaves out what OCDS must not carry: null/undefined, empty strings, empty arrays and empty objects, at every depth
 * (lib-cove-ocds `empty_field`).
 */
export function prune(value: unknown): Json | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v): v is Json => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value as Json;
}
