import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { audit } from '@/lib/audit';
import { userRoles, users } from '@/db/schema/people';
import { canonicalBytes } from '@/lib/signatures/canonical';
import { consumeChallenge } from '@/lib/signatures/challenge';
import { challengeDocument } from '@/lib/signatures/documents';
import { loadTrustStore } from '@/lib/signatures/trust';
import { verifyCms } from '@/lib/signatures/verify';
import { rateLimit } from '@/lib/rate-limit';
import { getRegistries } from '@/lib/registries';

export type EdsSignInProblem =
  | 'eds_challenge_expired'
  | 'eds_challenge_used'
  | 'eds_revoked'
  | 'eds_expired'
  | 'eds_wrong_key'
  | 'eds_untrusted'
  | 'eds_bad_signature'
  | 'eds_person_unknown'
  | 'eds_account_disabled'
  /** Too many sign-ins for this person: `rate_limited:<seconds to wait>`, counted, not audited one by one. */
  | `rate_limited:${number}`
  | 'eds_key_type_unsupported';

/** The problem the person is told about; verification codes map onto a few messages they can act on. */
function problemFor(codes: string[]): EdsSignInProblem {
  if (codes.includes('unsupported_algorithm')) return 'eds_key_type_unsupported';
  if (codes.includes('revoked')) return 'eds_revoked';
  if (codes.includes('expired') || codes.includes('not_yet_valid')) return 'eds_expired';
  if (codes.includes('wrong_key_usage')) return 'eds_wrong_key';
  if (codes.includes('untrusted_chain')) return 'eds_untrusted';
  return 'eds_bad_signature';
}

/**
 * EDS sign-in: the challenge is used up first (a replay fails even with a valid signature), then the CMS over
 * the challenge must verify with an authentication certificate of a trusted, unrevoked chain. The person is the
 * IIN in the certificate; someone GBD FL knows but the portal does not yet gets a citizen account.
 */
export async function verifyEdsSignIn(input: {
  nonce: string;
  cms: string;
  ip?: string | null;
}): Promise<{ userId: string; serial: string } | { problem: EdsSignInProblem }> {
  // A refused sign-in is audited with its reason and the certificate serial: no name, no IIN (SPEC §2.8).
  const refuse = async (problem: EdsSignInProblem, certificate?: string) => {
    await audit(db, null, null, {
      action: 'auth.sign_in_refused',
      data: { method: 'eds', problem, ...(certificate ? { certificate } : {}) },
      ip: input.ip || null,
    });
    return { problem };
  };
  const challenge = await consumeChallenge(db, input.nonce);
  if (challenge) return refuse(challenge === 'challenge_used' ? 'eds_challenge_used' : 'eds_challenge_expired');
  const trust = await loadTrustStore(db);
  const result = await verifyCms({
    cms: input.cms,
    data: canonicalBytes(challengeDocument(input.nonce)),
    ...trust,
    purpose: 'authentication',
  });
  if (result.signer?.iin) {
    const limited = await rateLimit('sign_in', { ip: null, iin: result.signer.iin });
    if (!limited.ok) return { problem: `rate_limited:${limited.retryAfterSeconds}` };
  }
  if (!result.valid || !result.signer?.iin) return refuse(problemFor(result.problems), result.signer?.serialNumber);
  const iin = result.signer.iin;
  const [existing] = await db.select({ id: users.id, active: users.active }).from(users).where(eq(users.iin, iin));
  // Issue 14: an account an admin disabled signs in no more, with its own message.
  if (existing && !existing.active) return refuse('eds_account_disabled', result.signer.serialNumber);
  if (existing) return { userId: existing.id, serial: result.signer.serialNumber };
  const person = await getRegistries(db).gbdFl.findPerson(iin);
  if (!person || person.deceased) return refuse('eds_person_unknown', result.signer.serialNumber);
  const userId = await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        iin,
        surname: person.names.ru.surname,
        givenName: person.names.ru.givenName,
        patronymic: person.names.ru.patronymic ?? null,
        locale: 'kk',
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    const id = u?.id ?? (await tx.select({ id: users.id }).from(users).where(eq(users.iin, iin)))[0]!.id;
    await tx.insert(userRoles).values({ userId: id, role: 'citizen' }).onConflictDoNothing();
    return id;
  });
  return { userId, serial: result.signer.serialNumber };
}
