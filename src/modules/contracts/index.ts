import { auditEvent, defineModule } from '../../platform/module.ts';
import { contractsPlugin } from './contracts.plugin.ts';
import * as tables from './contracts.schema.ts';
import { loadContractsDemo } from './demo.ts';
import { contractsEn } from './locales/en.ts';
import { contractsId } from './locales/id.ts';
import { contractTasks } from './tasks.ts';

const link = (id: string | null) => (id ? `/kelola/kontrak/${id}` : null);
type Named = { nomor: string; nama: string; vendor: string };
type OnContract = { nomor: string; kontrak: string };

/**
 * From the award to the completed contract (R12 items 5–6, R06): SPPBJ and the winner's answer, the contract with its
 * addenda, SPMK, BAP (progress and payments), BAST (PHO/FHO) and the PPK's performance rating of the vendor. Its input
 * is an award (`acceptAward`), which the evaluation module gives once the masa sanggah is over.
 */
export const contractsModule = defineModule({
  name: 'contracts',
  plugin: contractsPlugin,
  tables,
  locales: { id: contractsId, en: contractsEn },
  permissions: {
    'contracts:manage': {
      roles: ['PPK'],
      scope: 'agency',
      description:
        "Issue the SPPBJ, record the contract, addenda, SPMK, BAP and BAST, and rate the vendor (only the package's own PPK, in its agency)",
    },
    'contracts:respond': {
      roles: ['PENYEDIA'],
      scope: 'own',
      description: "A winning vendor accepts or refuses its SPPBJ (with a reason) and follows its contract's progress",
    },
  },
  nav: [
    { href: '/kelola/kontrak', labelKey: 'nav.contracts', permission: 'contracts:manage' },
    { href: '/kontrak-saya', labelKey: 'nav.myContracts', permission: 'contracts:respond' },
  ],
  auditEvents: {
    'contract.award_received': auditEvent<{ kode: string; nama: string; vendor: string; nilai: string }>({
      messageKey: 'audit.event.contract.award_received',
      link,
    }),
    'contract.sppbj_issued': auditEvent<Named & { nilai: string }>({
      messageKey: 'audit.event.contract.sppbj_issued',
      link,
    }),
    'contract.sppbj_accepted': auditEvent<Named>({ messageKey: 'audit.event.contract.sppbj_accepted', link }),
    'contract.sppbj_refused': auditEvent<Named & { reason: string }>({
      messageKey: 'audit.event.contract.sppbj_refused',
      link,
    }),
    'contract.signed': auditEvent<Named & { nilai: string; contractId: string }>({
      messageKey: 'audit.event.contract.signed',
      link,
    }),
    'contract.addendum_added': auditEvent<
      OnContract & {
        versi: number;
        alasan: string;
        nilaiLama: string;
        nilaiBaru: string;
        selesaiBaru: string;
        perubahanKumulatif: string;
        alasanSepuluhPersen?: string;
      }
    >({ messageKey: 'audit.event.contract.addendum_added', link }),
    'contract.spmk_issued': auditEvent<OnContract & { mulaiKerja: string }>({
      messageKey: 'audit.event.contract.spmk_issued',
      link,
    }),
    'contract.payment_recorded': auditEvent<OnContract & { termin: number; fisik: string; pembayaran: string }>({
      messageKey: 'audit.event.contract.payment_recorded',
      link,
    }),
    'contract.bast_recorded': auditEvent<OnContract & { tanggal: string; vendor: string }>({
      messageKey: 'audit.event.contract.bast_recorded',
      link,
    }),
    'contract.fho_recorded': auditEvent<OnContract & { tanggal: string }>({
      messageKey: 'audit.event.contract.fho_recorded',
      link,
    }),
    'contract.terminated': auditEvent<OnContract & { tanggal: string; vendor: string; kesalahanPenyedia: boolean }>({
      messageKey: 'audit.event.contract.terminated',
      link,
    }),
    'contract.vendor_rated': auditEvent<{ kontrak: string; vendor: string; nilai: string } & Record<string, unknown>>({
      messageKey: 'audit.event.contract.vendor_rated',
      link,
    }),
  },
  demo: loadContractsDemo,
  dashboard: contractTasks,
});

// The public surface. The evaluation module hands the winner over with `acceptAward`; SIKaP reads performance,
// running and completed contracts; registration (blacklist) reads SPPBJ refusals; the tender's public page may show
// the contract summary.
export { type AwardInput, acceptAward } from './commands/accept-award.ts';
export { type TerminationInput, terminateContract } from './commands/terminate-contract.ts';
export {
  completedContractsOf,
  contractTerminations,
  publicContractOfTender,
  runningContractsOf,
  sppbjRefusals,
  vendorPerformance,
} from './contracts.repository.ts';
export { CONTRACT_DOCS, type ContractDoc, contractDocContent, contractDocHash, contractDocOfTender } from './pdf.ts';
export { formatScore, RATING_CRITERIA, RATING_MAX, RATING_SCALE, ratingCategory } from './rating.ts';
