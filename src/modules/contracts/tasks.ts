import { can } from '../../platform/auth/permissions.ts';
import type { DashboardDecl, DashboardTask } from '../../platform/module.ts';
import { ppkBacklog } from './contracts.repository.ts';

/** The PPK's queue: winners waiting for their SPPBJ, completed contracts waiting for the performance rating. */
export const contractTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    if (!can(actor, 'contracts:manage')) return [];
    const b = await ppkBacklog(db, actor);
    const out: DashboardTask[] = [];
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
