import { formatDate, formatRupiah } from '../../../platform/i18n/i18n.ts';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { Msg, QualificationResult } from '../qualification.ts';
import type { RunningWork } from '../workload.ts';

type Key = Parameters<PageCtx['t']>[0];
const STATUS_TAG = { pass: 'green', fail: 'red', manual: 'yellow' } as const;

/** A check message in the reader's language: dates in words, rupiah grouped, kualifikasi by its label. */
function render(p: PageCtx, m: Msg): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params)) {
    if (k === 'until' && typeof v === 'string' && v) params[k] = formatDate(v, p.locale);
    else if (k === 'nilai' && typeof v === 'string' && /^\d+$/.test(v)) params[k] = formatRupiah(BigInt(v));
    else if (k === 'usaha') params[k] = p.t(`sikap.q.kualifikasi.${v}` as Key);
    else params[k] = v;
  }
  return p.t(m.key as Key, params);
}

/**
 * "Syarat yang belum terpenuhi": each requirement of a tender with its result for the signed-in vendor, and a link
 * to the profile to fix what fails. Rendered by the tender engine's participation page.
 */
export function QualificationPanel(props: { p: PageCtx; result: QualificationResult }) {
  const { p, result } = props;
  const failing = result.items.filter((i) => i.status === 'fail').length;
  return (
    <section aria-labelledby="syarat-kualifikasi" id="pemeriksaan-kualifikasi">
      <h2 id="syarat-kualifikasi">{p.t('sikap.q.title')}</h2>
      <p>{p.t('sikap.q.intro', { date: formatDate(result.onDate, p.locale) })}</p>
      {failing > 0 ? (
        <p class="notice" role="status" id="kualifikasi-ringkas">
          {p.t('sikap.q.failing', { count: failing })} <a href="/sikap">{p.t('sikap.q.fix')}</a>
        </p>
      ) : (
        <p class="notice success" role="status" id="kualifikasi-ringkas">
          {p.t('sikap.q.allPass')}
        </p>
      )}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{p.t('sikap.q.col.requirement')}</th>
              <th scope="col">{p.t('sikap.q.col.status')}</th>
              <th scope="col">{p.t('sikap.q.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((i, n) => (
              <tr key={`${i.kind}-${n}`} data-kind={i.kind} data-status={i.status}>
                <th scope="row">
                  {p.t(`sikap.q.kind.${i.kind}` as Key)}: {render(p, i.requirement)}
                </th>
                <td>
                  <span class={`tag ${STATUS_TAG[i.status]}`}>{p.t(`sikap.q.status.${i.status}` as Key)}</span>
                </td>
                <td>{render(p, i.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A participant's running work on the platform (the Pokja's "cek paket berjalan"), as a short list. */
export function RunningWorkList(props: { p: PageCtx; items: readonly RunningWork[] }) {
  const { p, items } = props;
  if (items.length === 0) return <span>{p.t('sikap.work.none')}</span>;
  return (
    <ul class="plain">
      {items.map((w, n) => {
        const text = `${p.t(`sikap.work.${w.kind}` as Key, { kode: w.kode ?? '—' })}: ${w.nama}`;
        return <li key={`${w.kind}-${w.kode ?? n}`}>{w.href ? <a href={w.href}>{text}</a> : text}</li>;
      })}
    </ul>
  );
}
