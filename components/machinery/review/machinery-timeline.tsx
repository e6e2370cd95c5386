import { getFormatter, getTranslations } from 'next-intl/server';
import { Timeline, type TimelineItem } from '@/components/ui';
import type { TimelineEvent } from '@/lib/applications/timeline';

/** The machinery application's timeline in the reader's language: receipt, the intake's steps, the decision. */
export async function MachineryTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const [t, ts, format] = await Promise.all([getTranslations('MachineryReview'), getTranslations('Status'), getFormatter()]);
  const items: TimelineItem[] = events.map((e) => ({
    id: String(e.id),
    at: format.dateTime(e.at, 'stamp'),
    dateTime: e.at.toISOString(),
    tone: e.toStatus === 'refused' || e.toStatus === 'rejected_at_intake' ? 'danger' : e.toStatus === 'approved' ? 'success' : 'info',
    title: t.has(`events.${e.type}` as never) ? t(`events.${e.type}` as never) : t('events.other'),
    description: e.toStatus ? `${t('statusNow')}: ${ts(e.toStatus as never)}` : undefined,
  }));
  return <Timeline items={items} ariaLabel={t('timelineTitle')} />;
}
