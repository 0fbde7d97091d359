import type { auditEvents } from '../../platform/audit/audit.schema.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { isMessageKey } from '../../platform/i18n/i18n.ts';
import { registry } from '../../registry.ts';

type Row = typeof auditEvents.$inferSelect;

/**
 * An audit event as people read it: the sentence its module declared (both languages), with the payload's fields as
 * placeholders and `{object}` as the object's name when known, plus a link to the object. Events of a type no module
 * declares any more (renamed since) fall back to their code, never to an error.
 */
export function describeAuditEvent(
  t: Translate,
  e: Row,
  objectName: string | null,
): { text: string; href: string | null; declared: boolean } {
  const decl = registry().auditEvents.get(e.action);
  const summary = (e.summary ?? {}) as Record<string, unknown>;
  const params: Record<string, string | number> = {};
  const take = (o: unknown) => {
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    }
  };
  take(summary.before);
  take(summary.after);
  take(summary);
  const roleKey = `role.${params.role}`;
  if (typeof params.role === 'string' && isMessageKey(roleKey)) params.role = t(roleKey);
  params.object = objectName ?? (e.objectId ? `${e.objectType} ${e.objectId.slice(0, 8)}` : e.objectType);
  if (!decl || !isMessageKey(decl.messageKey)) return { text: e.action, href: null, declared: false };
  let href: string | null = null;
  try {
    href = decl.link?.(e.objectId, summary as never) ?? null;
  } catch {
    href = null;
  }
  return { text: t(decl.messageKey, params), href, declared: true };
}
