import type { ComponentChildren } from 'preact';

/** A filter form's values as a query string, without empty fields (`extra` overrides, e.g. the page). */
export function filterQueryOf<V extends { [K in keyof V]: string }>(
  values: V,
  extra: Record<string, string> = {},
): string {
  const entries: [string, string][] = Object.entries({ ...values, ...extra });
  return new URLSearchParams(entries.filter(([, v]) => v !== '')).toString();
}

/**
 * Previous/next links of a paged public list (plain links, no JavaScript). `last` is the last page a link may lead
 * to; `children` goes below the links (e.g. a note that the list is capped).
 */
export function Pager(props: {
  label: string;
  prevLabel: string;
  nextLabel: string;
  page: number;
  last: number;
  href: (page: number) => string;
  children?: ComponentChildren;
}) {
  return (
    <nav aria-label={props.label}>
      <ul class="button-row">
        {props.page > 1 ? (
          <li>
            <a href={props.href(props.page - 1)} rel="prev">
              {props.prevLabel}
            </a>
          </li>
        ) : null}
        {props.page < props.last ? (
          <li>
            <a href={props.href(props.page + 1)} rel="next">
              {props.nextLabel}
            </a>
          </li>
        ) : null}
      </ul>
      {props.children}
    </nav>
  );
}
