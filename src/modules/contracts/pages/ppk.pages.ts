import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { addAddendum } from '../commands/add-addendum.ts';
import { issueSpmk } from '../commands/issue-spmk.ts';
import { issueSppbj } from '../commands/issue-sppbj.ts';
import { rateVendor } from '../commands/rate-vendor.ts';
import { recordBast } from '../commands/record-bast.ts';
import { recordFho } from '../commands/record-fho.ts';
import { recordPayment } from '../commands/record-payment.ts';
import { signContract } from '../commands/sign-contract.ts';
import { terminateContract } from '../commands/terminate-contract.ts';
import { canManage } from '../contracts.policy.ts';
import { listCasesForPpk, loadCase } from '../contracts.repository.ts';
import { CONTRACT_DOCS } from '../pdf.ts';
import { sendContractPdf } from '../pdf-route.ts';
import { formatScore } from '../rating.ts';
import { type ActiveForm, CaseListView, CaseView } from '../views/contracts.views.tsx';
import {
  AddendumSchema,
  BapSchema,
  BastSchema,
  ContractSchema,
  FhoSchema,
  inForm,
  RatingSchema,
  SpmkSchema,
  SppbjSchema,
  scoresOf,
  TerminationSchema,
} from './fields.ts';

type Params = { Params: { id: string } };

/** The case for its PPK, or the error page (not found; not the PPK of this package). */
async function ppkCase(req: FastifyRequest, id: string) {
  assertCan(req.ctx.actor, 'contracts:manage');
  const c = await loadCase(req.ctx.db, id);
  if (!c) throw notFound('contracts.error.notFound');
  enforce(canManage(req.ctx.actor, c.award));
  return c;
}

/** The PPK's pages: the list of its awards and one page per case with the form of each next step (no JavaScript). */
export async function contractPages(app: FastifyInstance) {
  const MANAGE = { config: allow('contracts:manage') };

  app.get('/kelola/kontrak', MANAGE, async (req, reply) => {
    assertCan(req.ctx.actor, 'contracts:manage');
    const rows = await listCasesForPpk(req.ctx.db, req.ctx.actor);
    const t = req.ctx.t;
    return sendHtml(
      reply,
      CaseListView({
        p: pageCtx(req, reply),
        title: t('contracts.list.title'),
        intro: t('contracts.list.intro'),
        empty: t('contracts.list.none'),
        rows,
        base: '/kelola/kontrak',
      }),
    );
  });

  // The official documents (SPPBJ, contract summary, BAST) as PDF with their verification hash.
  for (const doc of CONTRACT_DOCS)
    app.get<Params>(`/kelola/kontrak/:id/${doc}.pdf`, MANAGE, async (req, reply) =>
      sendContractPdf(req, reply, await ppkCase(req, req.params.id), doc),
    );

  app.get<Params>('/kelola/kontrak/:id', MANAGE, async (req, reply) => {
    const c = await ppkCase(req, req.params.id);
    return sendHtml(reply, CaseView({ p: pageCtx(req, reply), c, mode: 'ppk' }));
  });

  /** One POST route per step: validate, run the command, back to the case with a confirmation. */
  function step<S extends z.ZodType>(
    path: string,
    form: ActiveForm['form'],
    schema: S,
    run: (req: FastifyRequest<Params>, data: z.infer<S>) => Promise<string>,
  ) {
    app.post<Params>(`/kelola/kontrak/:id/${path}`, MANAGE, async (req, reply: FastifyReply) => {
      const id = req.params.id;
      await ppkCase(req, id);
      return handleForm(req, reply, {
        schema,
        render: async (p, state) =>
          CaseView({ p, c: (await loadCase(req.ctx.db, id))!, mode: 'ppk', active: { form, state } }),
        run: async (data) => withFlash(`/kelola/kontrak/${id}`, await inForm(form, () => run(req, data))),
      });
    });
  }

  step('sppbj', 'sppbj', SppbjSchema, async (req, d) => {
    await issueSppbj(req.ctx, req.params.id, {
      nomor: d.sppbj_nomor,
      tanggal: d.sppbj_tanggal,
      nilai: d.sppbj_nilai,
      jaminanNilai: d.sppbj_jaminanNilai,
      jaminanPenerbit: d.sppbj_jaminanPenerbit,
      jaminanBerlakuSampai: d.sppbj_jaminanBerlakuSampai,
    });
    return req.ctx.t('contracts.sppbj.issued', { nomor: d.sppbj_nomor });
  });

  step('kontrak', 'kontrak', ContractSchema, async (req, d) => {
    await signContract(req.ctx, req.params.id, {
      nomor: d.kontrak_nomor,
      jenisKontrak: d.kontrak_jenisKontrak,
      nilai: d.kontrak_nilai,
      tanggal: d.kontrak_tanggal,
      mulai: d.kontrak_mulai,
      selesai: d.kontrak_selesai,
      ppkNama: d.kontrak_ppkNama,
      ppkNip: d.kontrak_ppkNip,
      penyediaNama: d.kontrak_penyediaNama,
      penyediaJabatan: d.kontrak_penyediaJabatan,
    });
    return req.ctx.t('contracts.contract.signed', { nomor: d.kontrak_nomor });
  });

  step('putus', 'putus', TerminationSchema, async (req, d) => {
    await terminateContract(req.ctx, req.params.id, {
      tanggal: d.putus_tanggal,
      alasan: d.putus_alasan,
      kesalahanPenyedia: d.putus_kesalahanPenyedia,
    });
    return req.ctx.t('contracts.termination.done');
  });

  step('adendum', 'adendum', AddendumSchema, async (req, d) => {
    await addAddendum(req.ctx, req.params.id, {
      nomor: d.adendum_nomor,
      tanggal: d.adendum_tanggal,
      alasan: d.adendum_alasan,
      nilaiBaru: d.adendum_nilaiBaru,
      selesaiBaru: d.adendum_selesaiBaru,
      alasanSepuluhPersen: d.adendum_alasanSepuluhPersen,
    });
    return req.ctx.t('contracts.addendum.added');
  });

  step('spmk', 'spmk', SpmkSchema, async (req, d) => {
    await issueSpmk(req.ctx, req.params.id, {
      nomor: d.spmk_nomor,
      tanggal: d.spmk_tanggal,
      mulaiKerja: d.spmk_mulaiKerja,
    });
    return req.ctx.t('contracts.spmk.issued');
  });

  step('bap', 'bap', BapSchema, async (req, d) => {
    const termin = await recordPayment(req.ctx, req.params.id, {
      nomor: d.bap_nomor,
      tanggal: d.bap_tanggal,
      fisikBasisPoin: d.bap_fisik,
      pembayaran: d.bap_pembayaran,
    });
    return req.ctx.t('contracts.bap.recorded', { termin });
  });

  step('bast', 'bast', BastSchema, async (req, d) => {
    await recordBast(req.ctx, req.params.id, { nomor: d.bast_nomor, phoDate: d.bast_phoDate });
    return req.ctx.t('contracts.bast.recorded');
  });

  step('fho', 'fho', FhoSchema, async (req, d) => {
    await recordFho(req.ctx, req.params.id, { nomor: d.fho_nomor, fhoDate: d.fho_fhoDate });
    return req.ctx.t('contracts.bast.fhoRecorded');
  });

  step('penilaian', 'nilai', RatingSchema, async (req, d) => {
    const nilai = await rateVendor(req.ctx, req.params.id, { scores: scoresOf(d), catatan: d.nilai_catatan });
    return req.ctx.t('contracts.rating.rated', { nilai: formatScore(nilai, req.ctx.locale) });
  });
}
