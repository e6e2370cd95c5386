// The states of SPEC §4 (orders 001/004, points 6–15) as a pure machine, with the party that may cause each event:
// the CON front-office worker (intake, p.6–9), the akimat reviewer (p.10–13) and the CON issuance desk (the hand-over
// of p.11). `received` is the intake at the front office; the worker's signature (p.6 (5), p.9) sends the
// e-application to the akimat at once, so it is `under_review` from its receipt: the order has no step in which the
// akimat takes it into work (docs/decisions.md). No event is the system's: the order has no automatic step, and an
// overdue review is a flag on the dashboard (lib/machinery/rules.ts), not a state.
import { defineMachine } from '@/lib/applications/machine';

export const machineryStates = ['received', 'under_review', 'approved', 'issued', 'refused', 'rejected_at_intake'] as const;
export type MachineryState = (typeof machineryStates)[number];

export const machineryEvents = ['biometrics_failed', 'package_incomplete', 'submit', 'approve', 'refuse', 'issue'] as const;
export type MachineryEvent = (typeof machineryEvents)[number];

export type MachineryParty = 'front_office' | 'akimat' | 'con_issuance';

/** Who may cause each event. */
export const actorOf: Record<MachineryEvent, MachineryParty> = {
  // p.7: a negative biometric check → the worker's motivated refusal; p.8: an incomplete package → refusal to accept.
  biometrics_failed: 'front_office',
  package_incomplete: 'front_office',
  // p.6 (5), p.9: the e-application signed with the worker's EDS goes to the akimat online.
  submit: 'front_office',
  // p.10 (4), p.12, p.13: the akimat approves (entering the technical passport and plate) or refuses, with EDS.
  approve: 'akimat',
  refuse: 'akimat',
  // p.11: the document and plates are handed over at the CON.
  issue: 'con_issuance',
};

export const machineryMachine = defineMachine<MachineryState, MachineryEvent, MachineryParty>({
  initial: 'received',
  actorOf,
  parties: { front_office: 'con_operator', akimat: 'akimat_reviewer', con_issuance: 'con_issuance' },
  transitions: {
    // An unpaid fee (p.6 (3)) is no event: the intake stays `received` and resumes once paid.
    received: { biometrics_failed: 'rejected_at_intake', package_incomplete: 'rejected_at_intake', submit: 'under_review' },
    under_review: { approve: 'approved', refuse: 'refused' },
    approved: { issue: 'issued' },
  },
});

/** Pure: may `party` cause `event` in `state`? */
export const mayAct = machineryMachine.mayAct;

/** States in which the akimat's one-working-day clock (p.14) runs: the dashboard's queue. */
export const awaitingDecision: readonly MachineryState[] = ['under_review'];

/** The application ended without a result for the applicant. */
export const closedStates: readonly MachineryState[] = ['refused', 'rejected_at_intake'];
