import { getFormatter, getTranslations } from 'next-intl/server';
import { Timeline, type TimelineItem } from '@/components/ui';
import type { TimelineEvent } from '@/lib/applications/timeline';
import { refusalCodeOf, residenceEventDetails, residenceEventKey } from '@/lib/residence/timeline-labels';

/** The timeline in the reader's language: each check with its result, each step, signature and decision. */
export async function ApplicationTimeline({
  events,
  pilot,
}: {
  events: readonly TimelineEvent[];
  pilot: 'Vehicle' | 'IdCard' | 'Residence';
}) {
  const [tr, tk, ts, ta, format] = await Promise.all([
    getTranslations(),
    getTranslations('Checks'),
    getTranslations('Status'),
    getTranslations('Admin'),
    getFormatter(),
  ]);
  const has = (key: string) => tr.has(key as never);
  // A residence event is labelled by its slice (Residence / ResidenceAstana / ResidenceConsent.events.*).
  const eventKey = (type: string) => (pilot === 'Residence' ? residenceEventKey(type, has) : `${pilot}.events.${type}`) as never;
  // Residence: the Astana numbers and a refusal's reason in words (a coded reason is never shown as it is).
  const detailsOf = (type: string, data: unknown) =>
    pilot === 'Residence'
      ? residenceEventDetails(type, data)
          .map((x) => tr(x.key as never, x.values as never))
          .join(' · ')
      : '';
  const items: TimelineItem[] = events.map((e) => {
    const d = e.data as { step?: number; system?: string; ok?: boolean; code?: string; reason?: string; owner?: string };
    if (e.type === 'check') {
      return {
        id: String(e.id),
        at: format.dateTime(e.at, 'stamp'),
        dateTime: e.at.toISOString(),
        tone: d.ok ? 'success' : 'danger',
        title: `${tk('step', { n: d.step ?? 0 })} · ${ta.has(`systems.${d.system}` as never) ? ta(`systems.${d.system}` as never) : tk('otherSystem')}`,
        description: d.code && tk.has(d.code as never) ? tk(d.code as never) : tk('otherResult'),
      };
    }
    // The reason an owner typed (shown as it is); a coded reason is shown in words by detailsOf.
    const words = d.reason && !(pilot === 'Residence' && refusalCodeOf(d)) ? d.reason : null;
    return {
      id: String(e.id),
      at: format.dateTime(e.at, 'stamp'),
      dateTime: e.at.toISOString(),
      tone:
        (e.toStatus &&
          ['refused', 'declined_by_buyer', 'cancelled_by_dealer', 'expired', 'declined_by_owner', 'withdrawn'].includes(e.toStatus)) ||
        e.type === 'consent_declined' ||
        e.type.startsWith('issuance_refused')
          ? 'danger'
          : 'info',
      // Never a raw code: an event type no namespace knows gets a generic label (issue 15).
      title: tr.has(eventKey(e.type)) ? tr(eventKey(e.type)) : tk('otherEvent'),
      // An owner's answer names the owner (masked) and, for a refusal, the reason the applicant must know.
      description:
        [
          e.toStatus && ts.has(e.toStatus as never) ? `${tk('statusNow')}: ${ts(e.toStatus as never)}` : d.owner,
          words,
          detailsOf(e.type, e.data),
        ]
          .filter(Boolean)
          .join(' — ') || undefined,
    };
  });
  return <Timeline items={items} ariaLabel={tk('timeline')} />;
}
