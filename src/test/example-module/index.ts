import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Permission } from '../../platform/auth/permissions.ts';
import { enforce } from '../../platform/auth/policy.ts';
import { assertUuid } from '../../platform/errors.ts';
import { allow } from '../../platform/http/access.ts';
import { auditContext } from '../../platform/http/context.ts';
import { type AuditSubscriber, auditEvent, defineModule } from '../../platform/module.ts';
import { redirectSeeOther } from '../../platform/ui/page.ts';
import type { AuditAction } from '../../registry.ts';
import { canAnnounce } from './example.policy.ts';
import { exampleEn } from './locales/en.ts';
import { exampleId } from './locales/id.ts';

/**
 * The smallest module, registered only by a test (module-contract.test.ts): it shows that one folder plus one line
 * in the module list gives routes, a permission, a document class, an audit event type, a nav entry and catalogue
 * strings, and a policy with agency scope and a time gate.
 */
async function examplePlugin(app: FastifyInstance) {
  app.post<{ Params: { agencyId: string } }>(
    '/contoh/:agencyId/umumkan',
    { config: allow('example:announce' as Permission) },
    async (req, reply) => {
      assertUuid(req.params.agencyId);
      enforce(canAnnounce(req.ctx.actor, { agencyId: req.params.agencyId }, req.ctx.clock.now()));
      await req.ctx.db.transaction((tx) =>
        recordAudit(tx, auditContext(req.ctx), {
          action: 'example.announced' as AuditAction,
          objectType: 'agency',
          objectId: req.params.agencyId,
          summary: { agency: req.params.agencyId } as never,
        }),
      );
      return redirectSeeOther(reply, '/dasbor');
    },
  );
}

/**
 * What the example's audit subscriber saw (module contract `auditSubscribers`): the event, and whether its row was
 * already visible through the transaction handed over (it is: the subscriber runs inside the change's transaction).
 * `failNext` makes it throw once, to show a subscriber's failure rolls the change back.
 */
export const exampleSubscriber = {
  seen: [] as { seq: number; action: string; summary: unknown; rowVisible: boolean }[],
  failNext: false,
};

const onAnnounced: AuditSubscriber = async (tx, event) => {
  if (exampleSubscriber.failNext) {
    exampleSubscriber.failNext = false;
    throw new Error('example subscriber failed');
  }
  const rows = await tx.select().from(auditEvents).where(eq(auditEvents.seq, event.seq));
  exampleSubscriber.seen.push({
    seq: event.seq,
    action: event.action,
    summary: event.summary,
    rowVisible: rows.length === 1,
  });
};

export const exampleModule = defineModule({
  name: 'example',
  plugin: examplePlugin,
  locales: { id: exampleId, en: exampleEn },
  permissions: {
    'example:announce': { roles: ['PPK'], scope: 'agency', description: 'Publish the example announcement' },
  },
  documentClasses: { example_attachment: { maxBytes: 1024 * 1024, mimes: ['application/pdf'], read: 'public' } },
  nav: [{ href: '/contoh', labelKey: 'nav.example', permission: 'example:announce' }],
  auditEvents: {
    'example.announced': auditEvent<{ agency: string }>({ messageKey: 'audit.event.example.announced' }),
  },
  auditSubscribers: { 'example.announced': onAnnounced },
});
