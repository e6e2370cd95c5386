// Step 18 ¶3 of order 002 (p.11 ¶3): an annulment for the photo or the signature sample lets the citizen apply again
// and pay again, the earlier duty refunded; "more checks needed" refunds nothing. Pure, for the service and the page.

export const annulReasons = ['photo', 'signature', 'more_checks'] as const;
export type AnnulReason = (typeof annulReasons)[number];

/** Only an annulment for the photo or the signature sample refunds the duty (the order's rule). */
export const annulmentRefunds = (reason: AnnulReason) => reason === 'photo' || reason === 'signature';

/**
 * What the citizen is told after an annulment: apply again with the refund, apply again (an exempt applicant paid
 * nothing, so is never told about a refund), or nothing more (more checks: the reason says what happens next).
 */
export function annulmentNotice(reason: AnnulReason, exempt: boolean): 'apply_again_refund' | 'apply_again' | 'none' {
  if (!annulmentRefunds(reason)) return 'none';
  return exempt ? 'apply_again' : 'apply_again_refund';
}
