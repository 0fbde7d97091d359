import { readFileSync } from 'node:fs';

/**
 * OCDS 1.1 merging (docs/schema/merging.md; PEERS §5.2): a record's compiled release and versioned release from its
 * releases, oldest first. The rules come from the release schema itself (`omitWhenMerged`, `wholeListMerge`,
 * `versionId`), so a schema with extensions merges by the same code:
 * - objects merge field by field; a later value replaces an earlier one, and `null` removes the field;
 * - arrays of objects that all carry an `id` merge by `id` (identifier merge), unless `wholeListMerge`;
 *   other arrays (strings, objects without ids, `wholeListMerge`) are replaced whole;
 * - `omitWhenMerged` fields (the release's `id`, `date`, `tag`) are left out;
 * - in the versioned release each field becomes `[{releaseID, releaseDate, releaseTag, value}]`, one entry per change;
 *   the `id` of an object in an identifier-merged array is not versioned (unless `versionId`).
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export interface MergeRules {
  /** Schema paths (field names joined by `.`, arrays transparent): `tender.items.additionalClassifications`. */
  omitWhenMerged: ReadonlySet<string>;
  wholeListMerge: ReadonlySet<string>;
  versionId: ReadonlySet<string>;
}

type SchemaNode = {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  omitWhenMerged?: boolean;
  wholeListMerge?: boolean;
  versionId?: boolean;
};

/** Reads the merge rules from a release schema (its `definitions` resolved for local `$ref`s). */
export function mergeRulesFrom(schema: SchemaNode & { definitions?: Record<string, SchemaNode> }): MergeRules {
  const omit = new Set<string>();
  const whole = new Set<string>();
  const versionId = new Set<string>();
  const resolve = (node: SchemaNode): SchemaNode => {
    const ref = node.$ref;
    if (!ref?.startsWith('#/definitions/')) return node;
    return schema.definitions?.[ref.slice('#/definitions/'.length)] ?? node;
  };
  const walk = (node: SchemaNode, path: string[], seen: readonly string[]) => {
    if (node.$ref) {
      if (seen.includes(node.$ref)) return;
      walk(resolve(node), path, [...seen, node.$ref]);
      return;
    }
    if (node.items) walk(node.items, path, seen);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const p = [...path, key];
      const name = p.join('.');
      const resolved = resolve(child);
      if (child.omitWhenMerged || resolved.omitWhenMerged) omit.add(name);
      if (child.wholeListMerge || resolved.wholeListMerge) whole.add(name);
      if (child.versionId || resolved.versionId) versionId.add(name);
      walk(child, p, seen);
    }
  };
  walk(schema, [], []);
  return { omitWhenMerged: omit, wholeListMerge: whole, versionId };
}

let cached: MergeRules | undefined;
/** The rules of the OCDS 1.1.5 release schema shipped with this module (ocds-1.1.5/release-schema.json). */
export function ocdsMergeRules(): MergeRules {
  cached ??= mergeRulesFrom(
    JSON.parse(readFileSync(new URL('./ocds-1.1.5/release-schema.json', import.meta.url), 'utf8')) as SchemaNode,
  );
  return cached;
}

/** A path segment: a field name, or the `id` of an object in an identifier-merged array. */
type Segment = string | { id: string | number };
interface Leaf {
  path: Segment[];
  value: Json;
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const schemaPath = (path: readonly Segment[]) => path.filter((s) => typeof s === 'string').join('.');
const keyOf = (path: readonly Segment[]) => JSON.stringify(path.map((s) => (typeof s === 'string' ? s : { id: s.id })));

function identifierMerged(value: Json[], path: readonly Segment[], rules: MergeRules): boolean {
  if (value.length === 0 || rules.wholeListMerge.has(schemaPath(path))) return false;
  return value.every((v) => isObject(v) && (typeof v.id === 'string' || typeof v.id === 'number'));
}

/** The release as leaves: one per field value, with identifier-merged arrays turned into `{id}` segments. */
function flatten(obj: JsonObject, rules: MergeRules, path: Segment[] = [], out: Leaf[] = []): Leaf[] {
  for (const [key, value] of Object.entries(obj)) {
    const p = [...path, key];
    if (rules.omitWhenMerged.has(schemaPath(p))) continue;
    if (Array.isArray(value) && identifierMerged(value, p, rules)) {
      for (const item of value as JsonObject[]) flatten(item, rules, [...p, { id: item.id as string | number }], out);
    } else if (isObject(value) && Object.keys(value).length > 0) {
      flatten(value, rules, p, out);
    } else {
      out.push({ path: p, value });
    }
  }
  return out;
}

/** Builds an object back from leaves (in first-seen order); `null` values are left out. */
function unflatten(leaves: Iterable<Leaf>): JsonObject {
  const root: JsonObject = {};
  for (const { path, value } of leaves) {
    if (value === null) continue;
    let node: JsonObject = root;
    for (let i = 0; i < path.length - 1; i++) {
      const seg = path[i]!;
      const next = path[i + 1]!;
      if (typeof seg !== 'string') continue;
      if (typeof next === 'string') {
        if (!isObject(node[seg])) node[seg] = {};
        node = node[seg] as JsonObject;
      } else {
        if (!Array.isArray(node[seg])) node[seg] = [];
        const list = node[seg] as JsonObject[];
        let item = list.find((x) => x.id === next.id);
        if (!item) {
          item = { id: next.id };
          list.push(item);
        }
        node = item;
      }
    }
    const last = path[path.length - 1]!;
    if (typeof last === 'string') node[last] = value;
  }
  return root;
}

export interface Release extends JsonObject {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
}

/** The compiled release: the current state of every field (releases oldest first; tag `compiled`). */
export function compileReleases(releases: readonly Release[], rules: MergeRules = ocdsMergeRules()): JsonObject {
  const leaves = new Map<string, Leaf>();
  for (const r of releases) for (const leaf of flatten(r, rules)) leaves.set(keyOf(leaf.path), leaf);
  const last = releases[releases.length - 1];
  const compiled = unflatten(leaves.values());
  return last ? { ...compiled, id: `${last.ocid}-compiled`, date: last.date, tag: ['compiled'] } : compiled;
}

/** The versioned release: each field's history of values, with the release that set each. */
export function versionReleases(releases: readonly Release[], rules: MergeRules = ocdsMergeRules()): JsonObject {
  const history = new Map<string, Leaf>();
  for (const r of releases) {
    for (const leaf of flatten(r, rules)) {
      const key = keyOf(leaf.path);
      const parent = leaf.path[leaf.path.length - 2];
      const plain =
        (leaf.path.length === 1 && leaf.path[0] === 'ocid') ||
        (leaf.path[leaf.path.length - 1] === 'id' &&
          parent !== undefined &&
          typeof parent !== 'string' &&
          !rules.versionId.has(schemaPath(leaf.path)));
      if (plain) {
        history.set(key, leaf);
        continue;
      }
      const entry = { releaseID: r.id, releaseDate: r.date, releaseTag: r.tag, value: leaf.value };
      const prior = history.get(key);
      const versions = (prior?.value as JsonObject[] | undefined) ?? [];
      const latest = versions[versions.length - 1];
      if (latest && JSON.stringify(latest.value) === JSON.stringify(leaf.value)) continue;
      history.set(key, { path: leaf.path, value: [...versions, entry] });
    }
  }
  return unflatten(history.values());
}
