// The states of SPEC §5 (order 002) as a pure machine, with the party that may cause each event: the citizen
// (steps 1–12), the system (RP DRN, AIS SIK, payment callback, production), the UMS DP reviewer (step 18) and
// the migration officer at the registration point (step 19). `transition()` refuses an event from any other party.
import { defineMachine } from '@/lib/applications/machine';

export const idCardStates = [
  'draft',
  'submitted',
  'awaiting_payment',
  'under_review',
  'approved',
  'in_production',
  'ready_for_pickup',
  'issued',
  'annulled',
  'refused',
  'withdrawn',
  'expired',
] as const;
export type IdCardState = (typeof idCardStates)[number];

export const idCardEvents = [
  'submit',
  'rp_drn_refused',
  'duty_required',
  'exempted',
  'paid',
  'approve',
  'annul',
  'production_started',
  'produced',
  'issue',
  'withdraw',
  'recheck_failed',
  'expire',
] as const;
export type IdCardEvent = (typeof idCardEvents)[number];

export type IdCardParty = 'citizen' | 'system' | 'ums_reviewer' | 'migration_officer';

/** Who may cause each event. */
export const actorOf: Record<IdCardEvent, IdCardParty> = {
  submit: 'citizen',
  withdraw: 'citizen',
  // Step 7 again at signing (p.7): the window closed, or GBD FL / E-Sobes / ZAGS changed since the start.
  recheck_failed: 'system',
  // An untouched draft (pilot setting `draftTtlDays`): the sweep job.
  expire: 'system',
  rp_drn_refused: 'system',
  duty_required: 'system',
  exempted: 'system',
  paid: 'system',
  production_started: 'system',
  produced: 'system',
  approve: 'ums_reviewer',
  annul: 'ums_reviewer',
  issue: 'migration_officer',
};

export const idCardMachine = defineMachine<IdCardState, IdCardEvent, IdCardParty>({
  initial: 'draft',
  actorOf,
  parties: { citizen: 'citizen', system: null, ums_reviewer: 'ums_reviewer', migration_officer: 'migration_officer' },
  transitions: {
    // Step 12 signs and submits; steps 13–15: RP DRN's ticket (or refusal), then AIS SIK: exempt or pay.
    // The citizen withdraws a draft, an unpaid application (a late payment is refunded by the callback) or one
    // waiting for UMS DP (the duty is refunded); once UMS DP decided, the card is the factory's.
    draft: { submit: 'submitted', withdraw: 'withdrawn', recheck_failed: 'refused', expire: 'expired' },
    submitted: { rp_drn_refused: 'refused', duty_required: 'awaiting_payment', exempted: 'under_review' },
    awaiting_payment: { paid: 'under_review', withdraw: 'withdrawn' },
    // Step 18: approve (the order goes to production) or annul (with a reason; a refund for photo/signature).
    under_review: { approve: 'approved', annul: 'annulled', withdraw: 'withdrawn' },
    approved: { production_started: 'in_production' },
    in_production: { produced: 'ready_for_pickup' },
    // Step 19: issued in person at the chosen registration point.
    ready_for_pickup: { issue: 'issued' },
  },
});

/** Pure: may `party` cause `event` in `state`? */
export const mayAct = idCardMachine.mayAct;

/** States in which a person already has an application in progress (a second one is refused). */
export const activeStates: readonly IdCardState[] = [
  'draft',
  'submitted',
  'awaiting_payment',
  'under_review',
  'approved',
  'in_production',
  'ready_for_pickup',
];
