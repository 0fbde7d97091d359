import type { MessageKey } from '../../../locales/id.ts';
import { ROLES, type Role } from '../../../platform/auth/roles.ts';
import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { isMessageKey } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, SelectField, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { UserRow } from '../accounts.repository.ts';
import type { PendingRoleGrant } from '../commands/role-grants.ts';
import { approverRoleFor } from '../commands/users.ts';

type AgencyOption = { id: string; name: string };

function StatusTag({ p, status }: { p: PageCtx; status: UserRow['status'] }) {
  const cls = status === 'active' ? 'green' : status === 'pending' ? 'yellow' : 'red';
  return <span class={`tag ${cls}`}>{p.t(`users.status.${status}` as MessageKey)}</span>;
}

export function UsersListView({
  p,
  users,
  roles,
  search,
}: {
  p: PageCtx;
  users: UserRow[];
  roles: Map<string, { role: string; agency: string | null }[]>;
  search?: string;
}) {
  return (
    <Layout p={p} title={p.t('users.title')}>
      <h1>{p.t('users.title')}</h1>
      <p>{p.t('users.intro')}</p>
      <p>
        <a class="button" href="/admin/pengguna/baru">
          {p.t('users.add')}
        </a>
      </p>
      <form method="get" action="/admin/pengguna" class="filters">
        <div class="field">
          <label for="q">{p.t('users.search')}</label>
          <input class="input" id="q" name="q" type="search" value={search ?? ''} />
        </div>
        <div class="field">
          <button type="submit" class="button secondary">
            {p.t('form.filter')}
          </button>
        </div>
      </form>
      {users.length === 0 ? (
        <p class="empty">{p.t('users.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t('auth.name')}</th>
                <th scope="col">{p.t('auth.username')}</th>
                <th scope="col">{p.t('auth.email')}</th>
                <th scope="col">{p.t('users.rolesAndAgency')}</th>
                <th scope="col">{p.t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <a href={`/admin/pengguna/${u.id}`}>{u.name}</a>
                  </td>
                  <td>{u.username}</td>
                  <td>{u.email}</td>
                  <td>
                    {(roles.get(u.id) ?? []).length === 0 ? (
                      <span class="muted">{p.t('users.noRole')}</span>
                    ) : (
                      <ul class="plain">
                        {(roles.get(u.id) ?? []).map((r) => (
                          <li key={`${r.role}-${r.agency ?? ''}`}>
                            {isMessageKey(`role.${r.role}`) ? p.t(`role.${r.role}` as MessageKey) : r.role}
                            {r.agency ? <small> — {r.agency}</small> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <StatusTag p={p} status={u.status} />
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

function roleOptions(p: PageCtx) {
  return ROLES.map((r) => ({ value: r, label: p.t(`role.${r}` as MessageKey) }));
}

export function NewUserView({ p, state, agencies }: { p: PageCtx; state?: FormState; agencies: AgencyOption[] }) {
  return (
    <Layout p={p} title={p.t('users.add')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('users.add')}</h1>
      <form method="post" action="/admin/pengguna/baru" novalidate>
        <Csrf p={p} />
        <TextField p={p} state={state} name="name" label={p.t('auth.name')} />
        <TextField
          p={p}
          state={state}
          name="username"
          label={p.t('auth.username')}
          hint={p.t('auth.usernameHint')}
          width="medium"
        />
        <TextField p={p} state={state} name="email" type="email" label={p.t('auth.email')} />
        <TextField
          p={p}
          state={state}
          name="nip"
          label={p.t('users.nip')}
          hint={p.t('users.nipHint')}
          inputMode="numeric"
          width="medium"
          optional
        />
        <TextField p={p} state={state} name="position" label={p.t('users.position')} optional />
        <SelectField p={p} state={state} name="role" label={p.t('users.role')} options={roleOptions(p)} optional />
        <SelectField
          p={p}
          state={state}
          name="agencyId"
          label={p.t('users.agency')}
          hint={p.t('users.agencyHint')}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          optional
        />
        <div class="button-row">
          <Button>{p.t('form.save')}</Button>
          <a href="/admin/pengguna">{p.t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function UserDetailView(props: {
  p: PageCtx;
  user: UserRow;
  roles: { id: string; role: string; agencyName: string | null }[];
  pending: PendingRoleGrant[];
  agencies: AgencyOption[];
  state?: FormState;
}) {
  const { p, user } = props;
  return (
    <Layout p={p} title={user.name} hasErrors={hasErrors(props.state)}>
      <ErrorSummary p={p} state={props.state} />
      <p>
        <a href="/admin/pengguna">{p.t('form.back')}</a>
      </p>
      <h1>{user.name}</h1>
      <dl class="summary">
        <dt>{p.t('auth.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{p.t('auth.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{p.t('users.nip')}</dt>
        <dd>{user.nip ?? '—'}</dd>
        <dt>{p.t('users.position')}</dt>
        <dd>{user.position ?? '—'}</dd>
        <dt>{p.t('users.status')}</dt>
        <dd>
          <StatusTag p={p} status={user.status} />
        </dd>
      </dl>
      <h2>{p.t('users.roles')}</h2>
      {props.roles.length === 0 ? (
        <p class="empty">{p.t('users.noRoles')}</p>
      ) : (
        <ul>
          {props.roles.map((r) => (
            <li key={r.id}>
              {p.t(`role.${r.role}` as MessageKey)}
              {r.agencyName ? ` — ${r.agencyName}` : ''}{' '}
              <form method="post" action={`/admin/pengguna/${user.id}/peran/${r.id}/cabut`} class="inline">
                <Csrf p={p} />
                <button type="submit" class="link-button">
                  {p.t('users.removeRole')}
                  <span class="visually-hidden"> {p.t(`role.${r.role}` as MessageKey)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {props.pending.length > 0 && (
        <>
          <h2>{p.t('users.pendingRoles')}</h2>
          <ul>
            {props.pending.map((r) => (
              <li key={r.id}>
                {p.t('users.pendingRole', {
                  role: p.t(`role.${r.role}` as MessageKey),
                  requester: r.requesterName,
                  approver: p.t(`role.${approverRoleFor(r.role as Role)}` as MessageKey),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{p.t('users.addRole')}</h2>
      <form method="post" action={`/admin/pengguna/${user.id}/peran`} novalidate>
        <Csrf p={p} />
        <SelectField p={p} state={props.state} name="role" label={p.t('users.role')} options={roleOptions(p)} />
        <SelectField
          p={p}
          state={props.state}
          name="agencyId"
          label={p.t('users.agency')}
          hint={p.t('users.agencyHint')}
          options={props.agencies.map((a) => ({ value: a.id, label: a.name }))}
          optional
        />
        <Button>{p.t('users.addRole')}</Button>
      </form>
    </Layout>
  );
}
