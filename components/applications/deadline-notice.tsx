import { getFormatter, getTranslations } from 'next-intl/server';
import { Notice } from '@/components/ui';
import { timeLeft, type Deadline } from '@/lib/ops/deadlines';

/**
 * The one deadline an application's page states (issue 17): when it is due in Astana time, how long is left (or how
 * long ago it passed), that the machinery akimat's day is a working day, and — when the reader can act — that a
 * reminder comes a day before. Renders nothing without a deadline.
 */
export async function DeadlineNotice({ deadline, now = new Date() }: { deadline: Deadline | null; now?: Date }) {
  if (!deadline) return null;
  const [t, format] = await Promise.all([getTranslations('Deadlines'), getFormatter()]);
  const { overdue, ...left } = timeLeft(deadline.at, now);
  return (
    <Notice tone={overdue ? 'warning' : 'info'} title={t(`title.${deadline.kind}`)}>
      <p data-testid="deadline">
        <time dateTime={deadline.at.toISOString()}>{t('due', { at: format.dateTime(deadline.at, 'stamp') })}</time>
        {' · '}
        {overdue ? t('overdue', left) : t('left', left)}
      </p>
      {deadline.kind === 'machinery_decision' || deadline.kind === 'id_card_decision' ? <p>{t('workingNote')}</p> : null}
      {deadline.actionable && !overdue ? <p>{t('actionable')}</p> : null}
    </Notice>
  );
}
