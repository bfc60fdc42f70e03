import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import { Person } from '../components/people.tsx';
import { errorText, formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { casesOf, tasksOf } from './api.ts';

const OPEN = ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_CUSTOMER'];
const SLA_BADGE: Record<string, string> = { overdue: 'danger', 'due-soon': 'warn', 'on-track': 'ok' };

interface Vocabulary {
  categories: { code: string; name: string; nameEn: string }[];
}

/** The customer's open complaints and the open tasks about them that the viewer may see. */
export function OpenWork({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('customers');
  const { has } = useSession();
  const cases = useLoad(() => casesOf(customerId), customerId);
  const tasks = useLoad(() => tasksOf(customerId, has('supervisor')), customerId);
  const vocabulary = useLoad(() => get<Vocabulary>('/api/cases/vocabulary'), 'cases-vocabulary');
  const category = (code: string) => {
    const found = vocabulary.data?.categories.find((c) => c.code === code);
    return found ? (i18n.language === 'en' ? found.nameEn : found.name) : code;
  };
  const open = cases.data?.items.filter((c) => OPEN.includes(c.status)) ?? [];
  const closed = (cases.data?.items.length ?? 0) - open.length;
  const state = (loaded: { error: unknown; data: unknown }) =>
    loaded.error !== undefined && !loaded.data ? (
      <p className="error" role="alert">
        {errorText(loaded.error, t('error'))}
      </p>
    ) : !loaded.data ? (
      <p className="muted">{t('loading')}</p>
    ) : null;

  return (
    <div className="cu-grid">
      <section className="cu-card" aria-labelledby="cu-cases">
        <h2 id="cu-cases">{t('cases.title')}</h2>
        {state(cases) ??
          (open.length === 0 ? (
            <p className="empty-note">{t('cases.empty')}</p>
          ) : (
            <table className="cu-cases">
              <thead>
                <tr>
                  <th>{t('cases.number')}</th>
                  <th>{t('cases.category')}</th>
                  <th>{t('cases.status')}</th>
                  <th>{t('cases.due')}</th>
                  <th>{t('cases.assignee')}</th>
                </tr>
              </thead>
              <tbody>
                {open.map((c) => (
                  <tr key={c.id} data-case-id={c.id}>
                    <td>
                      <a href={href('cases', c.id)}>{c.number}</a>
                      <div className="muted">{t(`severity.${c.severity}`, { defaultValue: c.severity })}</div>
                    </td>
                    <td>{category(c.category)}</td>
                    <td>{t(`caseStatus.${c.status}`, { defaultValue: c.status })}</td>
                    <td>
                      {formatDateTime(c.slaDueAt ?? undefined, i18n.language)}
                      {c.slaState && c.slaState !== 'on-track' && (
                        <div>
                          <span className={`badge ${SLA_BADGE[c.slaState] ?? ''}`}>
                            {t(c.slaState === 'overdue' ? 'cases.overdue' : 'cases.dueSoon')}
                          </span>
                        </div>
                      )}
                    </td>
                    <td>
                      {c.assignee ? (
                        <Person username={c.assignee} />
                      ) : (
                        <span className="muted">{t('cases.unassigned')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        {closed > 0 && <p className="muted">{t('cases.closedCount', { count: closed })}</p>}
      </section>
      <section className="cu-card" aria-labelledby="cu-tasks">
        <h2 id="cu-tasks">{t('tasks.title')}</h2>
        {state(tasks) ??
          (tasks.data?.length === 0 ? (
            <p className="empty-note">{t('tasks.empty')}</p>
          ) : (
            <table className="cu-tasks">
              <thead>
                <tr>
                  <th>{t('tasks.name')}</th>
                  <th>{t('tasks.assignee')}</th>
                  <th>{t('tasks.due')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.data?.map((task) => (
                  <tr key={task.key} data-task-key={task.key}>
                    <td>
                      <a href={href('tasks', task.key)}>{task.name}</a>
                      {task.processName && <div className="muted">{task.processName}</div>}
                    </td>
                    <td>
                      {task.assignee ? (
                        <Person username={task.assignee} />
                      ) : (
                        <span className="muted">{t('tasks.unassigned')}</span>
                      )}
                    </td>
                    <td>{formatDateTime(task.dueDate ?? undefined, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </section>
    </div>
  );
}
