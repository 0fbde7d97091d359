import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { agenciesWhere, assertCan, can } from '../../../platform/auth/permissions.ts';
import { enforce, PolicyRefusal } from '../../../platform/auth/policy.ts';
import { AppError, formErrorsOf, isFormError, notFound, unauthenticated } from '../../../platform/errors.ts';
import { getDocument, openDocumentForRead } from '../../../platform/files/documents.ts';
import { allow, SIGNED_IN } from '../../../platform/http/access.ts';
import { auditContext } from '../../../platform/http/context.ts';
import { dateField, optionalText, requiredText } from '../../../platform/http/fields.ts';
import { type FormState, formValues, parseForm } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, redirectSeeOther, sendHtml } from '../../../platform/ui/page.ts';
import { parseRupiah } from '../../rup/index.ts';
import { isItemKey } from '../checklist.ts';
import { assignPokja } from '../commands/assign-pokja.ts';
import { createPackage, type HpsLine } from '../commands/create-package.ts';
import { recordKajiUlang } from '../commands/kaji-ulang.ts';
import { reviewDocument } from '../commands/review-document.ts';
import { submitPackage } from '../commands/submit-package.ts';
import { uploadDocument } from '../commands/upload-document.ts';
import { parseVolume } from '../money.ts';
import { canReadPackage, isPackageKepala, isPackageMember, isPackagePpk } from '../sulap.policy.ts';
import {
  availablePlans,
  holdersOf,
  listPackagesForActor,
  packageDetail,
  packageRefOfDocument,
  ukpbjAgencies,
} from '../sulap.repository.ts';
import { itemLabel } from '../views/labels.ts';
import { DetailView, type FormSlot, ITEM_ROWS, ListView, NewPackageView } from '../views/sulap.views.tsx';

type IdParams = { Params: { id: string } };
type ItemParams = { Params: { id: string; item: string } };

/** The package for this reader, or the confidential refusal (403 with its basis) / 404. */
async function readable(req: FastifyRequest, id: string) {
  const d = await packageDetail(req.ctx.db, id).catch(() => undefined);
  if (!d) throw notFound();
  enforce(canReadPackage(req.ctx.actor, d, req.ctx.clock.now()));
  return d;
}

async function showDetail(req: FastifyRequest, reply: FastifyReply, id: string, slot?: FormSlot, status = 200) {
  const d = await readable(req, id);
  const actor = req.ctx.actor;
  const isKepala = isPackageKepala(actor, d);
  const candidates =
    isKepala && d.ukpbjAgencyId
      ? [
          ...(await holdersOf(req.ctx.db, 'POKJA', [d.ukpbjAgencyId])).map((u) => ({ ...u, role: 'POKJA' })),
          ...(d.metode === 'pengadaan_langsung'
            ? (await holdersOf(req.ctx.db, 'PEJABAT_PENGADAAN', [d.ukpbjAgencyId, d.agencyId])).map((u) => ({
                ...u,
                role: 'PEJABAT_PENGADAAN',
              }))
            : []),
        ].filter((u) => u.id !== d.ppkUserId)
      : [];
  const view = DetailView({
    p: pageCtx(req, reply),
    d,
    slot,
    can: {
      isPpk: isPackagePpk(actor, d),
      isKepala,
      isMember: isPackageMember(actor, d),
      ukpbjs: d.status === 'persiapan' ? await ukpbjAgencies(req.ctx.db) : [],
      candidates,
    },
  });
  return sendHtml(reply, view, status);
}

/**
 * A form on the package page: validate → command → 303 back to the package, or the package page again with the
 * error at that form's fields. Refusals that are not about the form (not allowed, not found) are the error page.
 */
async function packageForm<S extends z.ZodType>(
  req: FastifyRequest<IdParams>,
  reply: FastifyReply,
  form: string,
  schema: S,
  run: (data: z.infer<S>) => Promise<string>,
) {
  const again = (state: FormState, status: number) => showDetail(req, reply, req.params.id, { form, state }, status);
  const parsed = parseForm(schema, req.body, req.ctx.t);
  if (!parsed.ok) {
    await readable(req, req.params.id);
    return again(parsed.state, 400);
  }
  try {
    return redirectSeeOther(reply, await run(parsed.data));
  } catch (err) {
    if (!isFormError(err) || err instanceof PolicyRefusal) throw err;
    reply.header('x-error-code', err.code);
    return again({ values: formValues(req.body), errors: formErrorsOf(err, req.ctx.t) }, err.status);
  }
}

