import type { FastifyInstance } from 'fastify';
import { en } from '../locales/en.ts';
import { id } from '../locales/id.ts';
import * as auditTables from './audit/audit.schema.ts';
import { filesPlugin } from './files/files.plugin.ts';
import * as fileTables from './files/files.schema.ts';
import { jobsPlugin } from './jobs/jobs.plugin.ts';
import * as jobTables from './jobs/jobs.schema.ts';
import { platformJobs } from './jobs/platform-jobs.ts';
import { mailPages } from './mail/mail.pages.ts';
import * as mailTables from './mail/mail.schema.ts';
import { mailTasks } from './mail/mail.tasks.ts';
import { auditEvent, defineModule } from './module.ts';

/**
 * The platform's own declarations, composed like any module's: the shared catalogue (layout, forms, errors, and the
 * strings of the first modules, which predate the module contract), the platform's tables, file downloads, and the
 * audit events of cross-cutting work.
 */
export const platformModule = defineModule({
  name: 'platform',
  plugin: async (app: FastifyInstance) => {
    await app.register(filesPlugin);
    await app.register(jobsPlugin);
    await app.register(mailPages);
  },
  tables: { ...auditTables, ...fileTables, ...mailTables, ...jobTables },
  locales: { id, en },
  permissions: {
    'jobs:read': {
      roles: ['ADMIN_SISTEM'],
      scope: 'global',
      description: 'See scheduled work (reminders, notices, sweeps) and its failures',
    },
    'jobs:manage': {
      roles: ['ADMIN_SISTEM'],
      scope: 'global',
      description: 'Retry a failed scheduled job',
    },
    'mail:read': {
      roles: ['ADMIN_SISTEM'],
      scope: 'global',
      description:
        'Read the mail outbox and each message with its body, single-use links included (every view is audited)',
    },
    'mail:resend': {
      roles: ['ADMIN_SISTEM'],
      scope: 'global',
      description: 'Put a message of the outbox back in the queue to be sent again',
    },
  },
  nav: [
    { href: '/admin/surel', labelKey: 'nav.mail', permission: 'mail:read' },
    { href: '/admin/tugas', labelKey: 'nav.jobs', permission: 'jobs:read' },
  ],
  jobs: platformJobs,
  dashboard: {
    tasks: mailTasks,
    emptyHints: { ADMIN_SISTEM: 'dashboard.empty.ADMIN_SISTEM' },
  },
  auditEvents: {
    'document.read': auditEvent<{ docClass: string; sha256: string; via?: string }>({
      messageKey: 'audit.event.document.read',
      link: (docId) => (docId ? `/berkas/${docId}` : null),
    }),
    'document.read_denied': auditEvent<{ docClass: string; sha256: string; via?: string }>({
      messageKey: 'audit.event.document.read_denied',
    }),
    'mail.viewed': auditEvent<{ to: string; subject: string; status: string }>({
      messageKey: 'audit.event.mail.viewed',
      link: (mailId) => (mailId ? `/admin/surel/${mailId}` : null),
    }),
    'mail.resent': auditEvent<{ to: string; subject: string; previousStatus: string; attempts: number }>({
      messageKey: 'audit.event.mail.resent',
      link: (mailId) => (mailId ? `/admin/surel/${mailId}` : null),
    }),
    'demo.loaded': auditEvent<{ agencies: number; users: number }>({ messageKey: 'audit.event.demo.loaded' }),
    'document.integrity_failed': auditEvent<{ docClass: string; sha256: string; encrypted: boolean; via?: string }>({
      messageKey: 'audit.event.document.integrity_failed',
    }),
    'keys.rotated': auditEvent<{ newKeyId: string; rewrapped: number; via: string }>({
      messageKey: 'audit.event.keys.rotated',
    }),
    'job.retry': auditEvent<{ kind: string; key: string; lastError: string | null }>({
      messageKey: 'audit.event.job.retry',
      link: () => '/admin/tugas?status=pending',
    }),
  },
});
