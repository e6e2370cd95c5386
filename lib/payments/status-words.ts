import type { PaymentStatus } from '@/db/schema/payments';

/** What happened to a payment, in the payer's terms (issue 15: a payer's cancel is not "rejected"). */
export type PaymentWord = 'pending' | 'paid' | 'cancelled' | 'declined' | 'expired' | 'refunded' | 'superseded';

/**
 * Pure: a payment's word from its status and, for a declined payment, the gateway's outcome (payment_callbacks):
 * `cancelled` by the payer, `declined` by the bank, `expired` invoice. A declined payment without a known outcome
 * (an older row) is the bank's decline.
 */
export function paymentWord(status: PaymentStatus, failedOutcome: string | null | undefined): PaymentWord {
  if (status !== 'declined') return status;
  return failedOutcome === 'cancelled' || failedOutcome === 'expired' ? failedOutcome : 'declined';
}

/** The badge tone of each word: a payer's own cancel is neutral, not an error. */
export const paymentWordTone = {
  pending: 'warning',
  paid: 'success',
  cancelled: 'neutral',
  declined: 'danger',
  expired: 'neutral',
  refunded: 'info',
  superseded: 'neutral',
} as const satisfies Record<PaymentWord, string>;

/** Can the payer simply pay again? (Every failure leaves the application waiting for a new payment.) */
export function mayPayAgain(word: PaymentWord): boolean {
  return word === 'cancelled' || word === 'declined' || word === 'expired' || word === 'superseded';
}