/** The HPS lines typed in the rows of the form: a half-filled row is an error at its first empty field. */
function hpsLines(body: Record<string, unknown>, t: FastifyRequest['ctx']['t']) {
  const items: HpsLine[] = [];
  const errors: Record<string, string> = {};
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
  for (let i = 0; i < ITEM_ROWS; i++) {
    const uraian = str(`i${i}_uraian`);
    const volume = str(`i${i}_volume`);
    const satuan = str(`i${i}_satuan`);
    const harga = str(`i${i}_harga`);
    if (!uraian && !volume && !satuan && !harga) continue;
    if (!uraian) errors[`i${i}_uraian`] = t('validation.required');
    if (uraian.length > 300) errors[`i${i}_uraian`] = t('validation.tooLong');
    if (!satuan) errors[`i${i}_satuan`] = t('validation.required');
    if (satuan.length > 40) errors[`i${i}_satuan`] = t('validation.tooLong');
    const v = parseVolume(volume);
    if (v === null) errors[`i${i}_volume`] = t('sulap.problem.volume');
    const h = parseRupiah(harga);
    if (h === null) errors[`i${i}_harga`] = t('sulap.problem.harga');
    if (uraian && satuan && v !== null && h !== null) items.push({ uraian, volumeMilli: v, satuan, hargaSatuan: h });
  }
  return { items, errors };
}

const NewSchema = z.object({ namaPaket: requiredText(300) });

