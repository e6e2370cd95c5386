// Every reason a residence application can end without a registration (order 003, SPEC §6 states `refused`,
// `declined_by_owner`, `expired`), as stored in `residence_applications.refusal_code`: the re-checks at signing, the
// Astana claim not confirmed (p.10 (6), (7), online and at a CON), the owners' consent. Each has its text in both
// languages (Residence.refusal.<code>); tests/unit/residence-refusals.test.ts keeps it so.
import { astanaRefusalCodes } from './astana-step-rules';
import { signingRefusals } from './citizen-service-rules';
import { consentRefusalCodes } from './consent-rules';

export const residenceRefusalReasons = [...signingRefusals, ...astanaRefusalCodes, ...consentRefusalCodes] as const;
export type ResidenceRefusalReason = (typeof residenceRefusalReasons)[number];

/** Pure: the stored code as a known reason (its text is Residence.refusal.<reason>), or null for anything else. */
export function refusalReasonOf(code: string | null | undefined): ResidenceRefusalReason | null {
  return residenceRefusalReasons.find((r) => r === code) ?? null;
}
