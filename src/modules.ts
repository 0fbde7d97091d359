import { accountsModule } from './modules/accounts/index.ts';
import { auctionModule } from './modules/auction/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { bidsModule } from './modules/bids/index.ts';
import { contractsModule } from './modules/contracts/index.ts';
import { dashboardModule } from './modules/dashboard/index.ts';
import { evaluationModule } from './modules/evaluation/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { opendataModule } from './modules/opendata/index.ts';
import { organisationModule } from './modules/organisation/index.ts';
import { portalModule } from './modules/portal/index.ts';
import { registrationModule } from './modules/registration/index.ts';
import { rupModule } from './modules/rup/index.ts';
import { settingsModule } from './modules/settings/index.ts';
import { sikapModule } from './modules/sikap/index.ts';
import { sulapModule } from './modules/sulap/index.ts';
import { tendersModule } from './modules/tenders/index.ts';
import { platformModule } from './platform/platform.module.ts';

/**
 * The one list of modules. Routes, permissions, document classes, catalogues, navigation (in this order), audit event
 * types, demo data and dashboard tasks are all composed from it (see src/registry.ts). Adding a module is one line
 * here plus its own folder.
 */
export const MODULES = [
  portalModule,
  accountsModule,
  dashboardModule,
  organisationModule,
  registrationModule,
  sikapModule,
  rupModule,
  sulapModule,
  tendersModule,
  bidsModule,
  evaluationModule,
  auctionModule,
  contractsModule,
  opendataModule,
  notificationsModule,
  auditModule,
  settingsModule,
  // Last, so that its menu entries (the outbox) come after the modules' own.
  platformModule,
] as const;

export type AnyModule = (typeof MODULES)[number];
