import { Upload } from 'tus-js-client';
import {
  decryptEnvelope,
  type FileKind,
  fromB64,
  openVendorKey,
  parseHeader,
  reshare,
  seal,
  unlockKey,
  type WrappedPrivateKey,
} from '../crypto/sealed.ts';
import { api, apiErrorTextOf, csrfToken, say } from './common.ts';

/**
 * The vendor's bid page: sealing here (nothing readable leaves the browser), resumable upload over tus, and the
 * self-check (download what the server stored, open it with the vendor's own key, compare byte for byte).
 */
interface Params {
  tender: string;
  vendor: string | null;
  k: number;
  members: { userId: string; publicKey: string | null }[];
  vendorKey: { userId: string; publicKey: string } | null;
  upload: string;
}

const form = document.getElementById('bid-form') as HTMLFormElement | null;
const status = document.getElementById('bid-status');
const progress = document.getElementById('bid-progress') as HTMLProgressElement | null;
const tenderId = form?.dataset.tender ?? '';

function selectedFile(): File | undefined {
  return (document.getElementById('bidfile') as HTMLInputElement | null)?.files?.[0];
}

/** PDF, ZIP (and the Office formats, which are ZIP): the types the opening stores. */
async function allowedType(f: File) {
  const head = new Uint8Array(await f.slice(0, 4).arrayBuffer());
  const pdf = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46;
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  return pdf || zip;
}

/**
 * Every byte is in but no receipt came back: the completion after the last byte failed (the server busy: 503) and
 * tus-js-client's retry found the upload complete by HEAD, so it sent nothing more. An empty PATCH at the end asks the
 * server to complete it again; without a receipt the bid does not count, so the vendor must not read "diterima".
 */
async function askReceipt(url: string, size: number, csrf: string): Promise<string> {
  const res = await fetch(url, {
    method: 'PATCH',
    credentials: 'same-origin',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-offset': String(size),
      'content-type': 'application/offset+octet-stream',
      'x-csrf-token': csrf,
    },
    body: new Uint8Array(0),
  });
  const id = res.headers.get('bid-submission');
  if (res.status === 204 && id) return id;
  throw new Error(apiErrorTextOf(await res.text().catch(() => ''), `HTTP ${res.status}`));
}

function upload(blob: Blob, meta: Record<string, string>, endpoint: string, csrf: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let receipt = '';
    const up = new Upload(blob, {
      endpoint,
      metadata: meta,
      headers: { 'x-csrf-token': csrf },
      chunkSize: 4 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      storeFingerprintForResuming: false,
      onProgress: (sent, total) => {
        if (progress) progress.value = Math.round((sent / total) * 100);
        say(status, `Mengunggah ${Math.round((sent / total) * 100)}%…`);
      },
      onAfterResponse: (_req, res) => {
        const id = res.getHeader('bid-submission');
        if (id) receipt = id;
      },
      onSuccess: () => {
        if (receipt) resolve(receipt);
        else askReceipt(up.url!, blob.size, csrf).then(resolve, reject);
      },
      onError: (err) => {
        const body = (err as { originalResponse?: { getBody(): string } }).originalResponse?.getBody();
        reject(new Error(apiErrorTextOf(body, err.message)));
      },
    });
    up.start();
  });
}

