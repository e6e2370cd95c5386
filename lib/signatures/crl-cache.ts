import 'server-only';
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { crlCache } from '@/db/schema/signatures';
import { CrlError, crlDistributionPoints, crlIssuerDn, parseCrl, subjectDnOf, type CrlSnapshot } from './crl-check';
import type { CrlSource } from './crl-source';

/** At most this many distribution points are remembered per certificate (NUC certificates carry one or two). */
const MAX_POINTS = 3;
/** A CRL without nextUpdate is fetched again after this long. */
const DEFAULT_REFRESH_MS = 6 * 3600_000;

/** Remembers a certificate's CRL distribution points, so the job fetches them; idempotent. */
export async function noteCrlDistributionPoints(db: DbOrTx, certificatePem: string): Promise<number> {
  const urls = crlDistributionPoints(certificatePem).slice(0, MAX_POINTS);
  if (!urls.length) return 0;
  await db
    .insert(crlCache)
    .values(urls.map((url) => ({ url })))
    .onConflictDoNothing();
  return urls.length;
}

/** Every cached CRL that has been fetched and checked: what verifyCms gets as `crls`. */
export async function loadCrlSnapshots(db: DbOrTx): Promise<CrlSnapshot[]> {
  const rows = await db.select().from(crlCache).where(isNotNull(crlCache.thisUpdate));
  return rows.map((r) => ({
    issuerDn: r.issuerDn!,
    issuerName: r.issuerName ?? '',
    thisUpdate: r.thisUpdate!.toISOString(),
    ...(r.nextUpdate ? { nextUpdate: r.nextUpdate.toISOString() } : {}),
    serials: r.serials ?? [],
  }));
}

export type CrlRefreshResult = {
  fetched: number;
  failed: number;
  /** Serials a fetched CRL lists that its previous snapshot did not: sessions signed in with them should end. */
  newlyRevoked: string[];
};

/**
 * The CRL job: every remembered distribution point never fetched, or whose CRL is past nextUpdate (or older than
 * DEFAULT_REFRESH_MS without one), is fetched through `source`, checked against the CA among `caPems` that
 * issued it, and stored. A failure keeps the last good snapshot and records only a code.
 */
export async function refreshCrls(db: DbOrTx, source: CrlSource, caPems: readonly string[], now = new Date()): Promise<CrlRefreshResult> {
  const stale = new Date(now.getTime() - DEFAULT_REFRESH_MS);
  const due = await db
    .select({ url: crlCache.url, serials: crlCache.serials })
    .from(crlCache)
    .where(or(isNull(crlCache.fetchedAt), lt(crlCache.nextUpdate, now), and(isNull(crlCache.nextUpdate), lt(crlCache.fetchedAt, stale))));
  const cas = caPems.map((pem) => ({ pem, dn: subjectDnOf(pem) }));
  let fetched = 0;
  let failed = 0;
  const newlyRevoked: string[] = [];
  for (const { url, serials: before } of due) {
    let error: string;
    try {
      const der = await source.fetch(url).catch(() => undefined);
      const issuer = der && cas.find((c) => c.dn === crlIssuerDn(der));
      if (!der) error = 'unreachable';
      else if (!issuer) error = 'unknown_issuer';
      else {
        const snap = await parseCrl(der, issuer.pem);
        await db
          .update(crlCache)
          .set({
            issuerDn: snap.issuerDn,
            issuerName: snap.issuerName,
            thisUpdate: new Date(snap.thisUpdate),
            nextUpdate: snap.nextUpdate ? new Date(snap.nextUpdate) : null,
            serials: snap.serials,
            fetchedAt: now,
            lastError: null,
          })
          .where(eq(crlCache.url, url));
        const known = new Set(before ?? []);
        newlyRevoked.push(...snap.serials.filter((x) => !known.has(x)));
        fetched++;
        continue;
      }
    } catch (e) {
      error = e instanceof CrlError ? e.code : 'malformed';
    }
    failed++;
    await db.update(crlCache).set({ fetchedAt: now, lastError: error }).where(eq(crlCache.url, url));
  }
  return { fetched, failed, newlyRevoked };
}
