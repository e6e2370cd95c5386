// Pure rules of the machinery front-office intake (orders 001/004, p.6 (3)).
import type { FeeCheck } from '@/db/schema/machinery';

/** p.6 (3): what was paid against what the action's fees require, in tiyn. Only `paid` lets the intake be submitted. */
export function feeStatus(requiredTiyn: number, paidTiyn: number): FeeCheck['status'] {
  if (paidTiyn <= 0 && requiredTiyn > 0) return 'not_paid';
  return paidTiyn >= requiredTiyn ? 'paid' : 'partial';
}