async function selfCheck(submissionId: string, passphrase: string, original?: File) {
  const key = await api<{ userId: string; fingerprint: string; wrapped: WrappedPrivateKey }>(
    '/api/v1/kunci-penawaran',
    '',
  );
  const priv = await unlockKey(key.userId, key.fingerprint, key.wrapped, passphrase);
  const res = await fetch(`/penawaran/berkas/${submissionId}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const stored = new Uint8Array(await res.arrayBuffer());
  const { header } = parseHeader(stored);
  const contentKey = await openVendorKey(header, key.userId, priv);
  priv.fill(0);
  const plain = await decryptEnvelope(stored, contentKey);
  contentKey.fill(0);
  if (original) {
    const orig = new Uint8Array(await original.arrayBuffer());
    if (orig.length !== plain.length || orig.some((b, i) => b !== plain[i]))
      throw new Error('Berkas tersimpan TIDAK sama dengan berkas asli.');
    return `Pemeriksaan berhasil: berkas tersimpan terbuka dan sama byte demi byte dengan ${original.name} (${plain.length} byte).`;
  }
  return `Pemeriksaan berhasil: berkas tersimpan terbuka dan cocok dengan hash segelnya (${plain.length} byte).`;
}

form?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = selectedFile();
  const button = form.querySelector('button[type=submit], button:not([type])');
  if (!file) return say(status, 'Pilih berkas penawaran.', 'error');
  if (!(await allowedType(file))) return say(status, 'Berkas harus PDF atau ZIP.', 'error');
  button?.setAttribute('disabled', '');
  try {
    const p = await api<Params>(`/api/v1/penawaran/${tenderId}/parameter`, '');
    if (!p.vendorKey) throw new Error('Buat kunci penawaran Anda terlebih dahulu.');
    if (!p.vendor) throw new Error('Akun ini bukan penyedia.');
    const kind = (form.elements.namedItem('kind') as HTMLSelectElement).value as FileKind;
    say(status, 'Menyegel di peramban Anda…');
    const sealed = await seal({
      tender: p.tender,
      vendor: p.vendor,
      kind,
      size: file.size,
      read: async (o, l) => new Uint8Array(await file.slice(o, o + l).arrayBuffer()),
      k: p.k,
      members: p.members.map((m) => ({ userId: m.userId, publicKey: fromB64(m.publicKey ?? '') })),
      vendorKey: { userId: p.vendorKey.userId, publicKey: fromB64(p.vendorKey.publicKey) },
    });
    const blob = new Blob(sealed.parts, { type: 'application/octet-stream' });
    const id = await upload(blob, { tenderId, kind, sha256: sealed.sha256 }, p.upload, csrfToken(form));
    say(status, `Penawaran diterima. SHA-256 ${sealed.sha256}.`, 'ok');
    const pass = (document.getElementById('selfpass') as HTMLInputElement).value;
    if (id && pass) say(status, await selfCheck(id, pass, file), 'ok');
    // The submission list (with the receipt) is rendered by the server.
    setTimeout(() => window.location.reload(), pass ? 1500 : 300);
  } catch (err) {
    say(status, (err as Error).message, 'error');
  } finally {
    button?.removeAttribute('disabled');
  }
});

for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-selfcheck]')) {
  b.addEventListener('click', async () => {
    const pass = (document.getElementById('selfpass') as HTMLInputElement | null)?.value ?? '';
    if (!pass) return say(status, 'Isi frasa sandi kunci penawaran Anda untuk memeriksa.', 'error');
    try {
      say(status, 'Memeriksa…');
      say(status, await selfCheck(b.dataset.selfcheck ?? '', pass, selectedFile()), 'ok');
    } catch (err) {
      say(status, `Pemeriksaan gagal: ${(err as Error).message}`, 'error');
    }
  });
}

/** The envelope's start, up to its whole header, read from the stored bid without downloading the rest. */
async function storedHeader(submissionId: string) {
  const res = await fetch(`/penawaran/berkas/${submissionId}`, { credentials: 'same-origin' });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const reader = res.body.getReader();
  let head = new Uint8Array(0);
  for (;;) {
    try {
      return parseHeader(head).header;
    } catch {
      // Not the whole header yet: read on.
    }
    const { done, value } = await reader.read();
    if (done) return parseHeader(head).header;
    const next = new Uint8Array(head.length + value.length);
    next.set(head);
    next.set(value, head.length);
    head = next;
    if (head.length > 1024 * 1024) break;
  }
  await reader.cancel();
  return parseHeader(head).header;
}

/**
 * Re-issues a receipted bid's key shares to the tender's current officials (`resealBid` on the server): the content
 * key is opened from the vendor's own copy in the header, split afresh, and only the new header is sent.
 */
async function reseal(submissionId: string, passphrase: string, csrf: string) {
  const header = await storedHeader(submissionId);
  const key = await api<{ userId: string; fingerprint: string; wrapped: WrappedPrivateKey }>(
    '/api/v1/kunci-penawaran',
    '',
  );
  const priv = await unlockKey(key.userId, key.fingerprint, key.wrapped, passphrase);
  const contentKey = await openVendorKey(header, key.userId, priv);
  priv.fill(0);
  const p = await api<Params>(`/api/v1/penawaran/${resealForm?.dataset.tender ?? ''}/parameter`, '');
  if (!p.vendorKey) throw new Error('Buat kunci penawaran Anda terlebih dahulu.');
  const fresh = await reshare(header, contentKey, {
    k: p.k,
    members: p.members.map((m) => ({ userId: m.userId, publicKey: fromB64(m.publicKey ?? '') })),
    vendorKey: { userId: p.vendorKey.userId, publicKey: fromB64(p.vendorKey.publicKey) },
  });
  contentKey.fill(0);
  await api(`/api/v1/penawaran/segel-ulang/${submissionId}`, csrf, { header: fresh });
}

const resealForm = document.getElementById('reseal-form') as HTMLFormElement | null;
resealForm?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const button = (e as SubmitEvent).submitter as HTMLButtonElement | null;
  const out = document.getElementById('reseal-status');
  const pass = (document.getElementById('resealpass') as HTMLInputElement).value;
  if (!button?.value || !pass) return;
  button.setAttribute('disabled', '');
  try {
    say(out, resealForm.dataset.working ?? '');
    await reseal(button.value, pass, csrfToken(resealForm));
    say(out, resealForm.dataset.done ?? '', 'ok');
    setTimeout(() => window.location.reload(), 1000);
  } catch (err) {
    say(out, (err as Error).message, 'error');
    button.removeAttribute('disabled');
  }
});
