import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { AuditContext } from './audit/audit.ts';
import type { Actor } from './auth/permissions.ts';
import type { Role } from './auth/roles.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/database.ts';
import type { BlobStore } from './files/blob-store.ts';
import type { DocumentRow } from './files/documents.ts';
import type { Locale } from './i18n/i18n.ts';
import type { JobDefinition } from './jobs/jobs.ts';

/**
 * The module contract. Each feature module exports one `defineModule({...})` from its `index.ts`, and `src/modules.ts`
 * lists them. Everything shared — routes, permissions, document classes, catalogues, navigation, audit event types,
 * demo data, dashboard tasks — is composed from that list, so adding a module touches its own folder and one line.
 *
 * The declarations here are typed with plain strings on purpose: the precise unions (`Permission`, `MessageKey`,
 * `DocumentClass`, `AuditAction`) are derived *from* the module list, so the contract itself must not depend on them.
 * `composeModules` checks every cross-reference at start-up instead (an unknown permission in a nav entry, a missing
 * translation, a duplicate key), and the test suite starts the app, so a typo fails CI.
 */

/**
 * Who holds a permission, and how far it reaches.
 * - `global`: everywhere (LPSE-unit duties, e.g. verifying any registration);
 * - `agency`: only for the agency the role was granted in (a PPK of Dinas PUPR acts for Dinas PUPR only);
 * - `own`: only over the actor's own records (a vendor's own company data).
 */
export interface PermissionDecl {
  roles: readonly Role[];
  scope: 'global' | 'agency' | 'own';
  /** One line for the generated access matrix (docs/ACCESS.md, `lpse permissions`). */
  description: string;
}

export type Catalogue = Readonly<Record<string, string>>;

export interface NavDecl {
  href: string;
  labelKey: string;
  /** A permission name, `signedIn` for anyone signed in, or absent for everyone. */
  permission?: string;
  /**
   * A number shown beside the label for the signed-in person (unread notifications), counted on each page view of a
   * person who sees the entry; 0 shows nothing. Keep it one indexed query.
   */
  count?: (db: Db, userId: string) => Promise<number>;
  /** What the count means, for screen readers (a catalogue key that gets `{count}`: "{count} belum dibaca"). */
  countLabelKey?: string;
}

/** Who may read a stored document of a class. Every non-public read and every refusal is audited. */
export type DocumentReadPolicy = (db: Db, actor: Actor | null, doc: DocumentRow) => Promise<boolean> | boolean;

export interface DocumentClassDecl {
  maxBytes: number;
  mimes: readonly string[];
  /** Encrypted at rest (identity documents, SULAP packages, evaluation records). */
  confidential?: boolean;
  /** `public` for documents anyone may read (decrees); otherwise the policy deciding each read. */
  read: 'public' | DocumentReadPolicy;
}

/**
 * An audit event type: the action name is the key in the module's `auditEvents`; the payload type is carried as a
 * phantom so `recordAudit` checks the summary written with the action. `messageKey` renders the event as a sentence in
 * the audit trail; its placeholders are filled from the payload (top-level string and number fields) plus `{object}`.
 */
export interface AuditEventDecl<P = Record<string, unknown>> {
  messageKey: string;
  /** Where the object of the event can be seen, for the audit trail's link. */
  link?: (objectId: string | null, payload: P) => string | null;
  /** Phantom: carries the payload type (a function type, so a declaration of any payload fits the contract). */
  readonly __payload?: (payload: P) => void;
}

export function auditEvent<P extends object = Record<string, never>>(decl: {
  messageKey: string;
  // NoInfer: without an explicit payload type the event has an empty payload, not `object`.
  link?: (objectId: string | null, payload: NoInfer<P>) => string | null;
}): AuditEventDecl<P> {
  return decl as AuditEventDecl<P>;
}

/** An audit event as `recordAudit` has just written it: what an audit subscriber receives. */
export interface RecordedAuditEvent<P = Record<string, unknown>> {
  seq: number;
  at: Date;
  action: string;
  objectType: string;
  objectId: string | null;
  summary: P;
}

