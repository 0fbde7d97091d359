import type { AnyModule } from './modules.ts';
import { MODULES } from './modules.ts';
import { ROLES } from './platform/auth/roles.ts';
import type { JobDefinition } from './platform/jobs/jobs.ts';
import type {
  AuditEventDecl,
  AuditEventsOf,
  AuditSubscriber,
  Catalogue,
  DashboardDecl,
  DocumentClassDecl,
  DocumentClassOf,
  MessageKeyOf,
  ModuleDefinition,
  NavDecl,
  PermissionDecl,
  PermissionOf,
} from './platform/module.ts';

/** Every permission of every module. */
export type Permission = PermissionOf<AnyModule>;
/** Every document class of every module. */
export type DocumentClass = DocumentClassOf<AnyModule>;
/** Every catalogue key of every module (the platform's own strings are the `platform` module's catalogue). */
export type MessageKey = MessageKeyOf<AnyModule>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AuditEventMap = UnionToIntersection<AuditEventsOf<AnyModule>>;
/** Every audit event type of every module. */
export type AuditAction = keyof AuditEventMap & string;
/** The payload (`summary`) an audit event of type `A` carries. */
export type AuditPayload<A extends AuditAction> = A extends AuditAction
  ? AuditEventMap[A] extends AuditEventDecl<infer P>
    ? P
    : never
  : never;

export interface Registry {
  modules: readonly ModuleDefinition[];
  permissions: ReadonlyMap<string, PermissionDecl & { module: string }>;
  documentClasses: ReadonlyMap<string, DocumentClassDecl & { module: string }>;
  catalogues: { id: Record<string, string>; en: Record<string, string> };
  nav: readonly NavDecl[];
  auditEvents: ReadonlyMap<string, AuditEventDecl & { module: string }>;
  dashboards: readonly (DashboardDecl & { module: string })[];
  /** Drizzle tables by their SQL name, with the module that owns each. */
  tables: ReadonlyMap<string, string>;
  /** Every module's job handlers, for the runner. */
  // biome-ignore lint/suspicious/noExplicitAny: handlers of different payload types
  jobs: readonly JobDefinition<any>[];
  /** Audit subscribers by action, in module-list order (`recordAudit` runs them in the event's transaction). */
  auditSubscribers: ReadonlyMap<string, readonly (AuditSubscriber & { module: string })[]>;
}

export class ModuleCompositionError extends Error {}

/**
 * Composes the module list into one registry and checks every cross-reference, so that a typo in a module's
 * declarations fails at start-up (and in CI) instead of showing a raw key or silently refusing everybody.
 */
