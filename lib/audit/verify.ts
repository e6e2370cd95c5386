import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { anchorAgeSeconds } from './anchor-message';
import { anchorSignatureValid } from './anchor';

export type ChainReport = {
  /** The first sealed row whose link or digest is wrong, or the first row an anchor disagrees with. */
  brokenId: number | null;
  /** Why: `chain` (a link or digest) or `anchor` (the rows were rehashed after an anchor was taken). */
  brokenBy: 'chain' | 'anchor' | null;
  checked: number;
  /** Rows written but not yet chained by the sealer. */
  unsealed: number;
  /** Sealed rows after the last anchor: chained, not yet signed. */
  afterAnchor: number;
  anchor: { at: Date; sealedUpTo: number; ageSeconds: number; signatureValid: boolean } | null;
};

type Anchor = { at: Date; sealedUpTo: number; hash: string; signature: string; signerCertPem: string };

/**
 * The admin chain check (issues 14 and 16): recomputes the sealed chain, compares every anchor with the row it
 * covers (a rewrite that rehashed every later row keeps the chain consistent but not its anchors), checks the last
 * anchor's signature, and says how many rows wait for the sealer and how old the last anchor is.
 */
export async function verifyAuditChain(db: DbOrTx, now = new Date()): Promise<ChainReport> {
  const [chain] = await db.execute<{ broken_id: string | null; checked: string; unsealed: string; last_seq: string | null }>(
    sql`select broken_id, checked, unsealed, last_seq from audit_verify_chain()`,
  );
  const [mismatch] = await db.execute<{ id: string | null; sealed_up_to: string }>(sql`
    select e.id, a.sealed_up_to from audit_anchors a left join audit_events e on e.seal_seq = a.sealed_up_to
    where e.hash is distinct from a.hash order by a.sealed_up_to limit 1`);
  const [last] = await db.execute<{ at: string; sealed_up_to: string; hash: string; signature: string; signer_cert_pem: string }>(sql`
    select at, sealed_up_to, hash, signature, signer_cert_pem from audit_anchors order by sealed_up_to desc limit 1`);
  const anchor: Anchor | null = last
    ? {
        at: new Date(last.at),
        sealedUpTo: Number(last.sealed_up_to),
        hash: last.hash,
        signature: last.signature,
        signerCertPem: last.signer_cert_pem,
      }
    : null;
  const chainBroken = chain?.broken_id ? Number(chain.broken_id) : null;
  const anchorBroken = mismatch ? Number(mismatch.id ?? mismatch.sealed_up_to) : null;
  const lastSeq = Number(chain?.last_seq ?? 0);
  return {
    brokenId: chainBroken ?? anchorBroken,
    brokenBy: chainBroken ? 'chain' : anchorBroken ? 'anchor' : null,
    checked: Number(chain?.checked ?? 0),
    unsealed: Number(chain?.unsealed ?? 0),
    afterAnchor: Math.max(0, lastSeq - (anchor?.sealedUpTo ?? 0)),
    anchor: anchor
      ? {
          at: anchor.at,
          sealedUpTo: anchor.sealedUpTo,
          ageSeconds: anchorAgeSeconds(anchor.at, now),
          signatureValid: anchorSignatureValid(anchor),
        }
      : null,
  };
}