/**
 * A module reacting to another module's audit event inside the same transaction (e.g. open data writing an OCDS
 * release with the change it describes, R02). It may read anything and write its own tables; a throw rolls the
 * change back. It must not call `recordAudit` itself (no events from events).
 */
export type AuditSubscriber<P = Record<string, unknown>> = (
  tx: Db,
  event: RecordedAuditEvent<P>,
  ctx: AuditContext,
) => Promise<void>;

/** What a module's demo loader gets: the open transaction and helpers shared by every module's demo. */
export interface DemoContext {
  tx: Db;
  clock: Clock;
  config: Config;
  files: BlobStore;
  audit: AuditContext;
  /** Agencies by code, loaded before any module's demo. */
  agencyId(code: string): string;
  /** A user id by username, from the people created so far. */
  userId(username: string): string;
  /** Remembers a created user's id for later modules' demos. */
  rememberUser(username: string, id: string): void;
  /** Draws a random password for a demo account, to be printed once at the end; returns only its argon2id hash. */
  passwordHash(username: string, role: string): Promise<string>;
}

/** One line of a dashboard work queue: "12 pendaftaran menunggu, tertua 3 hari". */
export interface DashboardTask {
  /** Catalogue key of the sentence; gets `{count}` and `{oldest}`. */
  labelKey: string;
  count: number;
  oldest: Date | null;
  href: string;
}

export interface TaskContext {
  db: Db;
  clock: Clock;
  actor: Actor;
  locale: Locale;
}

export interface DashboardDecl {
  /** Tasks waiting for this person; an empty list when there is nothing to do. */
  tasks(ctx: TaskContext): Promise<DashboardTask[]>;
  /** For roles that have nothing to do yet: what will appear on their dashboard, and when. */
  emptyHints?: Partial<Record<Role, string>>;
}

export interface ModuleDefinition {
  /** Folder name under src/modules (or `platform`). */
  name: string;
  plugin?: (app: FastifyInstance) => Promise<void>;
  permissions?: Readonly<Record<string, PermissionDecl>>;
  documentClasses?: Readonly<Record<string, DocumentClassDecl>>;
  locales?: { id: Catalogue; en: Catalogue };
  /** The module's Drizzle tables (its `*.schema.ts`), so the composition knows which module owns which table. */
  tables?: Readonly<Record<string, unknown>>;
  nav?: readonly NavDecl[];
  auditEvents?: Readonly<Record<string, AuditEventDecl<never>>>;
  demo?: (ctx: DemoContext) => Promise<void>;
  dashboard?: DashboardDecl;
  /** Work this module runs later or repeatedly (reminders, notices, sweeps): handlers for the job runner. */
  // biome-ignore lint/suspicious/noExplicitAny: handlers of different payload types
  jobs?: readonly JobDefinition<any>[];
  /**
   * Subscribers to audit events (of any module), by action: each runs in the transaction of the event, after the
   * event is written, in module-list order. `composeModules` refuses an action no module declares.
   */
  // biome-ignore lint/suspicious/noExplicitAny: subscribers of different payload types
  auditSubscribers?: Readonly<Record<string, AuditSubscriber<any>>>;
}

/** Identity function that keeps the literal types of a module's declarations for the derived unions. */
export function defineModule<const M extends ModuleDefinition>(m: M): M {
  return m;
}

type KeysOf<T> = T extends Readonly<Record<infer K, unknown>> ? K & string : never;

/** Derived unions over a list of module definitions (see src/modules.ts). */
export type PermissionOf<M> = M extends { permissions: infer P } ? KeysOf<P> : never;
export type DocumentClassOf<M> = M extends { documentClasses: infer D } ? KeysOf<D> : never;
export type MessageKeyOf<M> = M extends { locales: { id: infer C } } ? KeysOf<C> : never;
export type AuditEventsOf<M> = M extends { auditEvents: infer E } ? E : never;
