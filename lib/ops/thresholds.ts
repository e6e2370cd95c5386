import type { Pilot } from '@/db/schema/reference';
import { QUEUES } from '@/lib/jobs';

/**
 * How long an application may stay in a state that a job (not a person) should move it out of, per pilot and state:
 * a typed constant map, reviewed with the code (docs/decisions.md, "Operations"). Each names the step that moves it
 * (the safe retry re-runs exactly that step) and the queue whose job should have done it. States a person moves
 * (a reviewer's decision, a buyer's answer) have their own deadlines and sweeps; they are not "stuck".
 */
export const stuckSteps = ['vehicle_step19', 'rp_drn_ticket', 'id_card_production_order', 'id_card_production_poll'] as const;
export type StuckStep = (typeof stuckSteps)[number];

export type StuckThreshold = { pilot: Pilot; status: string; minutes: number; step: StuckStep; queue: string };

export const stuckThresholds: readonly StuckThreshold[] = [
  // Step 19 runs right after the buyer's signature; the SRTS print takes SRTS_PRINT_SECONDS (minutes at most).
  { pilot: 'vehicle', status: 'processing', minutes: 15, step: 'vehicle_step19', queue: QUEUES.vehicleProcess },
  // Steps 13–15 run at signing; an RP DRN outage leaves it to the minute sweep.
  { pilot: 'id_card', status: 'submitted', minutes: 10, step: 'rp_drn_ticket', queue: QUEUES.idCardSweep },
  // Step 18: the production order goes out at approval, or with the next minute sweep.
  { pilot: 'id_card', status: 'approved', minutes: 10, step: 'id_card_production_order', queue: QUEUES.idCardSweep },
  // RP DRN's factory makes a card in well under a day (the simulator: 30 s); the sweep asks every minute.
  { pilot: 'id_card', status: 'in_production', minutes: 24 * 60, step: 'id_card_production_poll', queue: QUEUES.idCardSweep },
];

/** An outbox row not delivered this long after it was written is stuck (the worker delivers within seconds). */
export const OUTBOX_STUCK_MINUTES = 10;

/** The threshold for an application's pilot and state, or null when no job moves it (nothing can be stuck there). */
export function thresholdFor(pilot: string, status: string): StuckThreshold | null {
  return stuckThresholds.find((t) => t.pilot === pilot && t.status === status) ?? null;
}

/** Pure: has an application in `status` since `since` stayed longer than its state should take? */
export function isStuck(pilot: string, status: string, since: Date, now: Date): boolean {
  const t = thresholdFor(pilot, status);
  return !!t && now.getTime() - since.getTime() > t.minutes * 60_000;
}

/** Pure: is an outbox row a dead letter (the worker gave up) or overdue? */
export function outboxState(row: { processedAt: Date | null; attempts: number; createdAt: Date }, now: Date, maxAttempts: number) {
  if (row.processedAt) return 'delivered' as const;
  if (row.attempts >= maxAttempts) return 'dead' as const;
  if (now.getTime() - row.createdAt.getTime() > OUTBOX_STUCK_MINUTES * 60_000) return 'overdue' as const;
  return 'pending' as const;
}
