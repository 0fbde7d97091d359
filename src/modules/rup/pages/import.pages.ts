import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { AppError, isUuid } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { importPlans } from '../commands/import-plans.ts';
import { groupRecords, ImportFileError, readImportFile } from '../import-rows.ts';
import { agenciesForManager } from '../rup.repository.ts';
import { ImportView } from '../views/manage.views.tsx';

/**
 * The import file is not stored: the blob store accepts a file only when `file-type` recognises its magic bytes, and
 * CSV and JSON have none. So the upload is read here as a stream, with its own size limit, into memory (2 MB at
 * most), parsed, and dropped. Nothing of it reaches the disk; the audit event records the file name and the result.
 */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

async function readImportUpload(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { name: string; text: string } | null = null;
  let tooLarge = false;
  if (!req.isMultipart()) throw new AppError('NOT_MULTIPART', 415, 'error.unsupportedMediaType');
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !part.value.includes('\u0000')) fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'file' || !part.filename || file || tooLarge) {
        part.file.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > IMPORT_MAX_BYTES) {
          tooLarge = true;
          part.file.resume();
          break;
        }
        chunks.push(chunk);
      }
      if (!tooLarge && !(part.file as { truncated?: boolean }).truncated) {
        file = { name: part.filename.split('\u0000').join(''), text: Buffer.concat(chunks).toString('utf8') };
      } else tooLarge = true;
    }
  } catch (err) {
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode === 413) throw err;
    throw new AppError('MALFORMED_MULTIPART', 400, 'error.badRequest');
  }
  return { fields, file, tooLarge };
}

export async function rupImportPages(app: FastifyInstance) {
  app.get('/kelola/rup/impor', { config: allow('rup:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const agencies = await agenciesForManager(req.ctx.db, req.ctx.actor);
    return sendHtml(reply, ImportView({ p: pageCtx(req, reply), agencies }));
  });

  app.post('/kelola/rup/impor', { config: allow('rup:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const agencies = await agenciesForManager(req.ctx.db, req.ctx.actor);
    const { fields, file, tooLarge } = await readImportUpload(req);
    const t = req.ctx.t;
    const state: FormState = { values: { agencyId: fields.agencyId ?? '' }, errors: {} };
    const show = (status: number, report?: Parameters<typeof ImportView>[0]['report']) =>
      sendHtml(reply, ImportView({ p: pageCtx(req, reply), agencies, state, report }), status);
    const agencyId = fields.agencyId ?? '';
    if (!isUuid(agencyId) || !agencies.some((a) => a.id === agencyId))
      state.errors.agencyId = t('rup.validation.agency');
    if (tooLarge) state.errors.file = t('rup.import.tooLarge');
    else if (!file) state.errors.file = t('rup.import.noFile');
    if (Object.keys(state.errors).length > 0 || !file) return show(tooLarge ? 413 : 400);
    let groups: ReturnType<typeof groupRecords>;
    try {
      groups = groupRecords(readImportFile(file.text));
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      state.errors.file = t('rup.import.unreadable', { detail: err.message });
      return show(400);
    }
    if (groups.length === 0) {
      state.errors.file = t('rup.import.empty');
      return show(400);
    }
    const commit = fields.mode === 'import';
    const { outcomes, committed } = await importPlans(req.ctx, { agencyId, groups, fileName: file.name, commit });
    const rows = outcomes.map((o) => ({
      line: o.line,
      kode: o.kode === null ? '' : String(o.kode),
      nama: o.nama,
      action: o.action,
      problems: o.problems.map((pr) => t(pr.key, pr.params)),
    }));
    if (committed) {
      const n = (a: string) => outcomes.filter((o) => o.action === a).length;
      const p = pageCtx(req, reply);
      p.flash = t('rup.import.done', { created: n('create'), updated: n('update'), unchanged: n('unchanged') });
      return sendHtml(reply, ImportView({ p, agencies, state, report: { rows, committed } }));
    }
    return show(outcomes.some((o) => o.action === 'error') ? 422 : 200, { rows, committed });
  });
}
