import type { AnnouncedTender } from '../tenders/index.ts';

/** The criteria of a saved search; null means "any". */
export interface SearchCriteria {
  jenis: string | null;
  agencyId: string | null;
  hpsMin: bigint | null;
  hpsMax: bigint | null;
  keyword: string | null;
}

/** Lower case, accents and punctuation folded to spaces: "Jalan,  Lantagi" and "jalan lantagi" read the same. */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The words of a keyword, folded; an empty list when it has none. */
export const keywordWords = (keyword: string | null) => (keyword ? fold(keyword).split(' ').filter(Boolean) : []);

/**
 * Does an announced tender match a saved search (issue 9 item 10)? Every criterion that is set must hold: the jenis
 * (category) and agency equal, the HPS inside [min, max] (a tender without an HPS matches no HPS bound), and every
 * word of the keyword in the tender's name or kode (whole-word prefix, any order, case and accents ignored).
 */
export function matchesSearch(
  s: SearchCriteria,
  t: Pick<AnnouncedTender, 'jenis' | 'agencyId' | 'hps' | 'nama' | 'kode'>,
) {
  if (s.jenis && t.jenis !== s.jenis) return false;
  if (s.agencyId && t.agencyId !== s.agencyId) return false;
  if (s.hpsMin !== null && (t.hps === null || t.hps < s.hpsMin)) return false;
  if (s.hpsMax !== null && (t.hps === null || t.hps > s.hpsMax)) return false;
  const words = keywordWords(s.keyword);
  if (words.length > 0) {
    const hay = ` ${fold(`${t.nama} ${t.kode}`)}`;
    if (!words.every((w) => hay.includes(` ${w}`))) return false;
  }
  return true;
}
