import { enrolKey, toB64 } from '../crypto/sealed.ts';
import { api, csrfToken, say } from './common.ts';

/** Bid key enrolment: the key pair is generated here; only the public key and the wrapped private key are sent. */
const form = document.getElementById('enrol-form') as HTMLFormElement | null;
const status = document.getElementById('enrol-status');
form?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const p1 = (document.getElementById('pass1') as HTMLInputElement).value;
  const p2 = (document.getElementById('pass2') as HTMLInputElement).value;
  if (p1.length < 12) return say(status, 'Frasa sandi minimal 12 karakter.', 'error');
  if (p1 !== p2) return say(status, 'Kedua frasa sandi tidak sama.', 'error');
  const button = form.querySelector('button');
  button?.setAttribute('disabled', '');
  try {
    say(status, 'Membuat kunci di peramban Anda…');
    const k = await enrolKey(form.dataset.user ?? '', p1);
    const r = await api<{ fingerprint: string }>('/api/v1/kunci-penawaran', csrfToken(form), {
      publicKey: toB64(k.publicKey),
      fingerprint: k.fingerprint,
      wrapped: k.wrapped,
    });
    say(status, (form.dataset.saved ?? '{fp}').replace('{fp}', r.fingerprint), 'ok');
    window.location.reload();
  } catch (err) {
    say(status, (err as Error).message, 'error');
    button?.removeAttribute('disabled');
  }
});
