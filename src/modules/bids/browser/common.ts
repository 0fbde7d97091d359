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
  if (!res.ok) throw new Error(apiErrorText(json, `HTTP ${res.status}`));
  return json as T;
}

/** An API error body (`{ error: { code, message } }`) as the person reads it: its message and code, else `fallback`. */
export function apiErrorText(body: unknown, fallback: string): string {
  const e = (body as { error?: { code?: string; message?: string } } | null | undefined)?.error;
  return e?.message ? `${e.message} (${e.code})` : fallback;
}

/** `apiErrorText` of a body still as text (not JSON: the fallback). */
export function apiErrorTextOf(text: string | undefined, fallback: string): string {
  try {
    return apiErrorText(JSON.parse(text ?? ''), fallback);
  } catch {
    return fallback;
  }
}
