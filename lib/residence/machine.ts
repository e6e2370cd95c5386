// The states of SPEC §6 (order 003) as a pure machine, with the party that may cause each event: the applicant
// online, each owner answering a consent request, the CON operating-hall worker (p.6–8), and the system (a refusal
// decided by the registries' answers, expiry). Online: draft (dwelling, Astana's steps, the arrival form) → the
// owners' consent → ready to sign → registered. At a CON (p.7) the worker forms and signs it: draft → registered.
import { defineMachine } from '@/lib/applications/machine';

export const residenceStates = [
  'draft',
  'awaiting_owner_consent',
  'ready_to_sign',
  'registered',
  'declined_by_owner',
  'refused',
  'expired',
  'withdrawn',
] as const;
export type ResidenceState = (typeof residenceStates)[number];

export const residenceEvents = [
  'request_consent',
  'no_consent_needed',
  'all_consented',
  'owner_declined',
  'consent_expired',
  'sign',
  'refuse',
  'expire',
  'withdraw',
  'con_register',
  'con_refuse',
] as const;
export type ResidenceEvent = (typeof residenceEvents)[number];

export type ResidenceParty = 'applicant' | 'owner' | 'con_operator' | 'system';

/** Who may cause each event. */
export const actorOf: Record<ResidenceEvent, ResidenceParty> = {
  // The applicant finishes the draft: the other owners are asked, or (the applicant owns it alone) none is needed.
  request_consent: 'applicant',
  no_consent_needed: 'applicant',
  // Each owner answers in the cabinet with EDS; the last consent makes it ready, one refusal ends it.
  all_consented: 'owner',
  owner_declined: 'owner',
  // A request with no answer expires (a reminder goes out before): the sweep job.
  consent_expired: 'system',
  // The applicant checks the answers and signs with EDS; GBD FL records the address.
  sign: 'applicant',
  // Astana (p.10 steps 6–7): no kinship found, no full-time study; or the norm re-checked at signing.
  refuse: 'system',
  // An untouched draft, or a ready application never signed.
  expire: 'system',
  withdraw: 'applicant',
  // p.7: the worker forms the application for a minor or incapable owner's representative and signs it; p.8: refuses.
  con_register: 'con_operator',
  con_refuse: 'con_operator',
};

export const residenceMachine = defineMachine<ResidenceState, ResidenceEvent, ResidenceParty>({
  initial: 'draft',
  actorOf,
  parties: { applicant: 'citizen', owner: 'citizen', con_operator: 'con_operator', system: null },
  transitions: {
    draft: {
      request_consent: 'awaiting_owner_consent',
      no_consent_needed: 'ready_to_sign',
      refuse: 'refused',
      expire: 'expired',
      withdraw: 'withdrawn',
      con_register: 'registered',
      con_refuse: 'refused',
    },
    awaiting_owner_consent: {
      all_consented: 'ready_to_sign',
      owner_declined: 'declined_by_owner',
      consent_expired: 'expired',
      withdraw: 'withdrawn',
    },
    ready_to_sign: { sign: 'registered', refuse: 'refused', expire: 'expired', withdraw: 'withdrawn' },
  },
});

export const mayAct = residenceMachine.mayAct;

/** The application ended: the person may start another for the same service. */
export const closedStates: readonly ResidenceState[] = ['registered', 'declined_by_owner', 'refused', 'expired', 'withdrawn'];
