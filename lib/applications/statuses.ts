import type { Pilot } from '@/db/schema/reference';

/** Every status of every pilot's state machine (SPEC §3–§6), for labels and filters before the machines exist. */
export const pilotStatuses = {
  vehicle: ['draft', 'awaiting_seller_signature', 'awaiting_buyer', 'buyer_filling', 'awaiting_payment', 'awaiting_buyer_signature',
    'processing', 'ready_for_pickup', 'issued', 'refused', 'declined_by_buyer', 'cancelled_by_dealer', 'expired'],
  machinery: ['received', 'under_review', 'approved', 'issued', 'refused', 'rejected_at_intake'],
  id_card: ['draft', 'submitted', 'awaiting_payment', 'under_review', 'approved', 'in_production', 'ready_for_pickup', 'issued', 'annulled', 'refused'],
  residence: ['draft', 'awaiting_owner_consent', 'submitted', 'registered', 'refused', 'cancelled'],
} as const satisfies Record<Pilot, readonly string[]>;

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'progress';

export function statusTone(status: string): StatusTone {
  if (['issued', 'registered', 'approved'].includes(status)) return 'success';
  if (['refused', 'annulled', 'rejected_at_intake', 'expired', 'declined_by_buyer', 'cancelled_by_dealer', 'cancelled'].includes(status)) return 'danger';
  if (['ready_for_pickup'].includes(status)) return 'info';
  if (['draft'].includes(status)) return 'neutral';
  if (status.startsWith('awaiting')) return 'warning';
  return 'progress';
}
