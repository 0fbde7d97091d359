import type { FormState } from '../../../platform/http/forms.ts';
import { hasErrors } from '../../../platform/http/forms.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { HolidayRow } from '../tenders.repository.ts';
import { HOLIDAY_KINDS } from '../tenders.schema.ts';

/** /admin/hari-libur: the year's holidays with add and remove forms, and a CSV import. */
export function HolidaysView({
  p,
  year,
  rows,
  addState,
  importState,
}: {
  p: PageCtx;
  year: number;
  rows: HolidayRow[];
  addState?: FormState;
  importState?: FormState;
}) {
  const title = p.t('holidays.title', { year });
  const state = addState ?? importState;
  return (
    <Layout p={p} title={title} hasErrors={hasErrors(state)}>
      <ErrorSummary
        p={p}
        state={state}
        labels={{
          date: p.t('holidays.date'),
          name: p.t('holidays.name'),
          kind: p.t('holidays.kind'),
          source: p.t('holidays.source'),
          csv: p.t('holidays.csv'),
        }}
      />
      <h1>{title}</h1>
      <p>{p.t('holidays.intro')}</p>
      <form method="get" action="/admin/hari-libur" class="inline-form">
        <TextField
          p={p}
          name="tahun"
          label={p.t('holidays.year')}
          value={String(year)}
          width="small"
          inputMode="numeric"
        />
        <Button variant="secondary">{p.t('holidays.show')}</Button>
      </form>
      {rows.length === 0 ? (
        <p class="empty">{p.t('holidays.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t('holidays.date')}</th>
                <th scope="col">{p.t('holidays.name')}</th>
                <th scope="col">{p.t('holidays.kind')}</th>
                <th scope="col">{p.t('holidays.source')}</th>
                <th scope="col">
                  <span class="visually-hidden">{p.t('holidays.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => (
                <tr key={h.date}>
                  <td>
                    <time dateTime={h.date}>{formatDate(h.date, p.locale)}</time>
                  </td>
                  <td>{h.name}</td>
                  <td>{p.t(`holidays.kind.${h.kind}`)}</td>
                  <td>{h.source}</td>
                  <td>
                    <form method="post" action={`/admin/hari-libur/${h.date}/hapus`}>
                      <Csrf p={p} />
                      <button
                        type="submit"
                        class="button secondary"
                        aria-label={p.t('holidays.removeLabel', { date: h.date, name: h.name })}
                      >
                        {p.t('holidays.remove')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{p.t('holidays.add')}</h2>
      <form method="post" action="/admin/hari-libur" novalidate>
        <Csrf p={p} />
        <TextField p={p} state={addState} name="date" label={p.t('holidays.date')} type="date" width="medium" />
        <TextField p={p} state={addState} name="name" label={p.t('holidays.name')} />
        <SelectField
          p={p}
          state={addState}
          name="kind"
          label={p.t('holidays.kind')}
          options={HOLIDAY_KINDS.map((k) => ({ value: k, label: p.t(`holidays.kind.${k}`) }))}
        />
        <TextField
          p={p}
          state={addState}
          name="source"
          label={p.t('holidays.source')}
          hint={p.t('holidays.sourceHint')}
        />
        <Button>{p.t('holidays.add')}</Button>
      </form>
      <h2>{p.t('holidays.import')}</h2>
      <form method="post" action="/admin/hari-libur/impor" novalidate>
        <Csrf p={p} />
        <TextArea
          p={p}
          state={importState}
          name="csv"
          label={p.t('holidays.csv')}
          hint={p.t('holidays.importHint')}
          rows={8}
        />
        <TextField
          p={p}
          state={importState}
          name="source"
          label={p.t('holidays.source')}
          hint={p.t('holidays.sourceHint')}
        />
        <Button>{p.t('holidays.importButton')}</Button>
      </form>
    </Layout>
  );
}
