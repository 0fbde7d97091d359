import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * The browser code of this module (TypeScript in `browser/`), bundled by esbuild on first request and kept in memory:
 * no CDN, no build step, same origin, so the CSP stays `script-src 'self'` (no inline script, no eval, no wasm).
 */
export const ENTRIES = ['enrol', 'bid', 'open'] as const;
export type Entry = (typeof ENTRIES)[number];

let built: Promise<Map<Entry, { code: string; etag: string }>> | undefined;

export function bundle(name: Entry) {
  built ??= (async () => {
    const esbuild = await import('esbuild');
    const out = new Map<Entry, { code: string; etag: string }>();
    for (const e of ENTRIES) {
      const r = await esbuild.build({
        entryPoints: [fileURLToPath(new URL(`./browser/${e}.ts`, import.meta.url))],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        logLevel: 'silent',
      });
      const code = r.outputFiles[0]!.text;
      out.set(e, { code, etag: `"${createHash('sha256').update(code).digest('hex').slice(0, 16)}"` });
    }
    return out;
  })();
  built.catch(() => {
    built = undefined;
  });
  return built.then((m) => m.get(name)!);
}
