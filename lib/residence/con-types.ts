// The CON path of order 003 (p.3–8): the owner checked in the operating hall, and the legal representative whose
// authority the worker checked. Owned by lib/residence/con-service.ts.

export type OwnerIncapacity = 'minor' | 'incapable';

/** A Digital-ID check of the sample captured at the desk (its SHA-256 only: no image is kept). */
export type DeskBiometrics = { passed: boolean; sampleSha256: string; checkedAt: string };

/** What the representative's authority rests on: the owner's ZAGS birth act, or the E-Sobes guardianship. */
export type ConAuthority =
  { kind: 'birth_act'; number: string; registeredOn: string } | { kind: 'guardianship'; basisKk: string; basisRu: string };

export type ConIntake = {
  serviceCentreId: number;
  /** The operating hall's ticket the visit came with (null: formed without one). */
  queueTicketId: string | null;
  /** p.6: the owner whose IIN the worker entered, and why they cannot act themselves. */
  ownerIin: string;
  ownerIncapacity: OwnerIncapacity;
  /** p.7: the representative (a parent from ZAGS, a guardian from E-Sobes), identified as any CON visitor. */
  representativeIin: string;
  representativeBasis: 'parent' | 'guardian';
  authority: ConAuthority;
  identityDocumentNumber: string;
  biometrics: DeskBiometrics;
  /** The one who registers when it is not the representative, identified the same way; null = the representative. */
  applicant: { iin: string; identityDocumentNumber: string; biometrics: DeskBiometrics } | null;
  checkedAt: string;
};

/**
 * p.8 and Astana's steps: why the desk could not provide the service (ResidenceCon.refusal.<code>). The first five
 * are warnings of the checks, on which the worker refuses (recorded in the audit trail); the Astana ones refuse an
 * application already formed (`con_refuse`).
 */
export const deskRefusalCodes = [
  'owner_not_found',
  'owner_deceased',
  'owner_not_minor_or_incapable',
  'owner_has_no_dwelling',
  'not_representative',
  'biometrics_failed',
] as const;
export type DeskRefusalCode = (typeof deskRefusalCodes)[number];
export const conRefusalCodes = [...deskRefusalCodes, 'kinship_not_found', 'no_full_time_study'] as const;
export type ConRefusalCode = (typeof conRefusalCodes)[number];
