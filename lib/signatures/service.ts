import { randomInt } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signatures } from '@/db/schema/signatures';
import { DomainError } from '@/lib/errors';
import { canonicalBytes, canonicalJson, sha256Hex } from './canonical';
import { noteCrlDistributionPoints } from './crl-cache';
import { loadTrustStore } from './trust';
import { partyProblems, type SigningParty } from './party';
import { verifyCms } from './verify';

export { partyProblems, type PartyProblem, type SigningParty } from './party';

// No 0/O/1/I: the code is read off paper and typed in.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newVerifyCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/**
 * Verifies a document signature for a party and stores it with everything needed to re-verify it later:
 * the canonical document, its SHA-256, the CMS, the signer certificate and the report. An invalid signature is
 * refused with `signature_<first problem>` and nothing is stored.
 */
export async function recordSignature(
  tx: DbOrTx,
  input: {
    applicationId?: string | null;
    documentNumber: string;
    purpose: string;
    party: SigningParty;
    document: unknown;
    cms: string;
    at?: Date;
  },
) {
  const data = canonicalBytes(input.document);
  const trust = await loadTrustStore(tx);
  const result = await verifyCms({ cms: input.cms, data, ...trust, at: input.at, purpose: 'signing', expectedSigner: input.party });
  const problems = [...result.problems, ...partyProblems(result.signer, input.party)];
  // The person is told the first thing that is wrong (Errors.signature_<problem>); nothing is stored.
  if (problems.length || !result.signer) throw new DomainError(`signature_${problems[0] ?? 'malformed'}`);
  // A NUC certificate whose CA's CRL is not cached yet: accepted with "unknown" in the report, and its CRL
  // distribution points are remembered so the CRL job fetches them (docs/decisions.md "NUC keys and signatures").
  if (result.signer.revocation.status === 'unknown') await noteCrlDistributionPoints(tx, result.signer.certificatePem);
  const [row] = await tx
    .insert(signatures)
    .values({
      applicationId: input.applicationId ?? null,
      documentNumber: input.documentNumber,
      purpose: input.purpose,
      partyRole: input.party.role,
      signerIin: result.signer.iin!,
      signerBin: result.signer.bin ?? null,
      certificatePem: result.signer.certificatePem ?? '',
      certificateSerial: result.signer.serialNumber,
      cms: input.cms,
      document: canonicalJson(input.document),
      dataSha256: await sha256Hex(data),
      verifyCode: newVerifyCode(),
      valid: true,
      problems: [],
    })
    .returning();
  return row!;
}

type StoredSignature = typeof signatures.$inferSelect;

/** A stored signature verified again now, against today's trust store and CRL. */
async function reverify(s: StoredSignature, trust: Awaited<ReturnType<typeof loadTrustStore>>) {
  const now = await verifyCms({ cms: s.cms, data: new TextEncoder().encode(s.document), ...trust, purpose: 'signing', at: new Date() });
  return {
    id: s.id,
    documentNumber: s.documentNumber,
    verifyCode: s.verifyCode,
    partyRole: s.partyRole,
    purpose: s.purpose,
    signedAt: s.signedAt,
    dataSha256: s.dataSha256,
    document: s.document,
    signer: now.signer,
    revocation: now.signer?.revocation ?? { status: 'unknown' as const },
    validNow: now.valid,
    problems: now.problems,
  };
}

/**
 * The public verification page: a number and any one of its signatures' codes (printed on the confirmation)
 * show every signature under that number, each re-verified now.
 */
export async function verifyByCode(db: DbOrTx, documentNumber: string, code: string) {
  const [match] = await db
    .select({ id: signatures.id })
    .from(signatures)
    .where(and(eq(signatures.documentNumber, documentNumber), eq(signatures.verifyCode, code.toUpperCase())));
  if (!match) return null;
  const [rows, trust] = await Promise.all([
    db.select().from(signatures).where(eq(signatures.documentNumber, documentNumber)).orderBy(asc(signatures.signedAt)),
    loadTrustStore(db),
  ]);
  return Promise.all(rows.map((s) => reverify(s, trust)));
}

/** One of the signer's own signatures with its report now; null when it is not theirs. */
export async function signatureReport(db: DbOrTx, id: string, signerIin: string) {
  const [row] = await db
    .select()
    .from(signatures)
    .where(and(eq(signatures.id, id), eq(signatures.signerIin, signerIin)));
  return row ? reverify(row, await loadTrustStore(db)) : null;
}
