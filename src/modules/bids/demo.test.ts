import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDocument } from '../../platform/files/documents.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import { bidKeys, bidSubmissions, bidWitnessReports } from './bids.schema.ts';
import {
  decryptEnvelope,
  type EnvelopeHeader,
  openShare,
  reconstructKey,
  unlockKey,
  type WrappedPrivateKey,
} from './crypto/sealed.ts';
import { DEMO_OPENED_TEXT, DEMO_PLAINTEXT_MARKER as MARK } from './demo.ts';
import { sealedPath } from './storage.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

/** The marker as it would appear if stored raw, hex-encoded (bytea as text) or base64-encoded at any alignment. */
const FORMS = (() => {
  const b = Buffer.from(MARK);
  const forms = [MARK, b.toString('hex')];
  for (let pad = 0; pad < 3; pad++) {
    // The base64 of the marker preceded by `pad` bytes, without the characters those bytes touch.
    const enc = Buffer.concat([Buffer.alloc(pad), b]).toString('base64');
    forms.push(enc.slice(Math.ceil((pad * 4) / 3) + 1, -4));
  }
  return forms;
})();
const holds = (text: string) => FORMS.find((f) => text.includes(f));

describe('sealed-bid demo (R12): LPSE-DEMO-PLAINTEXT is nowhere in the database or under DATA_DIR', () => {
  let t: TestApp;
  const printed: string[] = [];
  before(async () => {
    t = await createTestApp();
    const { loadDemoData } = await import('../../demo/demo-data.ts');
    const log = console.log;
    console.log = (...a: unknown[]) => {
      printed.push(a.join(' '));
    };
    try {
      await loadDemoData(t.db, t.config);
    } finally {
      console.log = log;
    }
  });
  after(() => t.close());

  test('demo bids are receipted for a tender in its upload stage and one past it; the marker is stored nowhere', async () => {
    const year = new Date().toISOString().slice(0, 4);
    const ts = await t.db
      .select()
      .from(tenders)
      .where(inArray(tenders.kode, [`${year}70001`, `${year}70002`]));
    assert.equal(ts.length, 2, 'both demo bid tenders exist');
    const subs = await t.db
      .select()
      .from(bidSubmissions)
      .where(
        inArray(
          bidSubmissions.tenderId,
          ts.map((x) => x.id),
        ),
      );
    assert.equal(subs.filter((s) => s.supersededAt === null).length, 5, 'five receipted demo bids (2 + 3)');
    assert.ok(
      subs.every((s) => s.openResult === null),
      'no demo bid is opened',
    );

    // The whole database as text: every base table of every schema, each row cast to text.
    const rowsOf = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as Record<string, unknown>[];
    const tables = rowsOf(
      await t.db.execute(
        sql`select table_schema, table_name from information_schema.tables
            where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
      ),
    );
    assert.ok(tables.length > 20, `only ${tables.length} tables dumped`);
    let rows = 0;
    for (const r of tables) {
      const q = `select t::text as row from "${String(r.table_schema)}"."${String(r.table_name)}" t`;
      for (const row of rowsOf(await t.db.execute(sql.raw(q)))) {
        rows += 1;
        const found = holds(String(row.row));
        assert.ok(!found, `marker (${found}) in table ${String(r.table_name)}`);
      }
    }
    assert.ok(rows > 100, `only ${rows} rows dumped`);

    const files = await filesUnder(t.dataDir);
    assert.ok(files.filter((f) => f.includes(`${path.sep}sealed${path.sep}`)).length >= 5, 'sealed files on disk');
    for (const f of files) {
      const found = holds((await fs.readFile(f)).toString('latin1'));
      assert.ok(!found, `marker (${found}) in ${f}`);
    }
  });

  test('yet the demo bids do hold the marker: two Pokja members with the printed passphrases open one', async () => {
    const pass = new Map<string, string>();
    for (const l of printed) {
      const m = /^ {2}Frasa sandi kunci penawaran (\S+): (.+)$/.exec(l);
      if (m) pass.set(m[1]!, m[2]!);
    }
    assert.equal(pass.size, 7, `seven bid-key passphrases printed (${[...pass.keys()].join(', ')})`);
    assert.ok(pass.has('pp.disdik'), "the PL's Pejabat Pengadaan has a demo bid key");
    const [sub] = await t.db
      .select()
      .from(bidSubmissions)
      .where(and(isNull(bidSubmissions.supersededAt), isNull(bidSubmissions.openResult)))
      .limit(1);
    assert.ok(sub, 'a demo bid not yet opened');
    const header = sub.header as EnvelopeHeader;
    const shares = new Map<string, Uint8Array>();
    for (const username of ['pokja1', 'pokja2']) {
      const userId = (await t.db.execute(sql`select id from users where username = ${username}`)) as unknown;
      const id = String(((userId as { rows?: { id: string }[] }).rows ?? (userId as { id: string }[]))[0]!.id);
      const [k] = await t.db.select().from(bidKeys).where(eq(bidKeys.userId, id));
      assert.ok(k, `${username} has a bid key`);
      const priv = await unlockKey(id, k.fingerprint, k.wrapped as WrappedPrivateKey, pass.get(username)!);
      shares.set(id, await openShare(header, id, priv));
    }
    const key = await reconstructKey(header, shares);
    const plain = await decryptEnvelope(await fs.readFile(sealedPath(t.dataDir, sub.storageKey)), key);
    assert.ok(Buffer.from(plain).toString('utf8').includes(MARK), 'the opened demo bid holds the marker');
  });

  test('a demo tender past its opening: 2 of 3 Pokja members opened it, a damaged bid failed and was witnessed', async () => {
    const year = new Date().toISOString().slice(0, 4);
    const [tender] = await t.db
      .select()
      .from(tenders)
      .where(eq(tenders.kode, `${year}70003`));
    assert.ok(tender, 'the opened demo tender exists');
    const subs = await t.db.select().from(bidSubmissions).where(eq(bidSubmissions.tenderId, tender.id));
    const current = subs.filter((s) => s.supersededAt === null);
    assert.equal(current.length, 3, 'three receipted bids');
    const opened = current.filter((s) => s.openResult === 'opened');
    const failed = current.filter((s) => s.openResult === 'failed');
    assert.equal(opened.length, 2, 'two bids opened');
    assert.equal(failed.length, 1, 'one bid failed to open');
    for (const s of opened) {
      const doc = await getDocument(t.db, s.openedDocumentId!);
      assert.ok(doc, 'the opened bid is stored for the Pokja');
      const plain = await text(await t.files.openVerified(doc));
      assert.ok(plain.includes(DEMO_OPENED_TEXT), 'an opened demo bid holds the opened tender text');
      assert.ok(!plain.includes(MARK), 'and not the marker of bids still sealed');
    }
    const [report] = await t.db
      .select()
      .from(bidWitnessReports)
      .where(eq(bidWitnessReports.submissionId, failed[0]!.id));
    assert.ok(report, 'the LPSE recorded the berita acara kesaksian of the failed bid');
    assert.notEqual(report.storedSha256, report.receiptSha256, 'the witness found the stored file changed');
  });
});
