import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { siteIdentity } from '../../platform/ui/site.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { blankFormPdf, letterhead } from '../registration/pdf.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(
  fields: Record<string, string>,
  file?: { name: string; filename: string; type: string; body: Buffer },
) {
  const boundary = '----lpseidentitas';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
      file.body,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const FIELDS = {
  regencyName: 'Kabupaten Contoh Raya',
  address: 'Jl. Merdeka 1, Kota Contoh',
  hours: 'Senin–Jumat 07.30–15.30 WITA',
  email: 'helpdesk@contoh.go.id',
  phone: '0401 123456',
  whatsapp: '+62 812 0000 1111',
};

describe('identity of the site (/admin/identitas): header, footer, PDF letterhead, mail footer', () => {
  let t: TestApp;
  let admin: Agent;
  before(async () => {
    t = await createTestApp();
    const u = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    admin = new Agent(t.app);
    await admin.login(u.username);
  });
  after(() => t.close());

  const save = (
    fields: Record<string, string>,
    file?: { name: string; filename: string; type: string; body: Buffer },
  ) =>
    admin.request({
      method: 'POST',
      url: `/admin/identitas?_csrf=${encodeURIComponent(admin.csrf!)}`,
      ...multipart(fields, file),
    });

  test('defaults keep today’s footer texts', async () => {
    const home = await t.app.inject({ url: '/' });
    assert.match(home.body, /Kontak: lpse@konkepkab\.go\.id · Kantor Bupati Konawe Kepulauan, Langara/);
    assert.match(home.body, /Jam layanan: Senin–Kamis 08\.00–16\.00 WITA, Jumat 08\.00–16\.30 WITA/);
    assert.match(home.body, /class="brand-mark"/);
  });

  test('only the Admin Sistem may open the page', async () => {
    const r = await t.app.inject({ url: '/admin/identitas' });
    assert.equal(r.statusCode, 303, 'to the sign-in page');
    const page = await admin.get('/admin/identitas');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="Kabupaten Konawe Kepulauan"/);
  });

  test('an SVG emblem is refused and the typed values are kept', async () => {
    await admin.get('/admin/identitas');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const r = await save(FIELDS, { name: 'emblem', filename: 'lambang.svg', type: 'image/svg+xml', body: svg });
    assert.equal(r.statusCode, 415);
    assert.match(r.body, /value="Kabupaten Contoh Raya"/);
  });

  test('a missing e-mail is named by the page’s label in the error summary', async () => {
    await admin.get('/admin/identitas');
    const r = await save({ ...FIELDS, email: '' });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /<a href="#email">Surel helpdesk: /);
  });

  test('saving shows the new identity at once everywhere, audited', async () => {
    await admin.get('/admin/identitas');
    const r = await save(FIELDS, { name: 'emblem', filename: 'lambang.png', type: 'image/png', body: PNG });
    assert.equal(r.statusCode, 303, r.body);

    const home = await t.app.inject({ url: '/' });
    assert.match(home.body, /LPSE Kabupaten Contoh Raya/);
    assert.match(
      home.body,
      /Kontak: helpdesk@contoh\.go\.id · Telp\. 0401 123456 · WhatsApp \+62 812 0000 1111 · Jl\. Merdeka 1/,
    );
    assert.match(home.body, /Jam layanan: Senin–Jumat 07\.30–15\.30 WITA/);
    const img = /<img class="brand-emblem" src="(\/berkas\/[0-9a-f-]+)"/.exec(home.body);
    assert.ok(img, 'the emblem is in the header');
    const emblem = await t.app.inject({ url: img[1]! });
    assert.equal(emblem.statusCode, 200);
    assert.equal(emblem.headers['content-type'], 'image/png');

    const [ev] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'site_settings.updated'))
      .orderBy(desc(auditEvents.seq));
    assert.equal((ev!.summary as { after: { email: string } }).after.email, 'helpdesk@contoh.go.id');

    // PDF letterhead: the emblem and the office, and pdfmake accepts the image.
    const t_ = translator('id');
    const head = JSON.stringify(letterhead({ t: t_, locale: 'id', lpseName: 'x' }));
    assert.match(head, /data:image\/png;base64,/);
    assert.match(head, /Jl\. Merdeka 1/);
    assert.match(head, /Senin–Jumat 07\.30–15\.30 WITA/);
    const pdf = await blankFormPdf({ t: t_, locale: 'id', lpseName: 'x' }, 'pendaftaran');
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');

    // Mail footer: every mail enqueued from now on.
    const anon = new Agent(t.app);
    await anon.get('/kata-sandi/lupa');
    assert.equal(siteIdentity().email, 'helpdesk@contoh.go.id');
    const u = await buildUser(t, { roles: ['PPK'] });
    await anon.post('/kata-sandi/lupa', { email: u.email });
    const mails = await t.db.select().from(mailOutbox);
    assert.ok(mails.length > 0, 'a mail was enqueued');
    assert.match(
      mails.at(-1)!.bodyText,
      /LPSE Kabupaten Contoh Raya\nJl\. Merdeka 1, Kota Contoh\n.*Senin–Jumat.*\nhelpdesk@contoh\.go\.id/,
    );
  });

  test('removing the emblem goes back to the neutral mark', async () => {
    await admin.get('/admin/identitas');
    const r = await save({ ...FIELDS, removeEmblem: '1' });
    assert.equal(r.statusCode, 303);
    const home = await t.app.inject({ url: '/' });
    assert.match(home.body, /class="brand-mark"/);
  });
});
