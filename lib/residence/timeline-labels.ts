// How a residence application's timeline names its events (SPEC §6: the applicant sees each step, each owner's
// answer and each Astana decision): the message key of every event type the residence services write, found in the
// slice's namespace (Residence.events, ResidenceAstana.events, ResidenceConsent.events), and what the entry says
// beyond its title (the Astana numbers, the refusal's reason). Never a raw code: an unknown type gets a generic label.
// Pure; components/applications/application-timeline.tsx renders it, tests/unit/residence-refusals.test.ts checks
// that both languages have every key.
import { residenceEvents } from './machine';
import type { AstanaOutcome } from './astana-types';
import { refusalReasonOf, type ResidenceRefusalReason } from './refusals';

const astanaOutcomes: readonly AstanaOutcome[] = [
  'within_norm',
  'claim_needed',
  'kinship_confirmed',
  'student_confirmed',
  'kinship_not_found',
  'no_full_time_study',
];

/** Every event type a residence application's timeline can hold. */
export const residenceEventTypes = [
  'created',
  ...residenceEvents,
  // the draft's steps (citizen-service.ts)
  'residence_dwelling_chosen',
  'residence_form_saved',
  // Astana's steps (astana-step.ts ASTANA_EVENTS; also at signing)
  'astana_norm_checked',
  'astana_claim_decided',
  // each owner's answer (consent-service.ts)
  'consent_given',
  'consent_declined',
] as const;

const namespaces = ['Residence.events', 'ResidenceAstana.events', 'ResidenceConsent.events'] as const;

/** The generic label of a type no namespace knows. */
export const UNKNOWN_EVENT_KEY = 'Residence.events.other';

/** Pure: the first namespace that labels the type (`has` is next-intl's `t.has`), or the generic label. */
export function residenceEventKey(type: string, has: (key: string) => boolean): string {
  for (const ns of namespaces) if (has(`${ns}.${type}`)) return `${ns}.${type}`;
  return UNKNOWN_EVENT_KEY;
}

export type EventDetail = { key: string; values: Record<string, string | number> };

/**
 * Pure: what the entry says under its title, as message keys with their values: an Astana check its arithmetic
 * (ResidenceAstana.arithmeticReached / arithmeticFits) and its outcome, a refusal its reason
 * (Residence.refusal.<code>, whether stored as `refusalCode` or, at a CON, as `reason`). Empty when the generic
 * description (the new status, the owner's name and words) is enough.
 */
export function residenceEventDetails(type: string, data: unknown): EventDetail[] {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const details: EventDetail[] = [];
  if (type === 'astana_norm_checked' || type === 'astana_claim_decided') {
    const { totalAreaM2: area, normM2PerPerson: norm, places, registeredCount: count } = d;
    if (typeof area === 'number' && typeof norm === 'number' && typeof places === 'number' && typeof count === 'number')
      details.push({
        key: d.withinNorm ? 'ResidenceAstana.arithmeticFits' : 'ResidenceAstana.arithmeticReached',
        values: { area, norm, places, count },
      });
    if (typeof d.outcome === 'string' && astanaOutcomes.includes(d.outcome as AstanaOutcome))
      details.push({ key: `ResidenceAstana.outcome.${d.outcome}`, values: {} });
  }
  const reason = refusalCodeOf(d);
  if (reason) details.push({ key: `Residence.refusal.${reason}`, values: {} });
  return details;
}

/** Pure: the refusal reason an event's data carries as a code (never the words an owner typed), or null. */
export function refusalCodeOf(data: Record<string, unknown>): ResidenceRefusalReason | null {
  const code = typeof data.refusalCode === 'string' ? data.refusalCode : typeof data.reason === 'string' ? data.reason : null;
  return refusalReasonOf(code);
}
