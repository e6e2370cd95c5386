/** The refusal codes the dealer's page words for the dealer (the buyer's page words them for the buyer). */
export const dealerRefusalCodes = [
  'vehicle_recheck_person_missing',
  'vehicle_recheck_no_passport',
  'vehicle_recheck_no_contract',
  'vehicle_unpaid_fines',
  'vehicle_no_free_plates',
  'vehicle_srts_print_refused',
] as const;
export type DealerRefusal = (typeof dealerRefusalCodes)[number] | 'other';

/**
 * Pure: the reason of a motivated refusal as the dealer reads it (`NextSteps.dealerRefusal.<key>`): the same reason
 * as the buyer's, told about the buyer ("the buyer has unpaid fines", not "you have"), and no more of the buyer's
 * data than that. An unknown or missing code is `other`.
 */
export function dealerRefusalKey(code: string | null | undefined): DealerRefusal {
  return (dealerRefusalCodes as readonly string[]).includes(code ?? '') ? (code as DealerRefusal) : 'other';
}
