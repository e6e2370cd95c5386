import { getTranslations } from 'next-intl/server';
import { StatusBadge, type StatusTone } from '@/components/ui';
import { doneCount, type DraftTask, type TaskStatus } from '@/lib/id-card/tasks';

const tone: Record<TaskStatus, StatusTone> = { not_started: 'neutral', done: 'success', attention: 'warning' };

/** The section id of a task on the application page (the list links to it). */
export const taskAnchor = (key: DraftTask['key']) => `task-${key}`;

/**
 * The draft as a task list (issue 15): each task a link to its section with its status in words (and its tone's
 * icon), and a note when it needs attention or has to wait.
 */
export async function TaskList({ tasks }: { tasks: readonly DraftTask[] }) {
  const t = await getTranslations('IdCardTasks');
  return (
    <section
      aria-labelledby="task-list-title"
      className="scroll-mt-4 rounded-lg border border-line bg-surface p-5 shadow-sm sm:p-6"
      data-testid="tasks"
    >
      <h2 id="task-list-title" className="mb-2 text-xl font-bold text-ink">
        {t('listTitle')}
      </h2>
      <p className="mb-1 text-ink-muted">{t('listLead')}</p>
      <p className="mb-4 font-semibold" data-testid="task-progress">
        {t('progress', { done: doneCount(tasks), total: tasks.length })}
      </p>
      <ol className="flex flex-col divide-y divide-line rounded-md border border-line" data-testid="task-list">
        {tasks.map((task, i) => (
          <li
            key={task.key}
            className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
            data-task={task.key}
          >
            <span className="flex min-w-0 flex-col">
              <a
                href={`#${taskAnchor(task.key)}`}
                className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800"
              >
                {i + 1}. {t(`tasks.${task.key}`)}
              </a>
              {task.note ? <span className="text-sm text-ink-muted">{t(`notes.${task.note}`)}</span> : null}
            </span>
            <StatusBadge tone={tone[task.status]} className="self-start sm:self-center">
              {t(`status.${task.status}`)}
            </StatusBadge>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A task's own section: its heading carries the number and status, and a link leads back to the list. */
export async function TaskSection({ task, index, children }: { task: DraftTask; index: number; children: React.ReactNode }) {
  const t = await getTranslations('IdCardTasks');
  const id = taskAnchor(task.key);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 rounded-lg border border-line bg-surface p-5 shadow-sm sm:p-6">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <h2 id={`${id}-title`} className="text-xl font-bold text-ink">
          {index + 1}. {t(`tasks.${task.key}`)}
        </h2>
        <StatusBadge tone={tone[task.status]}>{t(`status.${task.status}`)}</StatusBadge>
      </div>
      {task.status === 'attention' && task.note ? <p className="mb-4 font-semibold text-warning-800">{t(`notes.${task.note}`)}</p> : null}
      {children}
      <p className="mt-5 border-t border-line pt-4 text-sm">
        <a href="#task-list-title" className="text-brand-700 underline underline-offset-2">
          {t('backToList')}
        </a>
      </p>
    </section>
  );
}
