import type { VehicleState } from './machine';

/** The buyer's steps on their application page (order 000 steps 10–19). */
export const buyerSteps = ['accept', 'details', 'pay', 'sign', 'result'] as const;
export type BuyerStep = (typeof buyerSteps)[number];
export type BuyerStepState = 'done' | 'current' | 'todo';

const stepOf: Partial<Record<VehicleState, number>> = {
  awaiting_buyer: 0,
  buyer_filling: 1,
  awaiting_fines_payment: 1,
  awaiting_payment: 2,
  awaiting_buyer_signature: 3,
  processing: 4,
  ready_for_pickup: 4,
  issued: 4,
};

/**
 * The state of each buyer step in `state`, or null when the application is not on the buyer's path (before the
 * dealer's signature, or closed: refused, declined, cancelled, expired — the page says what happened instead).
 * Pure. Steps before the current one are done; "Result" is done only once there is a result (registered: ready for
 * pickup, or issued), current while the registration is processed, and to do before that (issue 15: it was ticked
 * from step 1).
 */
export function buyerStepStates(state: string): BuyerStepState[] | null {
  const step = stepOf[state as VehicleState];
  if (step === undefined) return null;
  const resultDone = state === 'ready_for_pickup' || state === 'issued';
  return buyerSteps.map((_, i) => {
    if (i === 4 && resultDone) return 'done';
    return i < step ? 'done' : i === step ? 'current' : 'todo';
  });
}
