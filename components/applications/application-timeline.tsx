import { getFormatter, getTranslations } from 'next-intl/server';
import { Timeline, type TimelineItem } from '@/components/ui';
import type { TimelineEvent } from '@/lib/applications/timeline';

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
  // The residence owners' answers are labelled by the consent slice (ResidenceConsent.events.*).
  const consentKey = (type: string) => `ResidenceConsent.events.${type}` as never;
  const eventKey = (type: string) =>
    (pilot === 'Residence' && !tr.has(`${pilot}.events.${type}` as never) ? consentKey(type) : `${pilot}.events.${type}`) as never;
  const items: TimelineItem[] = events.map((e) => {
    const d = e.data as { step?: number; system?: string; ok?: boolean; code?: string; reason?: string; owner?: string };
    if (e.type === 'check') {
      return {
        id: String(e.id),
        at: format.dateTime(e.at, 'stamp'),
        dateTime: e.at.toISOString(),
        tone: d.ok ? 'success' : 'danger',
        title: `${tk('step', { n: d.step ?? 0 })} · ${ta(`systems.${d.system}` as never)}`,
        description: tk.has(d.code as never) ? tk(d.code as never) : d.code,
      };
    }
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
      title: tr.has(eventKey(e.type)) ? tr(eventKey(e.type)) : e.type,
      // An owner's answer names the owner (masked) and, for a refusal, the reason the applicant must know.
      description: e.toStatus
        ? `${tk('statusNow')}: ${ts(e.toStatus as never)}${d.reason ? ` — ${d.reason}` : ''}`
        : d.owner
          ? `${d.owner}${d.reason ? ` — ${d.reason}` : ''}`
          : undefined,
    };
  });
  return <Timeline items={items} ariaLabel={tk('timeline')} />;
}
