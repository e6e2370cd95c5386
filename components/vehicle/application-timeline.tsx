import { getFormatter, getTranslations } from 'next-intl/server';
import { Timeline, type TimelineItem } from '@/components/ui';
import type { applicationEvents } from '@/db/schema/applications';

type Event = typeof applicationEvents.$inferSelect;

/** The timeline in the reader's language: each check with its result, each step, signature and decision. */
export async function ApplicationTimeline({ events }: { events: readonly Event[] }) {
  const [t, ts, ta, format] = await Promise.all([getTranslations('Vehicle'), getTranslations('Status'), getTranslations('Admin'), getFormatter()]);
  const items: TimelineItem[] = events.map((e) => {
    const d = e.data as { step?: number; system?: string; ok?: boolean; code?: string; reason?: string };
    if (e.type === 'check') {
      return {
        id: String(e.id), at: format.dateTime(e.at, 'stamp'), dateTime: e.at.toISOString(), tone: d.ok ? 'success' : 'danger',
        title: `${t('step', { n: d.step ?? 0 })} · ${ta(`systems.${d.system}` as never)}`,
        description: t(`checks.${d.code}` as never),
      };
    }
    return {
      id: String(e.id), at: format.dateTime(e.at, 'stamp'), dateTime: e.at.toISOString(), tone: e.toStatus && ['refused', 'declined_by_buyer', 'cancelled_by_dealer', 'expired'].includes(e.toStatus) ? 'danger' : 'info',
      title: t.has(`events.${e.type}` as never) ? t(`events.${e.type}` as never) : e.type,
      description: e.toStatus ? `${t('statusNow')}: ${ts(e.toStatus as never)}${d.reason ? ` — ${d.reason}` : ''}` : undefined,
    };
  });
  return <Timeline items={items} ariaLabel={t('timeline')} />;
}
