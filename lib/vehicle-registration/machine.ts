// The states of SPEC §3 (order 000) as a pure machine. Each event names the party that may cause it: the dealer
// (seller part, steps 1–9), the buyer (steps 10–18), the system (checks, payment callback, processing of step
// 19, expiry) and the CON issuance desk (chapter 2). `transition()` refuses an event from any other party.
import { defineMachine } from '@/lib/applications/machine';

export const vehicleStates = [
  'draft',
  'awaiting_seller_signature',
  'awaiting_buyer',
  'buyer_filling',
  'awaiting_payment',
  'awaiting_buyer_signature',
  'awaiting_fines_payment',
  'processing',
  'ready_for_pickup',
  'issued',
  'refused',
  'declined_by_buyer',
  'cancelled_by_dealer',
  'expired',
] as const;
export type VehicleState = (typeof vehicleStates)[number];

export const vehicleEvents = [
  'checks_passed',
  'reopen',
  'seller_signed',
  'buyer_accepted',
  'buyer_declined',
  'buyer_refused',
  'fines_found',
  'fines_cleared',
  'details_completed',
  'details_changed',
  'paid',
  'buyer_signed',
  'processed',
  'processing_refused',
  'issue',
  'cancel',
  'expire',
] as const;
export type VehicleEvent = (typeof vehicleEvents)[number];

export type VehicleParty = 'dealer' | 'buyer' | 'system' | 'con_issuance';

/** Who may cause each event. */
export const actorOf: Record<VehicleEvent, VehicleParty> = {
  checks_passed: 'dealer',
  reopen: 'dealer',
  seller_signed: 'dealer',
  cancel: 'dealer',
  buyer_accepted: 'buyer',
  buyer_declined: 'buyer',
  details_completed: 'buyer',
  details_changed: 'buyer',
  buyer_signed: 'buyer',
  // Step 14 again: the buyer who has paid the fines asks for the ERAP check once more.
  fines_cleared: 'buyer',
  // Steps 11–14 run for the buyer, but it is the registries' answer that refuses.
  buyer_refused: 'system',
  fines_found: 'system',
  paid: 'system',
  processed: 'system',
  processing_refused: 'system',
  expire: 'system',
  issue: 'con_issuance',
};

/** The dealer may cancel until the buyer signs; the buyer's inaction expires the application (configurable days). */
const cancellable = { cancel: 'cancelled_by_dealer', expire: 'expired' } as const;

export const vehicleMachine = defineMachine<VehicleState, VehicleEvent, VehicleParty>({
  initial: 'draft',
  actorOf,
  // The buyer acts as a citizen (the buyer's views check they are this application's buyer).
  parties: { dealer: 'dealer', buyer: 'citizen', system: null, con_issuance: 'con_issuance' },
  transitions: {
    draft: { checks_passed: 'awaiting_seller_signature', cancel: 'cancelled_by_dealer' },
    awaiting_seller_signature: { seller_signed: 'awaiting_buyer', reopen: 'draft', cancel: 'cancelled_by_dealer' },
    awaiting_buyer: { buyer_accepted: 'buyer_filling', buyer_declined: 'declined_by_buyer', ...cancellable },
    buyer_filling: {
      details_completed: 'awaiting_payment',
      buyer_refused: 'refused',
      fines_found: 'awaiting_fines_payment',
      ...cancellable,
    },
    // Step 14 "pay them and apply again": the application stays open (same VIN, same dealer signature, same expiry).
    awaiting_fines_payment: { fines_cleared: 'buyer_filling', ...cancellable },
    awaiting_payment: { paid: 'awaiting_buyer_signature', details_changed: 'buyer_filling', ...cancellable },
    awaiting_buyer_signature: { buyer_signed: 'processing', ...cancellable },
    processing: { processed: 'ready_for_pickup', processing_refused: 'refused' },
    ready_for_pickup: { issue: 'issued' },
  },
});

/** Closed without registration: the application no longer holds its VIN (a new application for it may start). */
export const closedStates: readonly VehicleState[] = ['refused', 'declined_by_buyer', 'cancelled_by_dealer', 'expired'];
export const isClosed = (s: VehicleState) => closedStates.includes(s);

/** States in which the buyer's inaction counts towards expiry, and reminders are sent. */
export const waitingForBuyer: readonly VehicleState[] = [
  'awaiting_buyer',
  'buyer_filling',
  'awaiting_fines_payment',
  'awaiting_payment',
  'awaiting_buyer_signature',
];

/** Pure: may `party` cause `event` in `state`? */
export const mayAct = vehicleMachine.mayAct;
