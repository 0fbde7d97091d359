import { can } from '../auth/permissions.ts';
import type { DashboardDecl } from '../module.ts';
import { failedMailBacklog } from './mail.repository.ts';

/** The Admin Sistem's queue: mail that gave up after every retry (a wrong address, a mail server down for hours). */
export const mailTasks: DashboardDecl['tasks'] = async ({ db, actor }) => {
  if (!can(actor, 'mail:resend')) return [];
  const failed = await failedMailBacklog(db);
  if (failed.count === 0) return [];
  return [
    {
      labelKey: 'dashboard.task.mailFailed',
      count: failed.count,
      oldest: failed.oldest,
      href: '/admin/surel?status=failed',
    },
  ];
};