export async function sulapPages(app: FastifyInstance) {
  app.get('/sulap', { config: allow('sulap:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sulap:read');
    const packages = await listPackagesForActor(req.ctx.db, req.ctx.actor);
    return sendHtml(
      reply,
      ListView({ p: pageCtx(req, reply), packages, canCreate: can(req.ctx.actor, 'sulap:prepare') }),
    );
  });

  const plansFor = async (req: FastifyRequest) => {
    const where = agenciesWhere(req.ctx.actor, 'sulap:prepare');
    return availablePlans(req.ctx.db, where === 'all' ? [] : where);
  };
  app.get('/sulap/baru', { config: allow('sulap:prepare') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sulap:prepare');
    return sendHtml(reply, NewPackageView({ p: pageCtx(req, reply), plans: await plansFor(req), checked: [] }));
  });
  app.post('/sulap/baru', { config: allow('sulap:prepare') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sulap:prepare');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const raw = body.rup;
    const checked = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    const show = async (state: FormState, status: number) =>
      sendHtml(reply, NewPackageView({ p: pageCtx(req, reply), plans: await plansFor(req), checked, state }), status);
    const parsed = parseForm(NewSchema, body, req.ctx.t);
    const lines = hpsLines(body, req.ctx.t);
    const kodes = checked.map(Number);
    const errors: Record<string, string> = { ...(parsed.ok ? {} : parsed.state.errors), ...lines.errors };
    if (kodes.some((k) => !Number.isSafeInteger(k) || k <= 0)) errors.rup = req.ctx.t('validation.invalid');
    if (!parsed.ok || Object.keys(errors).length > 0) return show({ values: formValues(body), errors }, 400);
    try {
      const pkg = await createPackage(req.ctx, {
        namaPaket: parsed.data.namaPaket,
        planKodes: kodes,
        items: lines.items,
      });
      return redirectSeeOther(reply, withFlash(`/sulap/${pkg.id}`, req.ctx.t('sulap.created')));
    } catch (err) {
      if (!isFormError(err)) throw err;
      reply.header('x-error-code', err.code);
      return show({ values: formValues(body), errors: formErrorsOf(err, req.ctx.t) }, err.status);
    }
  });

  app.get<IdParams>('/sulap/:id', { config: allow('sulap:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sulap:read');
    return showDetail(req, reply, req.params.id);
  });

  app.post<ItemParams>('/sulap/:id/dokumen/:item', { config: allow('sulap:prepare') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sulap:prepare');
    const { id, item } = req.params;
    if (!isItemKey(item)) throw notFound();
    await readable(req, id);
    const fileField = `berkas_${item}`;
    const noteField = `jawaban_${item}`;
    return handleForm(req, reply, {
      schema: z.object({ [noteField]: optionalText(2000) }),
      files: { [fileField]: 'sulap_dokumen' } as Record<string, 'sulap_dokumen'>,
      requiredFiles: [fileField],
      render: async (_p, state) => {
        const d = await readable(req, id);
        return (await renderDetail(req, reply, d.id, { form: `upload-${item}`, state })) as never;
      },
      run: async (data, files) => {
        const note = (data as Record<string, string | null>)[noteField] ?? null;
        const r = await uploadDocument(req.ctx, id, item, files[fileField]!, note);
        // The fragment goes after the query (the confirmation), so that both reach the page.
        return `${withFlash(`/sulap/${id}`, req.ctx.t('sulap.uploaded', { item: itemLabel(req.ctx.t, item), n: r.version }))}#dok-${item}`;
      },
    });
  });

  app.post<IdParams>('/sulap/:id/ajukan', { config: allow('sulap:prepare') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sulap:prepare');
    return packageForm(
      req,
      reply,
      'submit',
      z.object({ ukpbjAgencyId: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required') }),
      async (data) => {
        await submitPackage(req.ctx, req.params.id, data.ukpbjAgencyId);
        return withFlash(`/sulap/${req.params.id}`, req.ctx.t('sulap.submitted'));
      },
    );
  });

  const member = z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null));
  app.post<IdParams>('/sulap/:id/penugasan', { config: allow('sulap:assign') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sulap:assign');
    return packageForm(
      req,
      reply,
      'assign',
      z.object({
        kind: z.enum(['pokja', 'pejabat_pengadaan'], { error: 'validation.required' }),
        anggota1: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required'),
        anggota2: member,
        anggota3: member,
        anggota4: member,
        anggota5: member,
        skNumber: requiredText(100),
        skDate: dateField(),
      }),
      async (data) => {
        const ids = [data.anggota1, data.anggota2, data.anggota3, data.anggota4, data.anggota5].filter(
          (v): v is string => !!v,
        );
        await assignPokja(req.ctx, req.params.id, {
          kind: data.kind,
          memberIds: ids,
          skNumber: data.skNumber,
          skDate: data.skDate,
        });
        return withFlash(`/sulap/${req.params.id}`, req.ctx.t('sulap.assigned'));
      },
    );
  });

  app.post<ItemParams>('/sulap/:id/dokumen/:item/reviu', { config: allow('sulap:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sulap:read');
    const { item } = req.params;
    if (!isItemKey(item)) throw notFound();
    const decisionField = `keputusan_${item}`;
    const noteField = `catatan_${item}`;
    return packageForm(
      req,
      reply,
      `review-${item}`,
      z.object({
        [decisionField]: z.enum(['disetujui', 'revisi', 'ditolak'], { error: 'validation.required' }),
        [noteField]: optionalText(2000),
      }),
      async (data) => {
        const d = data as Record<string, string | null>;
        try {
          await reviewDocument(req.ctx, req.params.id, item, {
            decision: d[decisionField] as 'disetujui',
            note: d[noteField] ?? null,
          });
        } catch (err) {
          // The command names the note field generically; on this page it is the item's own.
          if (err instanceof AppError && err.field === 'note') {
            throw new AppError(err.code, err.status, err.messageKey, err.params, { field: noteField });
          }
          throw err;
        }
        return `${withFlash(`/sulap/${req.params.id}`, req.ctx.t('sulap.reviewed'))}#dok-${item}`;
      },
    );
  });

  app.post<IdParams>('/sulap/:id/kaji-ulang', { config: allow('sulap:review') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sulap:review');
    return packageForm(
      req,
      reply,
      'kaji',
      z.object({
        hasil: z.enum(['sesuai', 'perlu_perbaikan'], { error: 'validation.required' }),
        uraian: requiredText(4000),
      }),
      async (data) => {
        await recordKajiUlang(req.ctx, req.params.id, data);
        return withFlash(`/sulap/${req.params.id}`, req.ctx.t('sulap.kajiSaved'));
      },
    );
  });

  /**
   * A package document, decrypted for its PPK, its Kepala UKPBJ and its Pokja only. Anyone else signed in — the Admin
   * Sistem first of all (R14) — gets a page saying why (confidential, Pasal 29), and the refusal is in the audit trail.
   */
  app.get<IdParams>('/sulap/berkas/:id', { config: SIGNED_IN }, async (req, reply) => {
    if (!req.ctx.actor) throw unauthenticated();
    const doc = await getDocument(req.ctx.db, req.params.id);
    if (doc?.docClass !== 'sulap_dokumen') throw notFound();
    const pkg = await packageRefOfDocument(req.ctx.db, doc.id);
    if (!pkg) throw notFound();
    const decision = canReadPackage(req.ctx.actor, pkg, req.ctx.clock.now());
    await req.ctx.db.transaction((tx) =>
      recordAudit(tx, auditContext(req.ctx), {
        action: decision.allowed ? 'document.read' : 'document.read_denied',
        objectType: 'document',
        objectId: doc.id,
        summary: { docClass: doc.docClass, sha256: doc.sha256, via: 'sulap' },
      }),
    );
    enforce(decision);
    const body = await openDocumentForRead(req.ctx.db, req.ctx.files, doc, auditContext(req.ctx), 'sulap');
    return reply
      .header('content-type', doc.mime)
      .header('content-length', String(doc.size))
      .header('content-disposition', `attachment; filename="${doc.originalName.replace(/[^\w.-]+/g, '_')}"`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });
}

// The upload's error page is the package page with the error at the upload form.
async function renderDetail(req: FastifyRequest, reply: FastifyReply, id: string, slot: FormSlot) {
  const d = await readable(req, id);
  const actor = req.ctx.actor;
  return DetailView({
    p: pageCtx(req, reply),
    d,
    slot,
    can: {
      isPpk: isPackagePpk(actor, d),
      isKepala: isPackageKepala(actor, d),
      isMember: isPackageMember(actor, d),
      ukpbjs: d.status === 'persiapan' ? await ukpbjAgencies(req.ctx.db) : [],
      candidates: [],
    },
  });
}
