import type { Pilot } from '@/db/schema/reference';
import type { IdCardState } from '@/lib/id-card/machine';
import type { MachineryState } from '@/lib/machinery/machine';
import type { ResidenceState } from '@/lib/residence/machine';
import type { VehicleState } from '@/lib/vehicle-registration/machine';
import { type StatusTone, statusTone } from './statuses';

/**
 * Who reads a status (issue 15: "every page says what to do next, to the right person"):
 * - `applicant`: the citizen whose application it is (the vehicle buyer once the dealer has signed);
 * - `party`: the other party of the application (the vehicle dealer);
 * - `staff`: a worker — the neutral state name of `Status.*`.
 */
export type StatusViewer = 'applicant' | 'party' | 'staff';

type Words<S extends string> = { readonly [K in S]: StatusTone };

/**
 * For each pilot and citizen-side viewer: the tone of each state's phrase (`StatusWords.<pilot>.<viewer>.<state>`
 * in messages). `warning` means "your move" (the phrase starts with "Action needed"), `progress` means someone else
 * is acting. The residence owner reads consent requests on the consent pages, not the application's status.
 */
export const statusWordTones = {
  vehicle: {
    applicant: {
      draft: 'progress',
      awaiting_seller_signature: 'progress',
      awaiting_buyer: 'warning',
      buyer_filling: 'warning',
      awaiting_payment: 'warning',
      awaiting_buyer_signature: 'warning',
      awaiting_fines_payment: 'warning',
      processing: 'progress',
      ready_for_pickup: 'warning',
      issued: 'success',
      refused: 'danger',
      declined_by_buyer: 'neutral',
      cancelled_by_dealer: 'danger',
      expired: 'danger',
    } satisfies Words<VehicleState>,
    party: {
      draft: 'warning',
      awaiting_seller_signature: 'warning',
      awaiting_buyer: 'progress',
      buyer_filling: 'progress',
      awaiting_payment: 'progress',
      awaiting_buyer_signature: 'progress',
      awaiting_fines_payment: 'progress',
      processing: 'progress',
      ready_for_pickup: 'info',
      issued: 'success',
      refused: 'danger',
      declined_by_buyer: 'danger',
      cancelled_by_dealer: 'neutral',
      expired: 'danger',
    } satisfies Words<VehicleState>,
  },
  id_card: {
    applicant: {
      draft: 'warning',
      submitted: 'progress',
      awaiting_payment: 'warning',
      under_review: 'progress',
      approved: 'success',
      in_production: 'progress',
      ready_for_pickup: 'warning',
      issued: 'success',
      annulled: 'danger',
      refused: 'danger',
      withdrawn: 'neutral',
      expired: 'neutral',
    } satisfies Words<IdCardState>,
  },
  machinery: {
    applicant: {
      received: 'progress',
      under_review: 'progress',
      approved: 'warning',
      issued: 'success',
      refused: 'danger',
      rejected_at_intake: 'danger',
    } satisfies Words<MachineryState>,
  },
  residence: {
    applicant: {
      draft: 'warning',
      awaiting_owner_consent: 'progress',
      ready_to_sign: 'warning',
      registered: 'success',
      declined_by_owner: 'danger',
      refused: 'danger',
      expired: 'danger',
      withdrawn: 'neutral',
    } satisfies Words<ResidenceState>,
  },
} as const satisfies Record<Pilot, Partial<Record<Exclude<StatusViewer, 'staff'>, Record<string, StatusTone>>>>;

export type StatusWord = {
  /** A message key, relative to the messages' root: `StatusWords.…` or, for staff, `Status.<state>`. */
  key: string;
  tone: StatusTone;
  /** The reader has something to do now. */
  action: boolean;
};

/**
 * The status phrase and tone of `state` of a `pilot` application for `viewer`. Pure. A state or viewer without
 * its own words (a staff reader, a state no machine knows) falls back to the neutral `Status.<state>`.
 */
export function statusWords(pilot: string, state: string, viewer: StatusViewer): StatusWord {
  const perPilot = (statusWordTones as Record<string, Partial<Record<string, Record<string, StatusTone>>>>)[pilot];
  const tone = viewer === 'staff' ? undefined : perPilot?.[viewer]?.[state];
  if (!tone) return { key: `Status.${state}`, tone: statusTone(state), action: false };
  return { key: `StatusWords.${pilot}.${viewer}.${state}`, tone, action: tone === 'warning' };
}
