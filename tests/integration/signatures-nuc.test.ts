// Real NUC test material against a real PostgreSQL (tests/support/peer-nuc.ts; skipped when absent): the CRL
// cache and its job, with the real NUC test CRL published to the simulator under the certificates' distribution
// point; and EDS sign-in with a real GOST CMS.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authSessions, users } from '@/db/schema/people';
import { crlCache } from '@/db/schema/signatures';
import { startSession } from '@/lib/auth/sign-in';
import { verifyEdsSignIn } from '@/lib/auth/eds-sign-in';
import { issueChallenge } from '@/lib/signatures/challenge';
import { loadCrlSnapshots, noteCrlDistributionPoints, refreshCrls } from '@/lib/signatures/crl-cache';
import { crlDistributionPoints, revocationOf } from '@/lib/signatures/crl-check';
import { runCrlRefresh } from '@/lib/signatures/crl-job';
import { CrlSourceSimulator } from '@/lib/signatures/crl-source';
import { fromBase64, parseCertificate, serialHex } from '@/lib/signatures/encoding';
import { loadTrustStore } from '@/lib/signatures/trust';
import { verifyCms } from '@/lib/signatures/verify';
import { freshDatabase } from '@/tests/support/db';
import { hasPeerNuc, peerBase64, peerFile, peerNucDir, peerNucSkipReason } from '@/tests/support/peer-nuc';

if (!hasPeerNuc) console.warn(peerNucSkipReason);

