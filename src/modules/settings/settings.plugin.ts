import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../platform/auth/permissions.ts';
import { readMultipartForm } from '../../platform/files/multipart-form.ts';
import { allow } from '../../platform/http/access.ts';
import { emailField, optionalText, requiredText } from '../../platform/http/fields.ts';
import { type FormState, parseForm } from '../../platform/http/forms.ts';
import { withFlash } from '../../platform/http/handle-form.ts';
import { pageCtx, redirectSeeOther, sendHtml } from '../../platform/ui/page.ts';
import { setSiteIdentity, siteIdentity } from '../../platform/ui/site.ts';
import { saveSiteSettings } from './commands/save-site-settings.ts';
import { loadSiteIdentity } from './settings.repository.ts';
import { SiteSettingsView } from './views/settings.view.tsx';

const phone = () =>
  optionalText(30).pipe(
    z
      .string()
      .regex(/^\+?[0-9 ().-]{6,30}$/, 'validation.invalid')
      .nullable(),
  );

export const SiteSettingsSchema = z.object({
  regencyName: requiredText(120),
  address: requiredText(300),
  hours: requiredText(200),
  email: emailField(),
  phone: phone(),
  whatsapp: phone(),
  removeEmblem: z.string().optional(),
});

/** The identity of the site: one page for the Admin Sistem, cached per process (see platform/ui/site.ts). */
export async function settingsPlugin(app: FastifyInstance) {
  // Load once when the app is ready; every save replaces the cached copy.
  app.addHook('onReady', async () => {
    const { database, files, config } = app.services;
    setSiteIdentity(await loadSiteIdentity(database.db, files, config.lpseName));
  });

  app.get('/admin/identitas', { config: allow('site-settings:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'site-settings:manage');
    return sendHtml(reply, SiteSettingsView({ p: pageCtx(req, reply), site: siteIdentity(req.ctx.config.lpseName) }));
  });

  app.post('/admin/identitas', { config: allow('site-settings:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'site-settings:manage');
    const form = await readMultipartForm(req, { emblem: 'site_emblem' });
    const parsed = parseForm(SiteSettingsSchema, form.fields, req.ctx.t);
    const state: FormState = parsed.ok ? { values: form.fields, errors: {} } : parsed.state;
    const fileError = form.fileErrors.emblem;
    if (fileError) state.errors.emblem = req.ctx.t(fileError.messageKey, fileError.params);
    if (!parsed.ok || fileError) {
      const site = siteIdentity(req.ctx.config.lpseName);
      return sendHtml(reply, SiteSettingsView({ p: pageCtx(req, reply), site, state }), fileError?.status ?? 400);
    }
    const { removeEmblem, ...data } = parsed.data;
    await saveSiteSettings(req.ctx, { ...data, emblem: form.files.emblem ?? null, removeEmblem: !!removeEmblem });
    return redirectSeeOther(reply, withFlash('/admin/identitas', req.ctx.t('settings.saved')));
  });
}
