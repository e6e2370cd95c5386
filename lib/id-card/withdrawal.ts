// What a citizen's withdrawal of an ID-card renewal sets off (pure; the service does it). The machine says from
// which states it is allowed: a draft, an application waiting for the duty, one waiting for UMS DP's decision.
import type { IdCardState } from './machine';

export type WithdrawalEffects = {
  /** RP DRN registered the signed request (step 13): its ticket is cancelled, so nothing is made from it. */
  cancelTicket: boolean;
  /** The duty was paid (the application reached UMS DP without an exemption): it is refunded, as on annulment. */
  refund: boolean;
};

export function withdrawalEffects(status: IdCardState, card: { ticket: string | null; exempt: boolean }): WithdrawalEffects {
  return {
    cancelTicket: status !== 'draft' && !!card.ticket,
    refund: status === 'under_review' && !card.exempt,
  };
}
