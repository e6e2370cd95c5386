// What each pilot's figures count (docs/decisions.md "Pilot monitoring"): the first time an application reaches one
// of these states on its timeline. Pure data over the pilots' machines, so a renamed state fails the type check.
import { pilots, type Pilot } from '@/db/schema/reference';
import type { IdCardState } from '@/lib/id-card/machine';
import type { MachineryState } from '@/lib/machinery/machine';
import type { ResidenceState } from '@/lib/residence/machine';
import type { VehicleState } from '@/lib/vehicle-registration/machine';

export type PilotFigures<S extends string> = {
  /** The main path through the machine, in order: the funnel's stages. */
  path: readonly S[];
  /** Handed over by the applicant: the clock of "time to decision" starts at the first of these. */
  submitted: readonly S[];
  /** The competent body's answer, either way. */
  decided: readonly S[];
  /** The result in the applicant's hands (residence: the registration itself). */
  issued: readonly S[];
  /** Ended by a refusal with a reason (declines, withdrawals and expiries are drop-outs, not refusals). */
  refused: readonly S[];
  /** Waiting for a reviewer whose deadline can pass (`applications.deadline_at`). */
  awaitingDecision: readonly S[];
  /** The two channels or payment kinds the issue asks to compare, when the pilot has them. */
  segments: readonly string[];
};

const vehicle: PilotFigures<VehicleState> = {
  path: [
    'draft',
    'awaiting_seller_signature',
    'awaiting_buyer',
    'buyer_filling',
    'awaiting_payment',
    'awaiting_buyer_signature',
    'processing',
    'ready_for_pickup',
    'issued',
  ],
  submitted: ['processing'],
  decided: ['ready_for_pickup', 'refused'],
  issued: ['issued'],
  refused: ['refused'],
  awaitingDecision: [],
  segments: [],
};

const idCard: PilotFigures<IdCardState> = {
  path: ['draft', 'submitted', 'under_review', 'approved', 'in_production', 'ready_for_pickup', 'issued'],
  submitted: ['submitted'],
  decided: ['approved', 'annulled', 'refused'],
  issued: ['issued'],
  refused: ['annulled', 'refused'],
  awaitingDecision: ['under_review'],
  segments: ['exempt', 'paying'],
};

const residence: PilotFigures<ResidenceState> = {
  path: ['draft', 'ready_to_sign', 'registered'],
  // A CON registration (p.7) is formed and decided in one step: it is submitted when it is registered.
  submitted: ['awaiting_owner_consent', 'ready_to_sign', 'registered'],
  decided: ['registered', 'refused'],
  issued: ['registered'],
  refused: ['refused'],
  awaitingDecision: [],
  segments: ['online', 'con'],
};

const machinery: PilotFigures<MachineryState> = {
  path: ['received', 'under_review', 'approved', 'issued'],
  submitted: ['under_review'],
  decided: ['approved', 'refused', 'rejected_at_intake'],
  issued: ['issued'],
  refused: ['refused', 'rejected_at_intake'],
  awaitingDecision: ['under_review'],
  segments: ['online', 'con'],
};

export const pilotFigures: Record<Pilot, PilotFigures<string>> = { vehicle, id_card: idCard, residence, machinery };

/** The pilots in the order the supervisor's page lists them. */
export const monitoredPilots = pilots;
