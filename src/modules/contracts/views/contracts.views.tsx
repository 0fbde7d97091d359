import type { ComponentChildren } from 'preact';
import type { FormState } from '../../../platform/http/forms.ts';
import { formatDate, formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { MessageKey } from '../../../registry.ts';
import { JENIS_KONTRAK } from '../../tenders/index.ts';
import type { CaseRow, ContractCase } from '../contracts.repository.ts';
import { formatScore, RATING_CRITERIA, RATING_SCALE, ratingCategory } from '../rating.ts';
import { awardPrice, cumulativeChange, formatPercent, requiredJaminan, sumPaid } from '../rules.ts';

const k = (s: string) => s as MessageKey;

/** The stage of a case, for lists: from the award to the completed contract. */
export function stageKey(r: {
  awardStatus: string;
  sppbjStatus: string | null;
  contractStatus: string | null;
}): MessageKey {
  if (r.contractStatus) return k(`contracts.stage.${r.contractStatus}`);
  if (r.awardStatus === 'ditolak' || r.sppbjStatus === 'ditolak') return 'contracts.stage.sppbj_ditolak';
  if (r.sppbjStatus === 'diterima') return 'contracts.stage.menunggu_kontrak';
  if (r.sppbjStatus === 'terbit') return 'contracts.stage.sppbj_terbit';
  return 'contracts.stage.menunggu_sppbj';
}

export function CaseListView(props: {
  p: PageCtx;
  title: string;
  intro?: string;
  empty: string;
  rows: readonly CaseRow[];
  base: string;
}) {
  const { p, rows } = props;
  return (
    <Layout p={p} title={props.title}>
      <h1>{props.title}</h1>
      {props.intro ? <p>{props.intro}</p> : null}
      {rows.length === 0 ? (
        <p class="empty">{props.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{p.t('contracts.col.paket')}</th>
                <th scope="col">{p.t('contracts.col.instansi')}</th>
                <th scope="col">{p.t('contracts.col.penyedia')}</th>
                <th scope="col">{p.t('contracts.col.nilai')}</th>
                <th scope="col">{p.t('contracts.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.awardId}>
                  <th scope="row">
                    <a href={`${props.base}/${r.awardId}`}>{r.tenderNama}</a>
                    {r.contractNomor ? <div class="hint">{r.contractNomor}</div> : null}
                  </th>
                  <td>{r.agencyName}</td>
                  <td>{r.vendorName}</td>
                  <td class="num">{formatRupiah(r.nilai ?? r.price)}</td>
                  <td>{p.t(stageKey(r))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** Which form the page shows again with errors, and its state. */
export interface ActiveForm {
  form: 'sppbj' | 'kontrak' | 'adendum' | 'spmk' | 'bap' | 'bast' | 'fho' | 'nilai' | 'jawab' | 'putus';
  state: FormState;
}

function Dl(props: { items: readonly (readonly [string, ComponentChildren])[] }) {
  return (
    <dl class="summary">
      {props.items.map(([dt, dd]) => (
        <>
          <dt>{dt}</dt>
          <dd>{dd}</dd>
        </>
      ))}
    </dl>
  );
}

function FormShell(props: {
  p: PageCtx;
  action: string;
  name: ActiveForm['form'];
  active?: ActiveForm;
  submit: string;
  children: ComponentChildren;
}) {
  const state = props.active?.form === props.name ? props.active.state : undefined;
  return (
    <form method="post" action={props.action} novalidate>
      {state ? <ErrorSummary p={props.p} state={state} /> : null}
      <Csrf p={props.p} />
      {props.children}
      <Button>{props.submit}</Button>
    </form>
  );
}

const st = (active: ActiveForm | undefined, name: ActiveForm['form']) =>
  active?.form === name ? active.state : undefined;

/**
 * The whole case on one page, in the order things happen. `mode` is `ppk` (the forms of the next steps) or `vendor`
 * (read-only, with the answer to a waiting SPPBJ).
 */
export function CaseView(props: { p: PageCtx; c: ContractCase; mode: 'ppk' | 'vendor'; active?: ActiveForm }) {
  const { p, c, mode, active } = props;
  const base = mode === 'ppk' ? `/kelola/kontrak/${c.award.id}` : `/kontrak-saya/${c.award.id}`;
  const ppk = mode === 'ppk';
  const k0 = c.contract;
  const price = awardPrice(c.award);
  const paid = sumPaid(c.payments);
  const lastFisik = c.payments[c.payments.length - 1]?.fisikBasisPoin ?? 0;
  const title = p.t('contracts.detail.title', { nama: c.tenderNama });
  return (
    <Layout p={p} title={title} hasErrors={!!active && Object.keys(active.state.errors).length > 0}>
      <p>
        <a href={ppk ? '/kelola/kontrak' : '/kontrak-saya'}>
          {p.t(ppk ? 'contracts.list.title' : 'contracts.mine.title')}
        </a>
      </p>
      <h1>{title}</h1>
      <p>
        <strong>
          {p.t(
            stageKey({
              awardStatus: c.award.status,
              sppbjStatus: c.sppbj?.status ?? null,
              contractStatus: k0?.status ?? null,
            }),
          )}
        </strong>
      </p>

      <h2>{p.t('contracts.award.title')}</h2>
      <Dl
        items={[
          [p.t('contracts.award.tender'), c.tenderKode ? <a href={`/tender/${c.tenderKode}`}>{c.tenderKode}</a> : '—'],
          [p.t('contracts.col.instansi'), c.agencyName],
          [p.t('contracts.award.vendor'), c.vendorName],
          [p.t('contracts.award.pagu'), formatRupiah(c.award.pagu)],
          [p.t('contracts.award.hps'), formatRupiah(c.award.hps)],
          [p.t('contracts.award.penawaran'), formatRupiah(c.award.nilaiPenawaran)],
          [p.t('contracts.award.terkoreksi'), formatRupiah(c.award.nilaiTerkoreksi)],
          [
            p.t('contracts.award.negosiasi'),
            c.award.nilaiNegosiasi === null ? '—' : formatRupiah(c.award.nilaiNegosiasi),
          ],
          [p.t('contracts.award.decidedAt'), formatDateTime(c.award.decidedAt, p.locale)],
        ]}
      />

      <h2>{p.t('contracts.sppbj.title')}</h2>
      {c.sppbj ? (
        <Dl
          items={[
            [p.t('contracts.sppbj.nomor'), c.sppbj.nomor],
            [p.t('contracts.sppbj.tanggal'), formatDate(c.sppbj.tanggal, p.locale)],
            [p.t('contracts.sppbj.nilai'), formatRupiah(c.sppbj.nilai)],
            [
              p.t('contracts.sppbj.jaminanNilai'),
              c.sppbj.jaminanNilai === null ? '—' : formatRupiah(c.sppbj.jaminanNilai),
            ],
            [p.t('contracts.sppbj.jaminanPenerbit'), c.sppbj.jaminanPenerbit ?? '—'],
            [p.t('contracts.sppbj.jaminanBerlakuSampai'), formatDate(c.sppbj.jaminanBerlakuSampai, p.locale)],
            [p.t('contracts.sppbj.status'), p.t(k(`contracts.sppbj.status.${c.sppbj.status}`))],
            ...(c.sppbj.refusalReason
              ? ([[p.t('contracts.sppbj.refusalReason'), c.sppbj.refusalReason]] as const)
              : []),
          ]}
        />
      ) : null}
      {c.sppbj ? <PdfLink p={p} href={`${base}/sppbj.pdf`} label={p.t('contracts.pdf.sppbj')} /> : null}
      {!c.sppbj && ppk && c.award.status === 'aktif' ? (
        <SppbjForm p={p} c={c} price={price} base={base} active={active} />
      ) : null}
      {!ppk && c.sppbj?.status === 'terbit' ? <RespondForm p={p} base={base} active={active} /> : null}

      {c.sppbj?.status === 'diterima' || k0 ? <h2>{p.t('contracts.contract.title')}</h2> : null}
      {k0 ? (
        <Dl
          items={[
            [p.t('contracts.contract.nomor'), k0.nomor],
            [p.t('contracts.contract.jenisKontrak'), p.t(k(`contracts.jenisKontrak.${k0.jenisKontrak}`))],
            [p.t('contracts.contract.nilaiAwal'), formatRupiah(k0.nilaiAwal)],
            [p.t('contracts.col.nilai'), formatRupiah(k0.nilai)],
            [p.t('contracts.contract.tanggal'), formatDate(k0.tanggal, p.locale)],
            [
              p.t('contracts.contract.period'),
              `${formatDate(k0.mulai, p.locale)} – ${formatDate(k0.selesai, p.locale)}`,
            ],
            [
              p.t('contracts.contract.signatories'),
              `${k0.ppkNama}${k0.ppkNip ? ` (NIP ${k0.ppkNip})` : ''}; ${k0.penyediaNama}, ${k0.penyediaJabatan}`,
            ],
          ]}
        />
      ) : ppk && c.sppbj?.status === 'diterima' ? (
        <ContractForm p={p} c={c} base={base} active={active} />
      ) : null}
      {k0 ? <PdfLink p={p} href={`${base}/kontrak.pdf`} label={p.t('contracts.pdf.kontrak')} /> : null}
      {k0?.status === 'diputus' ? (
        <p class="notice" role="status">
          {p.t('contracts.termination.summary', {
            tanggal: formatDate(k0.putusTanggal, p.locale),
            fault: p.t(
              k0.putusKesalahanPenyedia
                ? 'contracts.termination.byVendorFault'
                : 'contracts.termination.notVendorFault',
            ),
            alasan: k0.putusAlasan ?? '',
          })}
        </p>
      ) : null}

      {k0 ? (
        <>
          <h2>{p.t('contracts.addendum.title')}</h2>
          <AddendaTable p={p} c={c} />
          {ppk && k0.status === 'berjalan' ? <AddendumForm p={p} c={c} base={base} active={active} /> : null}

          <h2>{p.t('contracts.spmk.title')}</h2>
          {c.spmk ? (
            <Dl
              items={[
                [p.t('contracts.spmk.nomor'), c.spmk.nomor],
                [p.t('contracts.spmk.tanggal'), formatDate(c.spmk.tanggal, p.locale)],
                [p.t('contracts.spmk.mulaiKerja'), formatDate(c.spmk.mulaiKerja, p.locale)],
              ]}
            />
          ) : ppk ? (
            <FormShell p={p} action={`${base}/spmk`} name="spmk" active={active} submit={p.t('contracts.spmk.submit')}>
              <TextField p={p} state={st(active, 'spmk')} name="spmk_nomor" label={p.t('contracts.spmk.nomor')} />
              <TextField
                p={p}
                state={st(active, 'spmk')}
                name="spmk_tanggal"
                type="date"
                label={p.t('contracts.spmk.tanggal')}
                width="medium"
              />
              <TextField
                p={p}
                state={st(active, 'spmk')}
                name="spmk_mulaiKerja"
                type="date"
                label={p.t('contracts.spmk.mulaiKerja')}
                width="medium"
              />
            </FormShell>
          ) : null}

          <h2>{p.t('contracts.bap.title')}</h2>
          <p>
            {p.t('contracts.bap.summary', {
              fisik: formatPercent(lastFisik, p.locale),
              paid: formatRupiah(paid),
              nilai: formatRupiah(k0.nilai),
              keuangan: formatPercent(Number((paid * 10000n) / k0.nilai), p.locale),
            })}
          </p>
          <PaymentsTable p={p} c={c} />
          {ppk && c.spmk && k0.status !== 'selesai' ? (
            <FormShell p={p} action={`${base}/bap`} name="bap" active={active} submit={p.t('contracts.bap.submit')}>
              <TextField p={p} state={st(active, 'bap')} name="bap_nomor" label={p.t('contracts.bap.nomor')} />
              <TextField
                p={p}
                state={st(active, 'bap')}
                name="bap_tanggal"
                type="date"
                label={p.t('contracts.bap.tanggal')}
                width="medium"
              />
              <TextField
                p={p}
                state={st(active, 'bap')}
                name="bap_fisik"
                label={p.t('contracts.bap.fisik')}
                inputMode="decimal"
                width="small"
              />
              <TextField
                p={p}
                state={st(active, 'bap')}
                name="bap_pembayaran"
                label={p.t('contracts.bap.pembayaran')}
                inputMode="numeric"
                width="medium"
              />
            </FormShell>
          ) : null}

          <h2>{p.t('contracts.bast.title')}</h2>
          {c.bast ? (
            <Dl
              items={[
                [p.t('contracts.bast.nomor'), c.bast.nomor],
                [p.t('contracts.bast.phoDate'), formatDate(c.bast.phoDate, p.locale)],
                ...(c.bast.fhoDate
                  ? ([
                      [p.t('contracts.bast.fhoNomor'), c.bast.fhoNomor ?? '—'],
                      [p.t('contracts.bast.fhoDate'), formatDate(c.bast.fhoDate, p.locale)],
                    ] as const)
                  : []),
              ]}
            />
          ) : null}
          {c.bast ? <PdfLink p={p} href={`${base}/bast.pdf`} label={p.t('contracts.pdf.bast')} /> : null}
          {!c.bast && ppk && c.spmk ? (
            <FormShell p={p} action={`${base}/bast`} name="bast" active={active} submit={p.t('contracts.bast.submit')}>
              <TextField p={p} state={st(active, 'bast')} name="bast_nomor" label={p.t('contracts.bast.nomor')} />
              <TextField
                p={p}
                state={st(active, 'bast')}
                name="bast_phoDate"
                type="date"
                label={p.t('contracts.bast.phoDate')}
                width="medium"
              />
            </FormShell>
          ) : null}
          {ppk && k0.status === 'serah_terima' ? (
            <FormShell p={p} action={`${base}/fho`} name="fho" active={active} submit={p.t('contracts.bast.fhoSubmit')}>
              <p class="hint">{p.t('contracts.bast.fhoHint')}</p>
              <TextField p={p} state={st(active, 'fho')} name="fho_nomor" label={p.t('contracts.bast.fhoNomor')} />
              <TextField
                p={p}
                state={st(active, 'fho')}
                name="fho_fhoDate"
                type="date"
                label={p.t('contracts.bast.fhoDate')}
                width="medium"
              />
            </FormShell>
          ) : null}

          <h2>{p.t('contracts.rating.title')}</h2>
          {c.rating ? (
            <RatingSummary p={p} rating={c.rating} />
          ) : !c.bast ? (
            <p>{p.t('contracts.rating.afterBast')}</p>
          ) : ppk ? (
            <RatingForm p={p} base={base} active={active} />
          ) : null}
          {ppk && k0.status === 'berjalan' ? <TerminationForm p={p} base={base} active={active} /> : null}
        </>
      ) : null}
    </Layout>
  );
}

/** A link to an official document (PDF with its verification hash). */
function PdfLink(props: { p: PageCtx; href: string; label: string }) {
  return (
    <p>
      <a href={props.href}>{props.label}</a>
    </p>
  );
}

/** Pemutusan kontrak by the PPK: date, reason, and whether the vendor was at fault. */
function TerminationForm(props: { p: PageCtx; base: string; active?: ActiveForm }) {
  const { p, active } = props;
  return (
    <>
      <h2>{p.t('contracts.termination.title')}</h2>
      <p>{p.t('contracts.termination.intro')}</p>
      <FormShell
        p={p}
        action={`${props.base}/putus`}
        name="putus"
        active={active}
        submit={p.t('contracts.termination.submit')}
      >
        <TextField
          p={p}
          state={st(active, 'putus')}
          name="putus_tanggal"
          type="date"
          label={p.t('contracts.termination.tanggal')}
        />
        <TextArea
          p={p}
          state={st(active, 'putus')}
          name="putus_alasan"
          label={p.t('contracts.termination.alasan')}
          rows={3}
        />
        <p>
          <label>
            <input type="checkbox" name="putus_kesalahanPenyedia" value="ya" />{' '}
            {p.t('contracts.termination.kesalahanPenyedia')}
          </label>
        </p>
      </FormShell>
    </>
  );
}

function SppbjForm(props: { p: PageCtx; c: ContractCase; price: bigint; base: string; active?: ActiveForm }) {
  const { p, c, active } = props;
  const min = requiredJaminan({
    jenis: c.award.jenis,
    nilai: props.price,
    terkoreksi: c.award.nilaiTerkoreksi,
    hps: c.award.hps,
  });
  const s = st(active, 'sppbj');
  return (
    <FormShell p={p} action={`${props.base}/sppbj`} name="sppbj" active={active} submit={p.t('contracts.sppbj.submit')}>
      <TextField p={p} state={s} name="sppbj_nomor" label={p.t('contracts.sppbj.nomor')} />
      <TextField
        p={p}
        state={s}
        name="sppbj_tanggal"
        type="date"
        label={p.t('contracts.sppbj.tanggal')}
        width="medium"
      />
      <TextField
        p={p}
        state={s}
        name="sppbj_nilai"
        label={p.t('contracts.sppbj.nilai')}
        inputMode="numeric"
        width="medium"
        value={s ? undefined : formatRupiah(props.price).replace('Rp ', '')}
      />
      <TextField
        p={p}
        state={s}
        name="sppbj_jaminanNilai"
        label={p.t('contracts.sppbj.jaminanNilai')}
        hint={
          min === null
            ? p.t('contracts.sppbj.jaminanNone')
            : p.t('contracts.sppbj.jaminanHint', { min: formatRupiah(min) })
        }
        inputMode="numeric"
        width="medium"
        optional={min === null}
      />
      <TextField
        p={p}
        state={s}
        name="sppbj_jaminanPenerbit"
        label={p.t('contracts.sppbj.jaminanPenerbit')}
        optional={min === null}
      />
      <TextField
        p={p}
        state={s}
        name="sppbj_jaminanBerlakuSampai"
        type="date"
        label={p.t('contracts.sppbj.jaminanBerlakuSampai')}
        width="medium"
        optional={min === null}
      />
    </FormShell>
  );
}

function RespondForm(props: { p: PageCtx; base: string; active?: ActiveForm }) {
  const { p, active } = props;
  const s = st(active, 'jawab');
  return (
    <>
      <form method="post" action={`${props.base}/sppbj`}>
        <Csrf p={p} />
        <input type="hidden" name="keputusan" value="terima" />
        <Button>{p.t('contracts.sppbj.accept')}</Button>
      </form>
      <FormShell
        p={p}
        action={`${props.base}/sppbj`}
        name="jawab"
        active={active}
        submit={p.t('contracts.sppbj.refuse')}
      >
        <p>{p.t('contracts.sppbj.refuseWarning')}</p>
        <input type="hidden" name="keputusan" value="tolak" />
        <TextArea p={p} state={s} name="reason" label={p.t('contracts.sppbj.refusalReason')} rows={3} />
      </FormShell>
    </>
  );
}

function ContractForm(props: { p: PageCtx; c: ContractCase; base: string; active?: ActiveForm }) {
  const { p, c, active } = props;
  const s = st(active, 'kontrak');
  const pre = (v: string | null | undefined) => (s ? undefined : (v ?? ''));
  return (
    <FormShell
      p={p}
      action={`${props.base}/kontrak`}
      name="kontrak"
      active={active}
      submit={p.t('contracts.contract.submit')}
    >
      <TextField p={p} state={s} name="kontrak_nomor" label={p.t('contracts.contract.nomor')} />
      <SelectField
        p={p}
        state={s}
        name="kontrak_jenisKontrak"
        label={p.t('contracts.contract.jenisKontrak')}
        value={pre(c.award.jenisKontrak)}
        options={JENIS_KONTRAK.map((j) => ({ value: j, label: p.t(k(`contracts.jenisKontrak.${j}`)) }))}
      />
      <TextField
        p={p}
        state={s}
        name="kontrak_nilai"
        label={p.t('contracts.contract.nilai')}
        inputMode="numeric"
        width="medium"
        value={pre(c.sppbj ? formatRupiah(c.sppbj.nilai).replace('Rp ', '') : '')}
      />
      <TextField
        p={p}
        state={s}
        name="kontrak_tanggal"
        type="date"
        label={p.t('contracts.contract.tanggal')}
        width="medium"
      />
      <TextField
        p={p}
        state={s}
        name="kontrak_mulai"
        type="date"
        label={p.t('contracts.contract.mulai')}
        width="medium"
      />
      <TextField
        p={p}
        state={s}
        name="kontrak_selesai"
        type="date"
        label={p.t('contracts.contract.selesai')}
        width="medium"
      />
      <TextField
        p={p}
        state={s}
        name="kontrak_ppkNama"
        label={p.t('contracts.contract.ppkNama')}
        value={pre(c.ppk?.name)}
      />
      <TextField
        p={p}
        state={s}
        name="kontrak_ppkNip"
        label={p.t('contracts.contract.ppkNip')}
        optional
        inputMode="numeric"
        value={pre(c.ppk?.nip)}
      />
      <TextField
        p={p}
        state={s}
        name="kontrak_penyediaNama"
        label={p.t('contracts.contract.penyediaNama')}
        value={pre(c.picName)}
      />
      <TextField
        p={p}
        state={s}
        name="kontrak_penyediaJabatan"
        label={p.t('contracts.contract.penyediaJabatan')}
        value={pre(c.picPosition)}
      />
    </FormShell>
  );
}

function AddendaTable(props: { p: PageCtx; c: ContractCase }) {
  const { p, c } = props;
  if (c.addenda.length === 0) return <p class="empty">{p.t('contracts.addendum.none')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{p.t('contracts.addendum.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{p.t('contracts.addendum.versi')}</th>
            <th scope="col">{p.t('contracts.addendum.nomor')}</th>
            <th scope="col">{p.t('contracts.addendum.tanggal')}</th>
            <th scope="col">{p.t('contracts.addendum.change')}</th>
            <th scope="col">{p.t('contracts.addendum.alasan')}</th>
          </tr>
        </thead>
        <tbody>
          {c.addenda.map((a) => (
            <tr key={a.id}>
              <td>{a.versi}</td>
              <th scope="row">{a.nomor}</th>
              <td>{formatDate(a.tanggal, p.locale)}</td>
              <td>
                {a.nilaiBaru !== a.nilaiLama ? `${formatRupiah(a.nilaiLama)} → ${formatRupiah(a.nilaiBaru)}` : null}
                {a.selesaiBaru !== a.selesaiLama ? (
                  <div>
                    {formatDate(a.selesaiLama, p.locale)} → {formatDate(a.selesaiBaru, p.locale)}
                  </div>
                ) : null}
              </td>
              <td>
                {a.alasan}
                {a.alasanSepuluhPersen ? (
                  <div>
                    <strong>{p.t('contracts.addendum.alasanSepuluhPersen')}:</strong> {a.alasanSepuluhPersen}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddendumForm(props: { p: PageCtx; c: ContractCase; base: string; active?: ActiveForm }) {
  const { p, c, active } = props;
  const k0 = c.contract!;
  const so = cumulativeChange(
    k0.nilaiAwal,
    c.addenda.map((a) => a.nilaiBaru - a.nilaiLama),
  );
  const s = st(active, 'adendum');
  return (
    <FormShell
      p={p}
      action={`${props.base}/adendum`}
      name="adendum"
      active={active}
      submit={p.t('contracts.addendum.submit')}
    >
      <TextField p={p} state={s} name="adendum_nomor" label={p.t('contracts.addendum.nomor')} />
      <TextField
        p={p}
        state={s}
        name="adendum_tanggal"
        type="date"
        label={p.t('contracts.addendum.tanggal')}
        width="medium"
      />
      <TextArea p={p} state={s} name="adendum_alasan" label={p.t('contracts.addendum.alasan')} rows={3} />
      <TextField
        p={p}
        state={s}
        name="adendum_nilaiBaru"
        label={p.t('contracts.addendum.nilaiBaru')}
        hint={p.t('contracts.addendum.nilaiHint')}
        inputMode="numeric"
        width="medium"
        optional
      />
      <TextField
        p={p}
        state={s}
        name="adendum_selesaiBaru"
        type="date"
        label={p.t('contracts.addendum.selesaiBaru')}
        hint={p.t('contracts.addendum.selesaiHint')}
        width="medium"
        optional
      />
      <TextArea
        p={p}
        state={s}
        name="adendum_alasanSepuluhPersen"
        label={p.t('contracts.addendum.alasanSepuluhPersen')}
        hint={p.t('contracts.addendum.alasanSepuluhPersenHint', {
          percent: (so.basisPoints / 100).toFixed(2).replace('.', p.locale === 'id' ? ',' : '.'),
        })}
        optional
        rows={3}
      />
    </FormShell>
  );
}

function PaymentsTable(props: { p: PageCtx; c: ContractCase }) {
  const { p, c } = props;
  if (c.payments.length === 0) return <p class="empty">{p.t('contracts.bap.none')}</p>;
  let running = 0n;
  return (
    <div class="table-wrap">
      <table>
        <caption>{p.t('contracts.bap.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{p.t('contracts.bap.termin')}</th>
            <th scope="col">{p.t('contracts.bap.nomor')}</th>
            <th scope="col">{p.t('contracts.bap.tanggal')}</th>
            <th scope="col">{p.t('contracts.bap.fisik')}</th>
            <th scope="col">{p.t('contracts.bap.pembayaran')}</th>
            <th scope="col">{p.t('contracts.bap.kumulatif')}</th>
          </tr>
        </thead>
        <tbody>
          {c.payments.map((b) => {
            running += b.pembayaran;
            return (
              <tr key={b.id}>
                <td>{b.termin}</td>
                <th scope="row">{b.nomor}</th>
                <td>{formatDate(b.tanggal, p.locale)}</td>
                <td class="num">{formatPercent(b.fisikBasisPoin, p.locale)}</td>
                <td class="num">{formatRupiah(b.pembayaran)}</td>
                <td class="num">{formatRupiah(running)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RatingForm(props: { p: PageCtx; base: string; active?: ActiveForm }) {
  const { p, active } = props;
  const s = st(active, 'nilai');
  return (
    <FormShell
      p={p}
      action={`${props.base}/penilaian`}
      name="nilai"
      active={active}
      submit={p.t('contracts.rating.submit')}
    >
      <p>{p.t('contracts.rating.intro')}</p>
      {RATING_CRITERIA.map((c) => (
        <SelectField
          key={c.key}
          p={p}
          state={s}
          name={`nilai_${c.key}`}
          label={`${p.t(k(`contracts.rating.${c.key}`))} (${c.weight} %)`}
          options={RATING_SCALE.map((v) => ({ value: String(v), label: p.t(k(`contracts.rating.score.${v}`)) }))}
        />
      ))}
      <TextArea p={p} state={s} name="nilai_catatan" label={p.t('contracts.rating.catatan')} optional rows={3} />
    </FormShell>
  );
}

function RatingSummary(props: {
  p: PageCtx;
  rating: { scores: Record<string, number>; nilaiRatusan: number; catatan: string | null; ratedAt: Date };
}) {
  const { p, rating } = props;
  return (
    <Dl
      items={[
        ...RATING_CRITERIA.map(
          (c) =>
            [`${p.t(k(`contracts.rating.${c.key}`))} (${c.weight} %)`, String(rating.scores[c.key] ?? '—')] as const,
        ),
        [
          p.t('contracts.rating.total'),
          `${formatScore(rating.nilaiRatusan, p.locale)} — ${p.t(k(`contracts.rating.category.${ratingCategory(rating.nilaiRatusan)}`))}`,
        ],
        [p.t('contracts.rating.catatan'), rating.catatan ?? '—'],
        [p.t('contracts.award.decidedAt'), formatDateTime(rating.ratedAt, p.locale)],
      ]}
    />
  );
}
