// Rate limits on EDS sign-in per IIN (issue 14): the IIN is known only from the verified certificate, so the N+1st
// sign-in of one person is refused after verification with the wait, and not audited one by one.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema/audit';
import { certificates, demoKeyFiles } from '@/db/schema/pki';
import { rateLimitRefusals } from '@/db/schema/rate-limits';
import type { Actor } from '@/lib/auth/actor';
import { verifyEdsSignIn } from '@/lib/auth/eds-sign-in';
import { maskIin } from '@/lib/kz/iin';
import { canonicalBytes } from '@/lib/signatures/canonical';
import { issueChallenge } from '@/lib/signatures/challenge';
import { ensureDemoPki } from '@/lib/signatures/demo-pki';
import { challengeDocument } from '@/lib/signatures/documents';
import { importPkcs12 } from '@/lib/signatures/pkcs12';
import { importPrivateKey, signDetachedCms } from '@/lib/signatures/sign';
import { freshDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let citizen: Actor;
const env = { ...process.env };

beforeAll(async () => {
  database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DEMO_MODE = '1';
  process.env.QYZMET_RATE_LIMITS = 'sign_in.iin=2/600';
  citizen = await makeUser(database.db, 'citizen');
  await ensureDemoPki(database.db);
}, 120_000);
afterAll(async () => {
  process.env = env;
  await database.drop();
});

async function signedChallenge(actor: Actor) {
  const { nonce } = await issueChallenge(database.db);
  const [key] = await database.db
    .select({ pkcs12: demoKeyFiles.pkcs12, password: demoKeyFiles.password })
    .from(demoKeyFiles)
    .innerJoin(certificates, eq(certificates.serial, demoKeyFiles.certificateSerial))
    .where(and(eq(demoKeyFiles.userId, actor.userId), eq(demoKeyFiles.purpose, 'authentication')));
  const contents = await importPkcs12(new Uint8Array(key!.pkcs12), key!.password);
  const cms = await signDetachedCms({
    data: canonicalBytes(challengeDocument(nonce)),
    certPem: contents.certPem,
    privateKey: await importPrivateKey(contents.keyPkcs8Der),
    chainPems: contents.chainPems,
  });
  return { nonce, cms };
}

describe('EDS sign-in per IIN', () => {
  it('the N+1st sign-in of one person is refused with the wait, counted, not audited as a refused sign-in', async () => {
    expect(await verifyEdsSignIn(await signedChallenge(citizen))).toMatchObject({ userId: citizen.userId });
    expect(await verifyEdsSignIn(await signedChallenge(citizen))).toMatchObject({ userId: citizen.userId });
    const refused = await verifyEdsSignIn(await signedChallenge(citizen));
    expect(refused).toEqual({ problem: expect.stringMatching(/^rate_limited:\d+$/) });
    const seconds = Number(('problem' in refused ? refused.problem : '').split(':')[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(600);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.sign_in_refused'))).toEqual([]);
    const [counter] = await database.db
      .select()
      .from(rateLimitRefusals)
      .where(eq(rateLimitRefusals.bucket, `iin:${maskIin(citizen.iin)}`));
    expect(counter).toMatchObject({ action: 'sign_in', count: 1 });
  });
});
