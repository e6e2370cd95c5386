// The CON path of order 003 (p.3–8): the dwelling named at reception, the owner checked in the operating hall, and
// the legal representative whose authority the worker checked. Owned by lib/residence/con-service.ts.

export type OwnerIncapacity = 'minor' | 'incapable';

export type ConIntake = {
  serviceCentreId: number;
  /** p.6: the owner whose IIN the worker entered, and why they cannot act themselves. */
  ownerIin: string;
  ownerIncapacity: OwnerIncapacity;
  /** p.7: the representative (a parent from ZAGS, a guardian from E-Sobes), identified as any CON visitor. */
  representativeIin: string;
  representativeBasis: 'parent' | 'guardian';
  /** The ZAGS birth act or the E-Sobes decision the authority rests on, as the registry words it. */
  authorityKk: string;
  authorityRu: string;
  identityDocumentNumber: string;
  checkedAt: string;
};