describe.skipIf(!hasPeerNuc)('real NUC material against PostgreSQL: the CRL cache and job, GOST sign-in', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  // The CRL was issued 2022-03-29 with nextUpdate soon after; the job runs "then" so it is not due again at once.
  const then = new Date('2022-03-30T00:00:00Z');
  const revokedPem = () => peerFile('rsa_individual_sign_revoked.pem');
  const rsaCa = () => peerFile('nca_rsa_test.pem');

  beforeAll(async () => {
    database = await freshDatabase();
    process.env.DATABASE_URL = database.url; // '@/db' (EDS sign-in) connects lazily, on first use
    process.env.EDS_TRUSTED_ROOTS = path.join(peerNucDir, 'nca_rsa_test.pem'); // read in place, never copied
  });
  afterAll(async () => {
    delete process.env.EDS_TRUSTED_ROOTS;
    await database?.drop();
  });

  it('an unknown status before the job ran; the certificate’s distribution point is remembered once', async () => {
    const before = await loadTrustStore(database.db);
    expect(before.crls).toEqual([]);
    expect(revocationOf(revokedPem(), before)).toEqual({ status: 'unknown' });
    expect(await noteCrlDistributionPoints(database.db, revokedPem())).toBeGreaterThan(0);
    await noteCrlDistributionPoints(database.db, revokedPem()); // a second signature: no second row
    const rows = await database.db.select().from(crlCache);
    expect(rows.map((r) => r.url)).toEqual(crlDistributionPoints(revokedPem()).slice(0, 3));
  });

  it('the job records a failure as a code and keeps going', async () => {
    expect(await refreshCrls(database.db, new CrlSourceSimulator(), [rsaCa()], then)).toMatchObject({ fetched: 0, failed: 1 });
    const [row] = await database.db.select().from(crlCache);
    expect(row).toMatchObject({ lastError: 'unreachable', thisUpdate: null });
  });

  it('fetches and checks the CRL; the trust store then marks the revoked certificate revoked, naming the CRL', async () => {
    const [row] = await database.db.select().from(crlCache);
    const crl = fromBase64(peerBase64('nca_rsa_test_crl.pem'));
    const source = new CrlSourceSimulator().publish(row!.url, crl);
    // A CRL whose issuer is not among the configured CAs is not taken.
    await database.db.update(crlCache).set({ fetchedAt: null }).where(eq(crlCache.url, row!.url));
    expect(await refreshCrls(database.db, source, [peerFile('nca_gost2004_test.pem')], then)).toMatchObject({ fetched: 0, failed: 1 });
    expect((await database.db.select().from(crlCache))[0]!.lastError).toBe('unknown_issuer');

    await database.db.update(crlCache).set({ fetchedAt: null }).where(eq(crlCache.url, row!.url));
    const first = await refreshCrls(database.db, source, [rsaCa()], then);
    expect(first).toMatchObject({ fetched: 1, failed: 0 });
    expect(first.newlyRevoked).toHaveLength(126); // all new to the cache: these certificates' sessions should end
    expect(await refreshCrls(database.db, source, [rsaCa()], then)).toEqual({ fetched: 0, failed: 0, newlyRevoked: [] }); // not due yet
    const [snapshot] = await loadCrlSnapshots(database.db);
    expect(snapshot).toMatchObject({ issuerName: 'ҰКО 3.0 (RSA TEST)' });
    expect(snapshot!.serials).toHaveLength(126);

    const trust = await loadTrustStore(database.db);
    expect(revocationOf(revokedPem(), trust)).toMatchObject({ status: 'revoked', source: 'crl', crlIssuer: 'ҰКО 3.0 (RSA TEST)' });
    const result = await verifyCms({
      cms: peerBase64('cms_rsa_test123.pem'),
      data: new TextEncoder().encode('test123'),
      ...trust,
      at: new Date('2021-06-01T00:00:00Z'),
    });
    expect(result.valid).toBe(true);
    expect(result.signer?.revocation).toMatchObject({ status: 'good', source: 'crl', crlIssuedAt: snapshot!.thisUpdate });
  });

  it('the job ends the sessions that certificates newly on a CRL opened, and no other session', async () => {
    const [row] = await database.db.select().from(crlCache);
    const source = new CrlSourceSimulator().publish(row!.url, fromBase64(peerBase64('nca_rsa_test_crl.pem')));
    const [person] = await database.db.insert(users).values({ iin: '123456789011', surname: 'ТЕСТОВ', givenName: 'ТЕСТ' }).returning();
    const revokedSerial = serialHex(parseCertificate(revokedPem()));
    const goodSerial = serialHex(parseCertificate(peerFile('rsa_individual_sign_2021_cms_signer.pem')));
    const onRevoked = await startSession(person!.id, 'eds', null, { certificate: revokedSerial.toUpperCase() });
    const onGood = await startSession(person!.id, 'eds', null, { certificate: goodSerial });
    // As if the CA had just published this CRL: the cached snapshot knew none of its serials.
    await database.db.update(crlCache).set({ fetchedAt: null, serials: [] }).where(eq(crlCache.url, row!.url));
    expect(await runCrlRefresh(database.db, source, [rsaCa()], then)).toMatchObject({ fetched: 1, sessionsEnded: 1 });
    const ended = await database.db.select().from(authSessions).where(eq(authSessions.id, onRevoked!.sessionId));
    expect(ended[0]).toMatchObject({ endReason: 'certificate_revoked' });
    expect(ended[0]!.endedAt).not.toBeNull();
    const kept = await database.db.select().from(authSessions).where(eq(authSessions.id, onGood!.sessionId));
    expect(kept[0]!.endedAt).toBeNull();
    // A second round lists nothing new and ends nothing.
    await database.db.update(crlCache).set({ fetchedAt: null }).where(eq(crlCache.url, row!.url));
    expect(await runCrlRefresh(database.db, source, [rsaCa()], then)).toMatchObject({ fetched: 1, newlyRevoked: [], sessionsEnded: 0 });
  });

  it('EDS sign-in with a GOST CMS is told its key type is not accepted yet, not that the signature is bad', async () => {
    const { nonce } = await issueChallenge(database.db);
    const result = await verifyEdsSignIn({ nonce, cms: peerBase64('cms_gost_only_test123_detached.pem') });
    expect(result).toEqual({ problem: 'eds_key_type_unsupported' });
  });
});
