import type { Pilot } from '@/db/schema/reference';
import { machineStates } from '@/lib/pilots/table';

/** Every status of every pilot (SPEC §3–§6), for labels and filters: a machine's own states where it has one. */
export const pilotStatuses = machineStates satisfies Record<Pilot, readonly string[]>;

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'progress';

export function statusTone(status: string): StatusTone {
  if (['issued', 'registered', 'approved'].includes(status)) return 'success';
  if (
    [
      'refused',
      'annulled',
      'rejected_at_intake',
      'expired',
      'declined_by_buyer',
      'cancelled_by_dealer',
      'cancelled',
      'declined_by_owner',
      'withdrawn',
    ].includes(status)
  )
    return 'danger';
  if (['ready_for_pickup'].includes(status)) return 'info';
  if (['draft'].includes(status)) return 'neutral';
  if (status.startsWith('awaiting')) return 'warning';
  return 'progress';
}