export function composeModules(modules: readonly ModuleDefinition[]): Registry {
  const problems: string[] = [];
  const permissions = new Map<string, PermissionDecl & { module: string }>();
  const documentClasses = new Map<string, DocumentClassDecl & { module: string }>();
  const auditEvents = new Map<string, AuditEventDecl & { module: string }>();
  const tables = new Map<string, string>();
  const id: Record<string, string> = {};
  const en: Record<string, string> = {};
  const nav: NavDecl[] = [];
  const dashboards: (DashboardDecl & { module: string })[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: handlers of different payload types
  const jobs: JobDefinition<any>[] = [];
  const names = new Set<string>();
  const auditSubscribers = new Map<string, (AuditSubscriber & { module: string })[]>();

  for (const m of modules) {
    if (names.has(m.name)) problems.push(`module ${m.name} is listed twice`);
    names.add(m.name);
    for (const [key, decl] of Object.entries(m.permissions ?? {})) {
      if (permissions.has(key))
        problems.push(`permission ${key} declared by ${permissions.get(key)!.module} and ${m.name}`);
      for (const r of decl.roles) if (!ROLES.includes(r)) problems.push(`permission ${key}: unknown role ${r}`);
      permissions.set(key, { ...decl, module: m.name });
    }
    for (const [key, decl] of Object.entries(m.documentClasses ?? {})) {
      if (documentClasses.has(key)) problems.push(`document class ${key} declared twice (${m.name})`);
      documentClasses.set(key, { ...decl, module: m.name });
    }
    for (const [key, decl] of Object.entries(m.auditEvents ?? {})) {
      if (auditEvents.has(key)) problems.push(`audit event ${key} declared twice (${m.name})`);
      auditEvents.set(key, { ...(decl as AuditEventDecl), module: m.name });
    }
    for (const [, table] of Object.entries(m.tables ?? {})) {
      const sqlName = tableName(table);
      if (!sqlName) continue;
      if (tables.has(sqlName)) problems.push(`table ${sqlName} owned by ${tables.get(sqlName)} and ${m.name}`);
      tables.set(sqlName, m.name);
    }
    if (m.locales) {
      mergeCatalogue(id, m.locales.id, `${m.name} (id)`, problems);
      mergeCatalogue(en, m.locales.en, `${m.name} (en)`, problems);
    }
    for (const item of m.nav ?? []) if (!nav.some((n) => n.href === item.href)) nav.push(item);
    if (m.dashboard) dashboards.push({ ...m.dashboard, module: m.name });
    for (const job of m.jobs ?? []) {
      if (jobs.some((j) => j.kind === job.kind)) problems.push(`job kind ${job.kind} declared twice (${m.name})`);
      jobs.push(job);
    }
    for (const [action, run] of Object.entries(m.auditSubscribers ?? {})) {
      const list = auditSubscribers.get(action) ?? [];
      const subscriber: AuditSubscriber = (tx, event, ctx) => run(tx, event, ctx);
      list.push(Object.assign(subscriber, { module: m.name }));
      auditSubscribers.set(action, list);
    }
  }

  for (const key of Object.keys(id)) if (!(key in en)) problems.push(`catalogue key ${key} has no English text`);
  for (const key of Object.keys(en)) if (!(key in id)) problems.push(`catalogue key ${key} has no Indonesian text`);
  for (const item of nav) {
    if (!(item.labelKey in id)) problems.push(`nav ${item.href}: unknown label ${item.labelKey}`);
    if (item.permission && item.permission !== 'signedIn' && !permissions.has(item.permission)) {
      problems.push(`nav ${item.href}: unknown permission ${item.permission}`);
    }
  }
  for (const [key, decl] of auditEvents) {
    if (!(decl.messageKey in id)) problems.push(`audit event ${key}: unknown message ${decl.messageKey}`);
  }
  for (const [action, list] of auditSubscribers) {
    if (!auditEvents.has(action))
      problems.push(`audit subscriber of ${list.map((s) => s.module).join(', ')}: unknown audit event ${action}`);
  }
  if (problems.length > 0)
    throw new ModuleCompositionError(`Module declarations are inconsistent:\n- ${problems.join('\n- ')}`);
  return {
    modules,
    permissions,
    documentClasses,
    catalogues: { id, en },
    nav,
    auditEvents,
    dashboards,
    tables,
    jobs,
    auditSubscribers,
  };
}

function mergeCatalogue(into: Record<string, string>, from: Catalogue, source: string, problems: string[]) {
  for (const [k, v] of Object.entries(from)) {
    if (k in into && into[k] !== v) problems.push(`catalogue key ${k} defined twice (${source})`);
    into[k] = v;
  }
}

const DRIZZLE_NAME = Symbol.for('drizzle:Name');
function tableName(table: unknown): string | undefined {
  if (!table || typeof table !== 'object') return undefined;
  const name = (table as Record<symbol, unknown>)[DRIZZLE_NAME];
  return typeof name === 'string' ? name : undefined;
}

let composed: Registry | undefined;

/**
 * The registry of the app's module list, composed on first use. Lazy on purpose: modules import the platform, and the
 * platform reads the registry only when a request, a command or a CLI run needs it — after every module has loaded.
 */
export function registry(): Registry {
  composed ??= composeModules(MODULES);
  return composed;
}

/**
 * Replaces the module list of this process: for a test that shows a new module works when registered in the list
 * (each test file runs in its own process). Never used by the app.
 */
export function useModulesForTest(modules: readonly ModuleDefinition[]): void {
  composed = composeModules(modules);
}

export type { Catalogue };
