import { type EnvelopeHeader, openShare, toB64, unlockKey, type WrappedPrivateKey } from '../crypto/sealed.ts';
import { api, csrfToken, say } from './common.ts';

/**
 * The opening, in a Pokja member's browser: the passphrase unlocks the member's private key here, the member's own
 * shares are opened here, and only those plain shares go to the server (which refuses them before the deadline).
 */
interface Material {
  key: { fingerprint: string; wrapped: WrappedPrivateKey } | null;
  bids: { id: string; header: EnvelopeHeader }[];
}

const form = document.getElementById('open-form') as HTMLFormElement | null;
const status = document.getElementById('open-status');
form?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const tender = form.dataset.tender ?? '';
  const user = form.dataset.user ?? '';
  // The file this page opens: the bid of a 1-file tender, or File I of a 2-file one (the page says which).
  const kind = form.dataset.kind ?? 'penawaran';
  const pass = (document.getElementById('openpass') as HTMLInputElement).value;
  const button = form.querySelector('button');
  button?.setAttribute('disabled', '');
  try {
    say(status, 'Membuka kunci privat Anda…');
    const m = await api<Material>(`/api/v1/penawaran/${tender}/pembukaan?kind=${encodeURIComponent(kind)}`, '');
    if (!m.key) throw new Error('Anda belum memiliki kunci penawaran.');
    const priv = await unlockKey(user, m.key.fingerprint, m.key.wrapped, pass);
    const shares: Record<string, string> = {};
    for (const b of m.bids) {
      if (b.header.shares.some((s) => s.to === user)) shares[b.id] = toB64(await openShare(b.header, user, priv));
    }
    priv.fill(0);
    const r = await api<{ members: number; needed: number; opened: boolean }>(
      `/api/v1/penawaran/${tender}/pembukaan`,
      csrfToken(form),
      { kind, shares },
    );
    say(status, r.opened ? 'Penawaran dibuka.' : `Bagian kunci diterima (${r.members} dari ${r.needed}).`, 'ok');
    window.location.reload();
  } catch (err) {
    const msg = (err as Error).message;
    say(status, /PASSPHRASE|passphrase/.test(msg) ? 'Frasa sandi salah.' : msg, 'error');
    button?.removeAttribute('disabled');
  }
});
