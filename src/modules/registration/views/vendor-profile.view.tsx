import type { MessageKey } from '../../../locales/id.ts';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { Eligibility } from '../eligibility.ts';
import { companyName, formatNpwp } from '../identifiers.ts';
import type { RegistrationRow, VendorRow } from '../registration.repository.ts';
import type { DocView } from './registrant.views.tsx';
import { StatusTag } from './registrant.views.tsx';
import { DocumentVersionsTable, EventList, type EventView } from './verification.views.tsx';

/** The vendor's own page: registered data, every document version, history and whether it may bid (R35, R36). */
export function VendorProfileView(props: {
  p: PageCtx;
  reg: RegistrationRow;
  vendor: VendorRow;
  eligibility: Eligibility;
  versions: DocView[];
  events: EventView[];
}) {
  const { p, reg, vendor, eligibility } = props;
  return (
    <Layout p={p} title={p.t('reg.profile.title')}>
      <h1>{p.t('reg.profile.title')}</h1>
      <dl class="summary">
        <dt>{p.t('reg.field.name')}</dt>
        <dd>{companyName(vendor.businessForm, vendor.name)}</dd>
        <dt>{p.t('reg.field.npwp')}</dt>
        <dd>{vendor.npwp ? formatNpwp(vendor.npwp) : '—'}</dd>
        <dt>{p.t('reg.field.nib')}</dt>
        <dd>{vendor.nib || '—'}</dd>
        <dt>{p.t('reg.field.address')}</dt>
        <dd>{[vendor.address, vendor.city, vendor.postalCode].filter(Boolean).join(', ') || '—'}</dd>
        <dt>{p.t('reg.field.picName')}</dt>
        <dd>{[vendor.picName, vendor.picPosition].filter(Boolean).join(' — ') || '—'}</dd>
        <dt>{p.t('reg.number')}</dt>
        <dd>
          {reg.number} <StatusTag p={p} status={reg.status} />
        </dd>
        <dt>{p.t('reg.profile.verifiedAt')}</dt>
        <dd>{formatDateTime(vendor.verifiedAt, p.locale)}</dd>
        <dt>{p.t('reg.eligibility.label')}</dt>
        <dd>
          {eligibility.eligible ? (
            <span class="tag green">{p.t('reg.eligibility.yes')}</span>
          ) : (
            <>
              <span class="tag red">{p.t(`reg.eligibility.${eligibility.reason}` as MessageKey)}</span>
              {eligibility.reason === 'BLACKLISTED'
                ? ` ${p.t('reg.eligibility.blacklistedUntil', { sk: eligibility.skNumber, until: formatDate(eligibility.until, p.locale) })}`
                : null}
            </>
          )}
        </dd>
      </dl>
      <section class="card" aria-labelledby="next-steps">
        <h2 id="next-steps">{p.t('reg.profile.next')}</h2>
        <ul>
          <li>
            <a href="/#pengumuman">{p.t('reg.profile.nextTenders')}</a> — {p.t('reg.profile.nextTendersHint')}
          </li>
          <li>
            {p.t('reg.profile.nextUpdate')} —{' '}
            {p.t('reg.profile.nextUpdateHint', { lpse: p.site.lpseName, email: p.site.email })}
          </li>
        </ul>
      </section>
      <h2>{p.t('reg.archive.versions')}</h2>
      <DocumentVersionsTable p={p} kind="vendor" versions={props.versions} />
      <h2>{p.t('reg.archive.history')}</h2>
      <EventList p={p} events={props.events} />
    </Layout>
  );
}
