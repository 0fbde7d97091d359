import { auditEvent, defineModule } from '../../platform/module.ts';
import { auctionPlugin } from './auction.plugin.ts';
import * as tables from './auction.schema.ts';
import { loadAuctionDemo } from './demo.ts';
import { auctionEn } from './locales/en.ts';
import { auctionId } from './locales/id.ts';

const seleksiLink = (id: string | null) => (id ? `/kelola/tender/${id}/seleksi` : null);
const lelangLink = (_id: string | null, p: { kode: string }) => `/tender/${p.kode}/lelang/hasil`;

/**
 * Seleksi 2-file scoring and the Tender Cepat e-reverse auction (issue 12, items 1 and 7). Scores are data on the
 * tender (criteria, weights, ambang batas); File II prices go through evaluation's `recordOpenedBid`. The auction
 * reads the opened prices from the same seam (eval_bids) and keeps its own bids.
 */
export const auctionModule = defineModule({
  name: 'auction',
  plugin: auctionPlugin,
  tables,
  locales: { id: auctionId, en: auctionEn },
  permissions: {
    'auction:score': {
      roles: ['POKJA'],
      scope: 'agency',
      description:
        "Set a seleksi's criteria and weights, score File I, record File II prices and approve the result together (only the tender's Pokja members, in the 2-file stages)",
    },
    'auction:bid': {
      roles: ['PENYEDIA'],
      scope: 'own',
      description: 'Place lower prices in a Tender Cepat e-reverse auction while it runs (eligible bidders only)',
    },
  },
  auditEvents: {
    'auction.seleksi_setup': auditEvent<{
      kode: string;
      method: string;
      criteria: string;
      ambang: number;
      bobotTeknis: number;
    }>({ messageKey: 'audit.event.auction.seleksi_setup', link: seleksiLink }),
    'auction.seleksi_scored': auditEvent<{ kode: string; vendor: string; scores: string; version: number }>({
      messageKey: 'audit.event.auction.seleksi_scored',
      link: seleksiLink,
    }),
    'auction.seleksi_approved': auditEvent<{
      kode: string;
      phase: string;
      version: number;
      approved: number;
      of: number;
    }>({ messageKey: 'audit.event.auction.seleksi_approved', link: seleksiLink }),
    'auction.seleksi_price_recorded': auditEvent<{ kode: string; vendor: string; harga: string }>({
      messageKey: 'audit.event.auction.seleksi_price_recorded',
      link: seleksiLink,
    }),
    'auction.bid_placed': auditEvent<{ kode: string; vendor: string; harga: string; previous: string }>({
      messageKey: 'audit.event.auction.bid_placed',
      link: lelangLink,
    }),
  },
  demo: loadAuctionDemo,
  nav: [{ href: '/kelola/seleksi', labelKey: 'nav.auction', permission: 'auction:score' }],
});

export { placeAuctionBid } from './commands/bid.ts';
export { fileOnePassed } from './file-one.ts';
export { type AwardRanking, awardRanking } from './outcome.ts';
export { type AuctionBid, minDecrement, type Standing, standings } from './reverse/rules.ts';
export { formatScore, rank, SELEKSI_METHODS, type SeleksiMethod, technicalScore } from './seleksi/scoring.ts';
export { auctionSpan } from './windows.ts';
