import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type MessageKey, registry } from '../../registry.ts';
import { type Actor, can, type Permission } from '../auth/permissions.ts';
import type { Db } from '../db/database.ts';
import { readFlash } from '../http/handle-form.ts';
import type { Locale, Translate } from '../i18n/i18n.ts';
import type { NavDecl } from '../module.ts';
import { type SiteIdentity, siteIdentity } from './site.ts';

export interface NavItem {
  href: string;
  labelKey: MessageKey;
  /** Shown only to people holding this permission; `signedIn` for any signed-in person; none for everyone. */
  permission?: Permission | 'signedIn';
  /** The entry's count for this person (e.g. unread notifications), when it has one above 0. */
  count?: number;
  /** The count in words, for screen readers ("3 belum dibaca"). */
  countLabel?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Nav entry counts by href, loaded for signed-in page views (`loadNavCounts`). */
    navCounts?: Record<string, number>;
  }
}

const visible = (actor: Actor | null, n: NavDecl) =>
  !n.permission ? true : n.permission === 'signedIn' ? !!actor : can(actor, n.permission as Permission);

/** The counts of the nav entries this person sees that declare one (module contract `NavDecl.count`). */
export async function loadNavCounts(db: Db, actor: Actor): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of registry().nav) {
    if (n.count && visible(actor, n)) out[n.href] = await n.count(db, actor.userId);
  }
  return out;
}

/** What every view needs about the request: language, the signed-in person, the CSRF token, where we are. */
export interface PageCtx {
  t: Translate;
  locale: Locale;
  actor: Actor | null;
  csrf: string;
  path: string;
  lpseName: string;
  /** Name, emblem, office, hours and helpdesk contacts (settings module, cached per process). */
  site: SiteIdentity;
  nav: NavItem[];
  /** A one-line confirmation after a Post/Redirect/Get: the signed `ok` query parameter made by `withFlash`. */
  flash?: string;
}

export function pageCtx(req: FastifyRequest, reply: FastifyReply): PageCtx {
  const actor = req.ctx.actor;
  // Modules declare their entries (module contract); the composition has checked every label and permission.
  const counts = req.navCounts;
  const nav: NavItem[] = registry()
    .nav.filter((n) => visible(actor, n))
    .map((n) => ({
      href: n.href,
      labelKey: n.labelKey as MessageKey,
      permission: n.permission as NavItem['permission'],
      ...(counts?.[n.href]
        ? {
            count: counts[n.href],
            countLabel: n.countLabelKey
              ? req.ctx.t(n.countLabelKey as MessageKey, { count: counts[n.href]! })
              : String(counts[n.href]),
          }
        : {}),
    }));
  const okKey = (req.query as Record<string, unknown> | undefined)?.ok;
  // The token (and, on a first visit, its secret cookie) is made only when a form on the page asks for it, so that
  // public pages without forms stay cheap and cacheable.
  let csrf: string | undefined;
  const site = siteIdentity(req.server.services.config.lpseName);
  return {
    t: req.ctx.t,
    locale: req.ctx.locale,
    actor,
    get csrf() {
      csrf ??= reply.generateCsrf();
      return csrf;
    },
    path: req.url,
    lpseName: site.lpseName,
    site,
    nav,
    flash: readFlash(okKey),
  };
}

export function sendHtml(reply: FastifyReply, view: VNode, status = 200) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${renderToString(view)}`);
}

/** Post/Redirect/Get: 303 so the browser's back and reload buttons never resubmit a form. */
export function redirectSeeOther(reply: FastifyReply, to: string) {
  return reply.code(303).header('location', to).send();
}

/** Only relative, same-site paths may be redirect targets: never `//evil` or `javascript:`. */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}
