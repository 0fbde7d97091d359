import { auditEvent, defineModule } from '../../platform/module.ts';
import { loadNotificationsDemo } from './demo.ts';
import { tenderNoticesJob } from './jobs.ts';
import { notificationsEn } from './locales/en.ts';
import { notificationsId } from './locales/id.ts';
import { notificationsPlugin } from './notifications.plugin.ts';
import { unreadCount } from './notifications.repository.ts';
import * as tables from './notifications.schema.ts';
import { notificationTasks } from './tasks.ts';

type SearchPayload = {
  nama: string;
  jenis?: string | null;
  agencyId?: string | null;
  hpsMin?: string | null;
  hpsMax?: string | null;
  keyword?: string | null;
};

/**
 * Notifications (issue 9 item 10): a per-person inbox rendered in the reader's language, `notify` for any module to
 * call inside its own transaction (with an optional mail through the outbox), the tender notice job (stage openings,
 * H-1 and H-3 jam upload reminders, saved-search alerts) and the vendors' saved searches.
 */
export const notificationsModule = defineModule({
  name: 'notifications',
  plugin: notificationsPlugin,
  tables,
  locales: { id: notificationsId, en: notificationsEn },
  permissions: {
    'notifications:search': {
      roles: ['PENYEDIA'],
      scope: 'own',
      description:
        'Keep own saved tender searches and be alerted (inbox and e-mail) when a matching tender is announced',
    },
  },
  nav: [
    {
      href: '/notifikasi',
      labelKey: 'nav.notifications',
      permission: 'signedIn',
      count: unreadCount,
      countLabelKey: 'notifications.unreadCount',
    },
  ],
  auditEvents: {
    'notification.read': auditEvent<{ count: number }>({ messageKey: 'audit.event.notification.read' }),
    'saved_search.created': auditEvent<SearchPayload>({ messageKey: 'audit.event.saved_search.created' }),
    'saved_search.deleted': auditEvent<{ nama: string }>({ messageKey: 'audit.event.saved_search.deleted' }),
  },
  demo: loadNotificationsDemo,
  dashboard: notificationTasks,
  jobs: [tenderNoticesJob],
});

export type { NotificationParam, NotificationParams } from './notifications.schema.ts';
// The public surface: other modules tell people through `notify`, inside their own transaction.
export { type NotifyEnv, type NotifyInput, notify, renderMessage } from './notify.ts';
