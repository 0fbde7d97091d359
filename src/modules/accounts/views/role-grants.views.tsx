import type { MessageKey } from '../../../locales/id.ts';
import type { Role } from '../../../platform/auth/roles.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Csrf } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { PendingRoleGrant } from '../commands/role-grants.ts';
import { approverRoleFor } from '../commands/users.ts';

const roleName = (p: PageCtx, role: string) => p.t(`role.${role}` as MessageKey);

/** Pending LPSE-unit role grants with approve/refuse buttons for the requests this person may decide. */
export function RoleGrantsView({
  p,
  requests,
  canDecide,
}: {
  p: PageCtx;
  requests: PendingRoleGrant[];
  canDecide: (r: PendingRoleGrant) => boolean;
}) {
  return (
    <Layout p={p} title={p.t('roleGrants.title')}>
      <h1>{p.t('roleGrants.title')}</h1>
      <p>{p.t('roleGrants.intro')}</p>
      {requests.length === 0 ? (
        <p class="empty">{p.t('roleGrants.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t('roleGrants.person')}</th>
                <th scope="col">{p.t('roleGrants.role')}</th>
                <th scope="col">{p.t('roleGrants.requester')}</th>
                <th scope="col">{p.t('roleGrants.requestedAt')}</th>
                <th scope="col">
                  <span class="visually-hidden">{p.t('roleGrants.approve')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.granteeName} ({r.granteeUsername})
                  </td>
                  <td>{roleName(p, r.role)}</td>
                  <td>{r.requesterName}</td>
                  <td>{formatDateTime(r.requestedAt, p.locale)}</td>
                  <td>
                    {canDecide(r) ? (
                      <>
                        <form method="post" action={`/admin/persetujuan-peran/${r.id}/setujui`} class="inline">
                          <Csrf p={p} />
                          <button type="submit" class="button">
                            {p.t('roleGrants.approve')}
                            <span class="visually-hidden"> {r.granteeName}</span>
                          </button>
                        </form>{' '}
                        <form method="post" action={`/admin/persetujuan-peran/${r.id}/tolak`} class="inline">
                          <Csrf p={p} />
                          <button type="submit" class="button secondary">
                            {p.t('roleGrants.reject')}
                            <span class="visually-hidden"> {r.granteeName}</span>
                          </button>
                        </form>
                      </>
                    ) : (
                      p.t('roleGrants.waitingFor', { approver: roleName(p, approverRoleFor(r.role as Role)) })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
