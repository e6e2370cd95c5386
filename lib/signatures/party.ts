/** Who must have signed: a person, or a legal entity's employee (then the certificate must carry that BIN). */
export type SigningParty = { role: string; iin: string; bin?: string | null };

export type PartyProblem = 'wrong_signer' | 'wrong_organisation' | 'personal_certificate_required' | 'legal_certificate_required';

/**
 * Pure: does a signer match the party (SPEC §2.3: SERIALNUMBER=IIN…, plus OU=BIN… for a legal entity)? Used by
 * the server after verification and by the browser before signing with a key file, so both say the same.
 */
export function partyProblems(signer: { iin?: string; bin?: string } | undefined, party: Omit<SigningParty, 'role'>): PartyProblem[] {
  if (!signer) return [];
  const problems: PartyProblem[] = [];
  if (signer.iin !== party.iin) problems.push('wrong_signer');
  if (party.bin) {
    if (!signer.bin) problems.push('legal_certificate_required');
    else if (signer.bin !== party.bin) problems.push('wrong_organisation');
  } else if (signer.bin) {
    problems.push('personal_certificate_required');
  }
  return problems;
}
