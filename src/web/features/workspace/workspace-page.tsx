import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Names as LocalizedText } from '../../api/contract.ts';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import type { WorkspaceTask } from './api.ts';
import { useTasks } from './tasks-context.tsx';
import './workspace.css';

const ORDER = ['en', 'ja', 'ru', 'fr'] as const;

/** A name in the reader's language, else in the first language it has (marked with `lang`). */
function LocalText({ value }: { value: LocalizedText }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const own = value[language];
  if (own) return <>{own}</>;
  const other = ORDER.find((l) => value[l]);
  return other ? <span lang={other}>{value[other]}</span> : null;
}

/** A status code of the record, in the reader's words. */
function useStatusLabel() {
  const { t } = useTranslation();
  return (task: WorkspaceTask, status: string) => {
    if (task.kind === 'my_applications') return t(`calls.statuses.${status}`, status);
    if (task.kind === 'review_advisories') return t(`workspace.levels.${status}`, status);
    return t(`mobility.state.${status}`, status);
  };
}

function TaskCard({ task }: { task: WorkspaceTask }) {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const headingId = `task-${task.kind}`;
  const named = task.items.reduce((n, i) => n + i.count, 0);
  return (
    <li className="card workspace-card" data-testid="task" data-kind={task.kind}>
      <h2 id={headingId}>
        <Link to={task.link}>{t(`workspace.kinds.${task.kind}.title`)}</Link>{' '}
        <span className="badge workspace-count" data-testid="task-count">
          {task.count}
        </span>
      </h2>
      <p>{t(`workspace.kinds.${task.kind}.body`, { count: task.count })}</p>
      <ul className="workspace-items" aria-labelledby={headingId}>
        {task.items.map((item, i) => (
          <li key={`${item.link}-${i}`}>
            <Link to={item.link} data-testid="task-item">
              <LocalText value={item.name} />
            </Link>
            {item.count > 1 ? (
              <span className="muted"> · {t('workspace.itemCount', { count: item.count })}</span>
            ) : null}
            {item.status ? (
              <span className="muted"> · {statusLabel(task, item.status)}</span>
            ) : null}
            {item.due ? (
              <span className="muted">
                {' '}
                · {t(`workspace.kinds.${task.kind}.due`)} <FormattedDate value={item.due} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {task.count > named ? (
        <p>
          <Link to={task.link}>{t('workspace.more', { count: task.count - named })}</Link>
        </p>
      ) : null}
    </li>
  );
}

/** What waits for the signed-in person, a card per kind of task. */
export function Workspace() {
  const { t } = useTranslation();
  const tasks = useTasks();
  return (
    <section className="workspace" aria-labelledby="workspace-title">
      <h1 id="workspace-title">{t('workspace.title')}</h1>
      <p className="lead">{t('workspace.lead')}</p>
      <ResourceView
        resource={tasks}
        isEmpty={(data) => data.items.length === 0}
        empty={<p data-testid="workspace-empty">{t('workspace.empty')}</p>}
      >
        {(data) => (
          <ul className="card-grid workspace-cards" data-testid="workspace">
            {data.items.map((task) => (
              <TaskCard key={task.kind} task={task} />
            ))}
          </ul>
        )}
      </ResourceView>
    </section>
  );
}

export function WorkspacePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspace.title'));
  return <Workspace />;
}
