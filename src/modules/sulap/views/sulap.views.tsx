import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { formatDate, formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { checklistFor } from '../checklist.ts';
import { formatVolume } from '../money.ts';
import type { PackageDetail } from '../sulap.repository.ts';
import { itemLabel, label } from './labels.ts';

const rupLabel = (p: PageCtx, group: string, code: string) => {
  const key = `rup.${group}.${code}`;
  const text = p.t(key as Parameters<PageCtx['t']>[0]);
  return text === key ? code : text;
};

export function ListView(props: {
  p: PageCtx;
  canCreate: boolean;
  packages: { id: string; namaPaket: string; status: string; metode: string; agencyName: string; updatedAt: Date }[];
}) {
  const { p } = props;
  return (
    <Layout p={p} title={p.t('sulap.list.title')}>
      <h1>{p.t('sulap.list.title')}</h1>
      <p>{p.t('sulap.list.intro')}</p>
      {props.canCreate ? (
        <p class="button-row">
          <a class="button" href="/sulap/baru">
            {p.t('sulap.list.new')}
          </a>
        </p>
      ) : null}
      {props.packages.length === 0 ? (
        <p class="empty">{p.t('sulap.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{p.t('sulap.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{p.t('sulap.field.namaPaket')}</th>
                <th scope="col">{p.t('sulap.field.agency')}</th>
                <th scope="col">{p.t('sulap.field.metode')}</th>
                <th scope="col">{p.t('sulap.field.status')}</th>
                <th scope="col">{p.t('sulap.list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {props.packages.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={`/sulap/${r.id}`}>{r.namaPaket}</a>
                  </th>
                  <td>{r.agencyName}</td>
                  <td>{rupLabel(p, 'metode', r.metode)}</td>
                  <td>{label(p.t, 'status', r.status)}</td>
                  <td>{formatDateTime(r.updatedAt, p.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export const ITEM_ROWS = 8;

export function NewPackageView(props: {
  p: PageCtx;
  state?: FormState;
  checked: readonly string[];
  plans: { kode: number; namaPaket: string; pagu: bigint; metode: string | null; jenis: string | null }[];
}) {
  const { p, state } = props;
  const title = p.t('sulap.new.title');
  return (
    <Layout p={p} title={title} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{title}</h1>
      <p>{p.t('sulap.new.intro')}</p>
      <form method="post" action="/sulap/baru" novalidate>
        <Csrf p={p} />
        <TextField p={p} state={state} name="namaPaket" label={p.t('sulap.field.namaPaket')} />
        <fieldset id="rup" class={state?.errors.rup ? 'field-error' : undefined}>
          <legend>{p.t('sulap.new.plans')}</legend>
          <p class="hint">{p.t('sulap.new.plansHint')}</p>
          {state?.errors.rup ? (
            <p class="error-message">
              <span class="visually-hidden">Galat: </span>
              {state.errors.rup}
            </p>
          ) : null}
          {props.plans.length === 0 ? <p class="empty">{p.t('sulap.new.noPlans')}</p> : null}
          {props.plans.map((pl) => (
            <div class="field checkbox" key={pl.kode}>
              <input
                type="checkbox"
                id={`rup-${pl.kode}`}
                name="rup"
                value={String(pl.kode)}
                checked={props.checked.includes(String(pl.kode))}
              />
              <label for={`rup-${pl.kode}`}>
                {pl.kode} — {pl.namaPaket} ({formatRupiah(pl.pagu)}; {rupLabel(p, 'jenis', pl.jenis ?? '')};{' '}
                {rupLabel(p, 'metode', pl.metode ?? '')})
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{p.t('sulap.hps.title')}</legend>
          <p class="hint">{p.t('sulap.hps.hint')}</p>
          {Array.from({ length: ITEM_ROWS }, (_, i) => (
            <fieldset key={i} class="line">
              <legend>{p.t('sulap.hps.row', { n: i + 1 })}</legend>
              <TextField p={p} state={state} name={`i${i}_uraian`} label={p.t('sulap.hps.uraian')} optional />
              <TextField
                p={p}
                state={state}
                name={`i${i}_volume`}
                label={p.t('sulap.hps.volume')}
                optional
                inputMode="decimal"
                width="short"
              />
              <TextField
                p={p}
                state={state}
                name={`i${i}_satuan`}
                label={p.t('sulap.hps.satuan')}
                optional
                width="short"
              />
              <TextField
                p={p}
                state={state}
                name={`i${i}_harga`}
                label={p.t('sulap.hps.harga')}
                optional
                inputMode="numeric"
                width="medium"
              />
            </fieldset>
          ))}
        </fieldset>
        <div class="button-row">
          <Button>{p.t('sulap.new.save')}</Button>
          <a href="/sulap">{p.t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export interface DetailAbilities {
  isPpk: boolean;
  isKepala: boolean;
  isMember: boolean;
  ukpbjs: { id: string; name: string }[];
  candidates: { id: string; name: string; role: string }[];
}

/** Which form an error belongs to, so only that one shows it. */
export type FormSlot = { form: string; state: FormState } | undefined;

const slotState = (slot: FormSlot, form: string) => (slot?.form === form ? slot.state : undefined);

export function DetailView(props: { p: PageCtx; d: PackageDetail; can: DetailAbilities; slot?: FormSlot }) {
  const { p, d, can, slot } = props;
  const checklist = checklistFor(d.jenis, d.metode);
  const inReview = d.status === 'reviu';
  return (
    <Layout p={p} title={d.namaPaket} hasErrors={!!slot && hasErrors(slot.state)}>
      <ErrorSummary p={p} state={slot?.state} />
      <h1>{d.namaPaket}</h1>
      <div class="notice warning" role="note">
        {p.t('sulap.confidential')}
      </div>
      {d.draftTender ? (
        <div class="notice success" role="status" id="draf-tender">
          {p.t('sulap.draftTender', { date: formatDateTime(d.draftTender.createdAt, p.locale) })}
        </div>
      ) : null}
      <dl class="summary">
        <dt>{p.t('sulap.field.status')}</dt>
        <dd id="status-paket">{label(p.t, 'status', d.status)}</dd>
        <dt>{p.t('sulap.field.agency')}</dt>
        <dd>{d.agencyName}</dd>
        <dt>{p.t('sulap.field.ppk')}</dt>
        <dd>{d.ppkName}</dd>
        <dt>{p.t('sulap.field.jenis')}</dt>
        <dd>{rupLabel(p, 'jenis', d.jenis)}</dd>
        <dt>{p.t('sulap.field.metode')}</dt>
        <dd>{rupLabel(p, 'metode', d.metode)}</dd>
        <dt>{p.t('sulap.field.tahun')}</dt>
        <dd>{d.tahunAnggaran}</dd>
        <dt>{p.t('sulap.field.pagu')}</dt>
        <dd>{formatRupiah(d.pagu)}</dd>
        <dt>{p.t('sulap.field.hps')}</dt>
        <dd>{formatRupiah(d.hps)}</dd>
        <dt>{p.t('sulap.field.ukpbj')}</dt>
        <dd>{d.ukpbjName ?? '—'}</dd>
        <dt>{p.t('sulap.field.sk')}</dt>
        <dd>{d.skNumber ? `${d.skNumber} (${formatDate(d.skDate, p.locale)})` : '—'}</dd>
        <dt>{p.t('sulap.field.members')}</dt>
        <dd>
          {d.members.length === 0 ? '—' : d.members.map((m) => `${m.name} (${label(p.t, 'role', m.role)})`).join(', ')}
        </dd>
      </dl>

      <h2>{p.t('sulap.plans.title')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{p.t('sulap.plans.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{p.t('sulap.plans.kode')}</th>
              <th scope="col">{p.t('sulap.field.namaPaket')}</th>
              <th scope="col" class="num">
                {p.t('sulap.field.pagu')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.plans.map((pl) => (
              <tr key={pl.kode}>
                <td>{pl.kode}</td>
                <th scope="row">{pl.namaPaket}</th>
                <td class="num">{formatRupiah(pl.pagu)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{p.t('sulap.hps.title')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{p.t('sulap.hps.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{p.t('sulap.hps.uraian')}</th>
              <th scope="col" class="num">
                {p.t('sulap.hps.volume')}
              </th>
              <th scope="col">{p.t('sulap.hps.satuan')}</th>
              <th scope="col" class="num">
                {p.t('sulap.hps.harga')}
              </th>
              <th scope="col" class="num">
                {p.t('sulap.hps.jumlah')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.uraian}</th>
                <td class="num">{formatVolume(i.volumeMilli)}</td>
                <td>{i.satuan}</td>
                <td class="num">{formatRupiah(i.hargaSatuan)}</td>
                <td class="num">{formatRupiah(i.jumlah)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {p.t('sulap.hps.total')}
              </th>
              <td class="num">{formatRupiah(d.hps)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <h2>{p.t('sulap.docs.title')}</h2>
      {checklist.map((c) => {
        const doc = d.documents.find((x) => x.itemKey === c.item);
        if (!doc) return null;
        const uploadForm = `upload-${c.item}`;
        const reviewForm = `review-${c.item}`;
        const canUploadNow =
          can.isPpk &&
          (d.status === 'persiapan' ||
            (inReview && (doc.status === 'revisi' || doc.status === 'ditolak' || doc.status === 'belum_ada')));
        const canReviewNow = inReview && (can.isMember || can.isPpk) && doc.currentVersion > 0;
        return (
          <section key={c.item} class="document" id={`dok-${c.item}`} aria-labelledby={`dok-${c.item}-title`}>
            <h3 id={`dok-${c.item}-title`}>
              {itemLabel(p.t, c.item)}{' '}
              <span class="tag">{p.t(c.mandatory ? 'sulap.docs.mandatory' : 'sulap.docs.optional')}</span>{' '}
              <span class={`tag status-${doc.status}`}>{label(p.t, 'docStatus', doc.status)}</span>
            </h3>
            <p class="hint">{c.source}</p>
            {doc.versions.length > 0 ? (
              <ul class="versions">
                {doc.versions.map((v) => (
                  <li key={v.id}>
                    <a href={`/sulap/berkas/${v.documentId}`}>
                      {p.t('sulap.docs.version', { n: v.version, file: v.originalName })}
                    </a>{' '}
                    — {v.uploadedByName}, {formatDateTime(v.uploadedAt, p.locale)}
                    {v.note ? (
                      <>
                        <br />
                        {p.t('sulap.docs.answer')}: {v.note}
                      </>
                    ) : null}
                    <ul>
                      {doc.reviews
                        .filter((r) => r.version === v.version)
                        .map((r) => (
                          <li key={r.id}>
                            {r.reviewerName} ({label(p.t, 'role', r.reviewerRole)}):{' '}
                            <strong>{label(p.t, 'decision', r.decision)}</strong>
                            {r.note ? ` — ${r.note}` : ''} ({formatDateTime(r.at, p.locale)})
                          </li>
                        ))}
                    </ul>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{p.t('sulap.docs.none')}</p>
            )}
            {canUploadNow ? (
              <form
                method="post"
                action={`/sulap/${d.id}/dokumen/${c.item}?_csrf=${encodeURIComponent(p.csrf)}`}
                encType="multipart/form-data"
                novalidate
              >
                <Csrf p={p} />
                <FileField
                  p={p}
                  state={slotState(slot, uploadForm)}
                  name={`berkas_${c.item}`}
                  label={p.t('sulap.docs.file', { item: itemLabel(p.t, c.item) })}
                  hint={p.t('sulap.docs.fileHint')}
                />
                {doc.currentVersion > 0 ? (
                  <TextArea
                    p={p}
                    state={slotState(slot, uploadForm)}
                    name={`jawaban_${c.item}`}
                    label={p.t('sulap.docs.answerLabel')}
                    optional
                    rows={2}
                  />
                ) : null}
                <Button variant="secondary">
                  {p.t(doc.currentVersion > 0 ? 'sulap.docs.uploadNew' : 'sulap.docs.upload', {
                    item: itemLabel(p.t, c.item),
                  })}
                </Button>
              </form>
            ) : null}
            {canReviewNow ? (
              <form method="post" action={`/sulap/${d.id}/dokumen/${c.item}/reviu`} novalidate>
                <Csrf p={p} />
                <SelectField
                  p={p}
                  state={slotState(slot, reviewForm)}
                  name={`keputusan_${c.item}`}
                  label={p.t('sulap.review.decision', { item: itemLabel(p.t, c.item), n: doc.currentVersion })}
                  options={(['disetujui', 'revisi', 'ditolak'] as const).map((v) => ({
                    value: v,
                    label: label(p.t, 'decision', v),
                  }))}
                />
                <TextArea
                  p={p}
                  state={slotState(slot, reviewForm)}
                  name={`catatan_${c.item}`}
                  label={p.t('sulap.review.note')}
                  hint={p.t('sulap.review.noteHint')}
                  optional
                  rows={2}
                />
                <Button variant="secondary">{p.t('sulap.review.save', { item: itemLabel(p.t, c.item) })}</Button>
              </form>
            ) : null}
          </section>
        );
      })}

      {can.isPpk && d.status === 'persiapan' ? (
        <section aria-labelledby="ajukan-title">
          <h2 id="ajukan-title">{p.t('sulap.submit.title')}</h2>
          <p>{p.t('sulap.submit.intro')}</p>
          <form method="post" action={`/sulap/${d.id}/ajukan`} novalidate>
            <Csrf p={p} />
            <SelectField
              p={p}
              state={slotState(slot, 'submit')}
              name="ukpbjAgencyId"
              label={p.t('sulap.field.ukpbj')}
              value={
                slotState(slot, 'submit')?.values.ukpbjAgencyId ?? (can.ukpbjs.length === 1 ? can.ukpbjs[0]!.id : '')
              }
              options={can.ukpbjs.map((u) => ({ value: u.id, label: u.name }))}
            />
            <Button>{p.t('sulap.submit.button')}</Button>
          </form>
        </section>
      ) : null}

      {can.isKepala && d.status === 'diajukan' ? (
        <section aria-labelledby="tugas-title">
          <h2 id="tugas-title">{p.t('sulap.assign.title')}</h2>
          <p>{p.t('sulap.assign.intro')}</p>
          <form method="post" action={`/sulap/${d.id}/penugasan`} novalidate>
            <Csrf p={p} />
            <SelectField
              p={p}
              state={slotState(slot, 'assign')}
              name="kind"
              label={p.t('sulap.assign.kind')}
              value={
                slotState(slot, 'assign')?.values.kind ??
                (d.metode === 'pengadaan_langsung' ? 'pejabat_pengadaan' : 'pokja')
              }
              options={(d.metode === 'pengadaan_langsung' ? ['pokja', 'pejabat_pengadaan'] : ['pokja']).map((k) => ({
                value: k,
                label: label(p.t, 'kind', k),
              }))}
            />
            {[1, 2, 3, 4, 5].map((n) => (
              <SelectField
                key={n}
                p={p}
                state={slotState(slot, 'assign')}
                name={`anggota${n}`}
                label={p.t('sulap.assign.member', { n })}
                optional={n > 1}
                options={can.candidates.map((c) => ({
                  value: c.id,
                  label: `${c.name} (${label(p.t, 'role', c.role)})`,
                }))}
              />
            ))}
            <TextField p={p} state={slotState(slot, 'assign')} name="skNumber" label={p.t('sulap.assign.sk')} />
            <TextField
              p={p}
              state={slotState(slot, 'assign')}
              name="skDate"
              type="date"
              label={p.t('sulap.assign.skDate')}
              width="medium"
            />
            <Button>{p.t('sulap.assign.button')}</Button>
          </form>
        </section>
      ) : null}

      <h2>{p.t('sulap.kaji.title')}</h2>
      {d.kajiUlang.length === 0 ? (
        <p class="empty">{p.t('sulap.kaji.none')}</p>
      ) : (
        <ul>
          {d.kajiUlang.map((k) => (
            <li key={k.id}>
              {k.byName} ({label(p.t, 'role', k.role)}), {formatDateTime(k.at, p.locale)}:{' '}
              <strong>{label(p.t, 'hasil', k.hasil)}</strong> — {k.uraian}
            </li>
          ))}
        </ul>
      )}
      {can.isMember && inReview ? (
        <form method="post" action={`/sulap/${d.id}/kaji-ulang`} novalidate>
          <Csrf p={p} />
          <SelectField
            p={p}
            state={slotState(slot, 'kaji')}
            name="hasil"
            label={p.t('sulap.kaji.hasil')}
            options={(['sesuai', 'perlu_perbaikan'] as const).map((v) => ({ value: v, label: label(p.t, 'hasil', v) }))}
          />
          <TextArea p={p} state={slotState(slot, 'kaji')} name="uraian" label={p.t('sulap.kaji.uraian')} rows={3} />
          <Button variant="secondary">{p.t('sulap.kaji.button')}</Button>
        </form>
      ) : null}
    </Layout>
  );
}
