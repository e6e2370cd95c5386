import type { Db } from '@/db/client';
import { endSessionsOfCertificates } from '@/lib/auth/sign-in';
import { refreshCrls, type CrlRefreshResult } from './crl-cache';
import type { CrlSource } from './crl-source';

/**
 * One round of the `crl-refresh` job (lib/jobs/workers.ts): the due CRLs are fetched and checked, and every session
 * opened with a certificate a CRL newly lists is ended in one transaction, as an admin's revocation ends it (issue 14).
 */
export async function runCrlRefresh(
  db: Db,
  source: CrlSource,
  caPems: readonly string[],
  now = new Date(),
): Promise<CrlRefreshResult & { sessionsEnded: number }> {
  const result = await refreshCrls(db, source, caPems, now);
  const sessionsEnded = result.newlyRevoked.length ? await db.transaction((tx) => endSessionsOfCertificates(tx, result.newlyRevoked)) : 0;
  return { ...result, sessionsEnded };
}
