import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type FileKind, fromB64, seal } from '../crypto/sealed.ts';

/**
 * lpse-seal: the offline sealing tool (issue 11, item 4; Apendo's role, but open). It seals a file from the tender's
 * public parameters — the JSON downloaded from the bid page ("Parameter publik tender") — into exactly the envelope
 * the browser makes (same code: crypto/sealed.ts), and prints the SHA-256 to type into the plain upload form.
 *
 *   node --import tsx src/modules/bids/cli/lpse-seal.ts parameter-<kode>.json penawaran.pdf [--kind penawaran] [--out x]
 */
interface Params {
  v: 1;
  tender: string;
  vendor: string | null;
  kinds: FileKind[];
  k: number;
  members: { userId: string; publicKey: string | null; fingerprint: string | null }[];
  vendorKey: { userId: string; publicKey: string } | null;
}

export async function sealFile(paramsFile: string, input: string, kind: FileKind, out: string) {
  const p = JSON.parse(await fs.readFile(paramsFile, 'utf8')) as Params;
  if (p.v !== 1 || !p.vendor || !p.vendorKey) throw new Error('parameter file lacks the vendor or the vendor key');
  if (!p.kinds.includes(kind)) throw new Error(`kind ${kind} not in ${p.kinds.join(', ')}`);
  const missing = p.members.filter((m) => !m.publicKey);
  if (missing.length) throw new Error(`${missing.length} Pokja member(s) have no key yet`);
  const fh = await fs.open(input, 'r');
  try {
    const { size } = await fh.stat();
    const sealed = await seal({
      tender: p.tender,
      vendor: p.vendor,
      kind,
      size,
      read: async (offset, length) => {
        const buf = Buffer.alloc(length);
        await fh.read(buf, 0, length, offset);
        return new Uint8Array(buf.buffer, buf.byteOffset, length);
      },
      k: p.k,
      members: p.members.map((m) => ({ userId: m.userId, publicKey: fromB64(m.publicKey!) })),
      vendorKey: { userId: p.vendorKey.userId, publicKey: fromB64(p.vendorKey.publicKey) },
    });
    const w = await fs.open(out, 'w', 0o600);
    try {
      for (const part of sealed.parts) await w.write(part);
    } finally {
      await w.close();
    }
    return { sha256: sealed.sha256, size: sealed.size };
  } finally {
    await fh.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { kind: { type: 'string', default: 'penawaran' }, out: { type: 'string' } },
  });
  const [params, input] = positionals;
  if (!params || !input) {
    console.error(
      'pemakaian: lpse-seal <parameter.json> <berkas.pdf|zip> [--kind penawaran|file_i|file_ii] [--out keluaran]',
    );
    process.exit(64);
  }
  const out = values.out ?? `${input}.lpsebid`;
  const r = await sealFile(params, input, values.kind as FileKind, out);
  console.log(`Tersegel: ${out}\nUkuran: ${r.size} byte\nSHA-256: ${r.sha256}`);
}
