import { defineModule } from '../../platform/module.ts';
import { dashboardPlugin } from './dashboard.plugin.ts';
import { dashboardEn } from './locales/en.ts';
import { dashboardId } from './locales/id.ts';

/**
 * The dashboard as a work queue (`/dasbor`): it composes the tasks every module declares through the contract.
 * It also speaks, for now, for the roles whose modules are not built yet (RUP, SULAP, tenders, reports, helpdesk):
 * each of these hints moves to its module, next to that module's task provider, when the module arrives.
 */
export const dashboardModule = defineModule({
  name: 'dashboard',
  plugin: dashboardPlugin,
  locales: { id: dashboardId, en: dashboardEn },
  dashboard: {
    tasks: async () => [],
    emptyHints: {
      PPK: 'dashboard.empty.PPK',
      KEPALA_ULP: 'dashboard.empty.KEPALA_ULP',
      POKJA: 'dashboard.empty.POKJA',
      PEJABAT_PENGADAAN: 'dashboard.empty.PEJABAT_PENGADAAN',
      AUDITOR: 'dashboard.empty.AUDITOR',
      PENYEDIA: 'dashboard.empty.PENYEDIA',
      BUPATI: 'dashboard.empty.BUPATI',
      SEKRETARIAT: 'dashboard.empty.SEKRETARIAT',
      HELPDESK: 'dashboard.empty.HELPDESK',
    },
  },
});
