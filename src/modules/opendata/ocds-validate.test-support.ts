import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// CommonJS packages: under NodeNext their default import is `module.exports`, whose `default` is the export.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`./ocds-1.1.5/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** The local extensions shipped in `extensions/<name>/`, whose release-schema.json patches the core schema. */
export const LOCAL_EXTENSIONS = ['sanggah'] as const;
export const extensionPatch = (name: (typeof LOCAL_EXTENSIONS)[number]) =>
  JSON.parse(readFileSync(new URL(`./extensions/${name}/release-schema.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

/**
 * JSON Merge Patch (RFC 7396), the way OCDS applies an extension's release-schema.json to the core schema: objects
 * merge key by key, `null` removes, anything else replaces. (Written here rather than installing json-merge-patch:
 * the worktrees share one node_modules.)
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * Validators for the official OCDS 1.1.5 schemas (copied from ../shared/ocds, tag 1__1__5): draft-04 with formats,
 * the release schema registered under its id (the package schemas `$ref` it by absolute URL), and the schemas'
 * own keywords declared (PEERS §5.2), so Ajv stays strict about everything else. `extensions`: local extensions
 * (`extensions/<name>/release-schema.json`) merged into the release schema.
 */
export function ocdsValidators(opts: { extensions?: readonly (typeof LOCAL_EXTENSIONS)[number][] } = {}) {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  for (const keyword of ['codelist', 'openCodelist', 'deprecated', 'omitWhenMerged', 'wholeListMerge', 'versionId']) {
    ajv.addKeyword({ keyword });
  }
  // Core, with the local extensions' patches applied (as OCDS tools do with the packages' `extensions`).
  const core = (opts.extensions ?? []).reduce<unknown>(
    (s, e) => mergePatch(s, extensionPatch(e)),
    read('release-schema.json'),
  );
  ajv.addSchema(core as Record<string, unknown>);
  ajv.addSchema(read('versioned-release-validation-schema.json'));
  const release = ajv.getSchema('https://standard.open-contracting.org/schema/1__1__5/release-schema.json')!;
  const releasePackage = ajv.compile(read('release-package-schema.json'));
  const recordPackage = ajv.compile(read('record-package-schema.json'));
  const check = (v: typeof release, data: unknown) => {
    v(data);
    return (v.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  };
  return {
    release: (data: unknown) => check(release, data),
    releasePackage: (data: unknown) => check(releasePackage, data),
    recordPackage: (data: unknown) => check(recordPackage, data),
  };
}

/** Paths of empty strings, arrays or objects, and of objects in arrays without an `id` where OCDS merges by id. */
export function emptyFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [path] : [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [path];
    return value.flatMap((v, i) => emptyFields(v, `${path}/${i}`));
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [path];
    return entries.flatMap(([k, v]) => emptyFields(v, `${path}/${k}`));
  }
  return value === null ? [path] : [];
}
