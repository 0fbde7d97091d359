import { can } from '../../platform/auth/permissions.ts';
import type { DashboardDecl, DashboardTask } from '../../platform/module.ts';
import { verifiedVendorOfUser } from '../registration/index.ts';
import { ppkBacklog, sppbjAwaitingAnswer } from './contracts.repository.ts';

/**
 * The PPK's queue: winners waiting for their SPPBJ, completed contracts waiting for the performance rating. The
 * vendor's: SPPBJ waiting for its answer.
 */
export const contractTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    const out: DashboardTask[] = [];
    if (can(actor, 'contracts:respond')) {
      const vendor = await verifiedVendorOfUser(db, actor.userId);
      const w = vendor ? await sppbjAwaitingAnswer(db, vendor.id) : { n: 0, oldest: null };
      if (w.n > 0)
        out.push({ labelKey: 'dashboard.task.contractsAnswer', count: w.n, oldest: w.oldest, href: '/kontrak-saya' });
    }
    if (!can(actor, 'contracts:manage')) return out;
    const b = await ppkBacklog(db, actor);
    if (b.sppbj > 0)
      out.push({
        labelKey: 'dashboard.task.contractsSppbj',
        count: b.sppbj,
        oldest: b.oldest,
        href: '/kelola/kontrak',
      });
    if (b.ratings > 0)
      out.push({ labelKey: 'dashboard.task.contractsRating', count: b.ratings, oldest: null, href: '/kelola/kontrak' });
    return out;
  },
};
