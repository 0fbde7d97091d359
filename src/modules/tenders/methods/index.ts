import { type Bundle, parseBundle } from './bundle.ts';
import pengadaanLangsung2021 from './pengadaan-langsung.2021.ts';
import penunjukanLangsung2021 from './penunjukan-langsung.2021.ts';
import seleksiPra2File2021 from './seleksi-prakualifikasi-2-file.2021.ts';
import tenderCepat2021 from './tender-cepat.2021.ts';
import tenderPasca1File2018 from './tender-pascakualifikasi-1-file.2018.ts';
import tenderPasca1File2021 from './tender-pascakualifikasi-1-file.2021.ts';
import tenderPra2Tahap2021 from './tender-prakualifikasi-2-tahap.2021.ts';

/**
 * Every method bundle, validated at load: an invalid file stops the start with its id, version and the problem. A new
 * regulation version is one new file here; the older version stays, for the tenders that started under it.
 */
export const BUNDLE_FILES: readonly unknown[] = [
  tenderPasca1File2018,
  tenderPasca1File2021,
  seleksiPra2File2021,
  tenderPra2Tahap2021,
  tenderCepat2021,
  pengadaanLangsung2021,
  penunjukanLangsung2021,
];

export function loadBundles(files: readonly unknown[]): ReadonlyMap<string, Bundle> {
  const out = new Map<string, Bundle>();
  for (const f of files) {
    const b = parseBundle(f);
    const key = bundleKey(b.id, b.version);
    if (out.has(key)) throw new Error(`Duplicate method bundle ${key}`);
    out.set(key, b);
  }
  return out;
}

export const bundleKey = (id: string, version: string) => `${id}@${version}`;

export const BUNDLES = loadBundles(BUNDLE_FILES);

/** The bundle a tender started with. */
export function bundleOf(id: string, version: string): Bundle | undefined {
  return BUNDLES.get(bundleKey(id, version));
}

/** The newest version of a bundle: what a new tender starts with. */
export function latestBundle(id: string): Bundle | undefined {
  let best: Bundle | undefined;
  for (const b of BUNDLES.values()) {
    if (b.id === id && (!best || compareVersions(b.version, best.version) > 0)) best = b;
  }
  return best;
}

/** The newest bundles, one per id, in file order: the choices for a new tender. */
export function currentBundles(): Bundle[] {
  const ids = [...new Set([...BUNDLES.values()].map((b) => b.id))];
  return ids.map((id) => latestBundle(id)!);
}

export function compareVersions(a: string, b: string): number {
  const [ay, an] = a.split('.').map(Number) as [number, number];
  const [by, bn] = b.split('.').map(Number) as [number, number];
  return ay - by || an - bn;
}
