import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { edsChallenges } from '@/db/schema/pki';

export const CHALLENGE_TTL_MS = 5 * 60_000;

export { challengeDocument } from './documents';

/** Expired challenges are kept a day (a replay is still told "already used"), then swept. */
const KEEP_EXPIRED_MS = 24 * 60 * 60_000;

/**
 * A one-time random challenge, valid for 5 minutes. Anyone may ask for one (sign-in comes before a session), so
 * every issue also sweeps what expired more than a day ago (an indexed range delete): the table stays small.
 */
export async function issueChallenge(db: DbOrTx, now = new Date()): Promise<{ nonce: string; expiresAt: Date }> {
  const nonce = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await db.delete(edsChallenges).where(lt(edsChallenges.expiresAt, new Date(now.getTime() - KEEP_EXPIRED_MS)));
  await db.insert(edsChallenges).values({ nonce, expiresAt, createdAt: now });
  return { nonce, expiresAt };
}

export type ChallengeProblem = 'challenge_unknown' | 'challenge_expired' | 'challenge_used';

/** Uses the challenge up atomically: of two sign-ins with the same nonce, only one gets it. */
export async function consumeChallenge(db: DbOrTx, nonce: string, now = new Date()): Promise<ChallengeProblem | null> {
  const [used] = await db
    .update(edsChallenges)
    .set({ usedAt: now })
    .where(and(eq(edsChallenges.nonce, nonce), isNull(edsChallenges.usedAt), gt(edsChallenges.expiresAt, now)))
    .returning({ id: edsChallenges.id });
  if (used) return null;
  const [row] = await db.select().from(edsChallenges).where(eq(edsChallenges.nonce, nonce));
  if (!row) return 'challenge_unknown';
  return row.usedAt ? 'challenge_used' : 'challenge_expired';
}
