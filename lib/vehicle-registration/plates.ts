// Plate rules of order 000 and SPEC §8, pure so they are tested without a database.

export type PlateTypeRule = { offeredOnline: boolean; forLegalEntity: boolean };

/** Point 2: high-demand and stored plates are never offered online; a person gets a person's plate type. */
export function plateTypeOffered(type: PlateTypeRule, owner: 'person' | 'legal'): boolean {
  return type.offeredOnline && type.forLegalEntity === (owner === 'legal');
}

/** A person's plate is `123 ABC 01`, a legal entity's `123 AB 02` (SPEC §8). */
export function plateShape(number: string): 'person' | 'legal' | null {
  if (/^\d{3} [A-Z]{3} \d{2}$/.test(number)) return 'person';
  if (/^\d{3} [A-Z]{2} \d{2}$/.test(number)) return 'legal';
  return null;
}

/** Step 17's fees: registration and SRTS always, and the chosen plate type's own fee when it has one. */
export function vehicleFeeCodes(plateFeeCode: string | null | undefined): string[] {
  return ['vehicle.registration', 'vehicle.srts', ...(plateFeeCode ? [plateFeeCode] : [])];
}
