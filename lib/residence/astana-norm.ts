// Astana living-space norm of SPEC §6 (chapter 3, step 3) and §7.5.

/**
 * True when one more person still fits: (registeredCount + 1) × norm ≤ total area.
 * Equality fits (the maslikhat norm is "at most one person per N m²").
 * Nonsense inputs throw instead of answering: a zero norm would let anybody register.
 */
export function withinNorm(totalAreaM2: number, registeredCount: number, normM2PerPerson: number): boolean {
  if (!Number.isFinite(totalAreaM2) || totalAreaM2 < 0) throw new RangeError(`Bad area: ${totalAreaM2}`);
  if (!Number.isSafeInteger(registeredCount) || registeredCount < 0) {
    throw new RangeError(`Bad registered count: ${registeredCount}`);
  }
  if (!Number.isFinite(normM2PerPerson) || normM2PerPerson <= 0) throw new RangeError(`Bad norm: ${normM2PerPerson}`);
  return (registeredCount + 1) * normM2PerPerson <= totalAreaM2;
}
