import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// CommonJS packages: under NodeNext their default import is `module.exports`, whose `default` is the export.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`./ocds-1.1.5/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/**
 * Validators for the official OCDS 1.1.5 schemas (copied from ../shared/ocds, tag 1__1__5): draft-04 with formats,
 * the release schema registered under its id (the package schemas `$ref` it by absolute URL), and the schemas'
 * own keywords declared (PEERS §5.2), so Ajv stays strict about everything else.
 */
export function ocdsValidators() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  for (const keyword of ['codelist', 'openCodelist', 'deprecated', 'omitWhenMerged', 'wholeListMerge', 'versionId']) {
    ajv.addKeyword({ keyword });
  }
  for (const name of ['release-schema.json', 'versioned-release-validation-schema.json']) ajv.addSchema(read(name));
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
