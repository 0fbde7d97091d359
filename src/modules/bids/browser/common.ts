/** Small helpers shared by the module's pages (browser only). */
export function csrfToken(form: HTMLFormElement): string {
  return (form.querySelector('input[name=_csrf]') as HTMLInputElement | null)?.value ?? '';
}

export function say(el: Element | null, text: string, kind: 'info' | 'error' | 'ok' = 'info') {
  if (!el) return;
  el.textContent = text;
  el.className = kind === 'error' ? 'notice warning' : kind === 'ok' ? 'notice success' : '';
}

/** JSON API call with the CSRF header; throws the API's message (and code) on a 4xx. */
export async function api<T>(url: string, csrf: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrf }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string } }).error;
    throw new Error(e?.message ? `${e.message} (${e.code})` : `HTTP ${res.status}`);
  }
  return json as T;
}
