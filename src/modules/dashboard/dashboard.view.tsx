import { Layout } from '../../platform/ui/layout.tsx';
import type { PageCtx } from '../../platform/ui/page.ts';
import type { MessageKey } from '../../registry.ts';

export interface TaskLine {
  text: string;
  href: string;
}

/**
 * The signed-in person's work queue: one line per kind of waiting work, with its count and the oldest item's age.
 * It does not repeat the menu; when nothing waits, each role says what will appear here and when.
 */
export function DashboardView(props: {
  p: PageCtx;
  roles: { role: string; agencyName: string | null }[];
  tasks: TaskLine[];
  hints: string[];
}) {
  const { p, roles, tasks, hints } = props;
  return (
    <Layout p={p} title={p.t('dashboard.title')}>
      <h1>{p.t('dashboard.hello', { name: p.actor?.name ?? '' })}</h1>
      <h2>{p.t('dashboard.waiting')}</h2>
      {tasks.length > 0 ? (
        <ul class="tasks">
          {tasks.map((task) => (
            <li key={task.href}>
              <a href={task.href}>{task.text}</a>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p class="empty">{p.t('dashboard.nothingWaiting')}</p>
          {hints.map((h) => (
            <p key={h} class="hint">
              {h}
            </p>
          ))}
        </>
      )}
      <h2>{p.t('dashboard.roles')}</h2>
      {roles.length === 0 ? (
        <p class="empty">{p.t('dashboard.noRoles')}</p>
      ) : (
        <ul>
          {roles.map((r) => (
            <li key={r.role + r.agencyName}>
              {p.t(`role.${r.role}` as MessageKey)}
              {r.agencyName ? ` — ${r.agencyName}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
