/**
 * Red flags (issue 13 item 6, for E-Monev): opentender.net's indicators (DOMAIN §4, ICW's Potential Fraud Analysis)
 * computed from the same OCDS data we publish — each a pure function of a record (its compiled release and the dates
 * and tags of its releases), so anyone can recompute them from the feed. Each answers `found`, `not_found` or
 * `cannot_assess` (data missing, e.g. no award yet), as prozorro-risks does.
 */

export type FlagStatus = 'found' | 'not_found' | 'cannot_assess';

export interface FlagResult {
  indicator: 'days_to_award' | 'contract_vs_hps' | 'single_bidder' | 'short_title' | 'winner_concentration';
  status: FlagStatus;
  /** The measured value (days, ratio, count, length, share), when there is one. */
  value?: number;
  /** opentender's 1–5 score where it defines one. */
  score?: number;
}

interface Amount {
  amount?: number;
}
interface Org {
  id?: string;
}
/** The parts of a compiled release the indicators read. */
export interface CompiledLike {
  ocid: string;
  buyer?: Org;
  tender?: {
    title?: string;
    value?: Amount;
    numberOfTenderers?: number;
    tenderers?: Org[];
  };
  bids?: { statistics?: { measure?: string; value?: number }[] };
  awards?: { id: string | number; status?: string; date?: string; value?: Amount; suppliers?: Org[] }[];
  contracts?: { id: string | number; status?: string; value?: Amount }[];
}

export interface RecordLike {
  compiled: CompiledLike;
  /** The record's releases, oldest first (date and tags only). */
  releases: { date: string; tag: readonly string[] }[];
}

const DAY = 86_400_000;
const activeAward = (c: CompiledLike) => c.awards?.find((a) => a.status === 'active');
const cannot = (indicator: FlagResult['indicator']): FlagResult => ({ indicator, status: 'cannot_assess' });

/**
 * Days from the announcement (the first `tender` release) to the award (the active award's date). opentender scores
 * 1 for 0–25 days up to 5 for more than 70; the steps between (26–40, 41–55, 56–70) are ours, evenly spread, to be
 * confirmed against ICW's methodology. Found at score 5.
 */
export function daysToAward(r: RecordLike): FlagResult {
  const announced = r.releases.find((x) => x.tag.includes('tender'))?.date;
  const awarded = activeAward(r.compiled)?.date;
  if (!announced || !awarded) return cannot('days_to_award');
  const days = Math.floor((Date.parse(awarded) - Date.parse(announced)) / DAY);
  const score = days <= 25 ? 1 : days <= 40 ? 2 : days <= 55 ? 3 : days <= 70 ? 4 : 5;
  return { indicator: 'days_to_award', status: score === 5 ? 'found' : 'not_found', value: days, score };
}

/**
 * Contract value against the HPS: above the HPS (score 5), within 1 % below it (an HPS leaked or a cartel's cover
 * price), or 20 % or more below it (a price too low to deliver) are found.
 */
export function contractVsHps(r: RecordLike): FlagResult {
  const hps = r.compiled.tender?.value?.amount;
  const contract = r.compiled.contracts?.find((c) => c.status !== 'cancelled')?.value?.amount;
  if (!hps || contract === undefined) return cannot('contract_vs_hps');
  const ratio = contract / hps;
  const score = ratio > 1 ? 5 : ratio >= 0.99 ? 5 : ratio <= 0.8 ? 5 : 1;
  return { indicator: 'contract_vs_hps', status: score === 5 ? 'found' : 'not_found', value: ratio, score };
}

/** Only one bid: from the bid statistics (`validBids`), else `numberOfTenderers`, else the tenderers listed. */
export function singleBidder(r: RecordLike): FlagResult {
  const t = r.compiled.tender;
  const stat = r.compiled.bids?.statistics?.find((s) => s.measure === 'validBids')?.value;
  const n = stat ?? t?.numberOfTenderers ?? t?.tenderers?.length;
  if (n === undefined) return cannot('single_bidder');
  return { indicator: 'single_bidder', status: n === 1 ? 'found' : 'not_found', value: n };
}

/** A title shorter than 20 characters says too little for anyone to find or check the package. */
export function shortTitle(r: RecordLike, min = 20): FlagResult {
  const title = r.compiled.tender?.title?.trim();
  if (!title) return cannot('short_title');
  return { indicator: 'short_title', status: title.length < min ? 'found' : 'not_found', value: title.length };
}

/**
 * Winner concentration per agency: for each buyer with at least `minAwards` active awards, a supplier that won at
 * least `share` of them is flagged on each process it won there. Returns a result per ocid.
 */
export function winnerConcentration(
  records: readonly RecordLike[],
  opts: { minAwards?: number; share?: number } = {},
): Map<string, FlagResult> {
  const minAwards = opts.minAwards ?? 3;
  const threshold = opts.share ?? 0.5;
  const byBuyer = new Map<string, { ocid: string; supplier: string }[]>();
  for (const r of records) {
    const award = activeAward(r.compiled);
    const buyer = r.compiled.buyer?.id;
    const supplier = award?.suppliers?.[0]?.id;
    if (!buyer || !supplier) continue;
    byBuyer.set(buyer, [...(byBuyer.get(buyer) ?? []), { ocid: r.compiled.ocid, supplier }]);
  }
  const out = new Map<string, FlagResult>();
  for (const r of records) out.set(r.compiled.ocid, cannot('winner_concentration'));
  for (const wins of byBuyer.values()) {
    const counts = new Map<string, number>();
    for (const w of wins) counts.set(w.supplier, (counts.get(w.supplier) ?? 0) + 1);
    for (const w of wins) {
      if (wins.length < minAwards) continue;
      const share = counts.get(w.supplier)! / wins.length;
      out.set(w.ocid, {
        indicator: 'winner_concentration',
        status: share >= threshold ? 'found' : 'not_found',
        value: share,
      });
    }
  }
  return out;
}

/** Every per-process indicator of one record. */
export function flagsOf(r: RecordLike): FlagResult[] {
  return [daysToAward(r), contractVsHps(r), singleBidder(r), shortTitle(r)];
}
