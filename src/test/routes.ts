import type { RouteEntry } from '../platform/http/access.ts';

/** A well-formed id that names nothing: reaches the handler's lookup, which must answer 404. */
export const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

/** The URL of a route with every `:param` filled with `value` (URL-encoded unless `raw`). */
export function fillParams(route: RouteEntry, value: string, raw = false): string {
  return route.url.replace(/:(\w+)/g, () => (raw ? value : encodeURIComponent(value)));
}
