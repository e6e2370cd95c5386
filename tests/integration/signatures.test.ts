// EDS against a real PostgreSQL (SPEC §2.3): the demo PKI, one-time sign-in challenges, EDS sign-in, stored
// document signatures with their public re-verification, the CRL, and the "check my EDS" statement.
import { and, eq } from 'drizzle-orm';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema/audit';
import { certificates, demoKeyFiles, demoPkiAuthorities, edsChallenges } from '@/db/schema/pki';
import * as r from '@/db/schema/registry';
import { revokedCertificates, signatures } from '@/db/schema/signatures';
import type { Actor } from '@/lib/auth/actor';
import { verifyEdsSignIn } from '@/lib/auth/eds-sign-in';
import { canonicalBytes } from '@/lib/signatures/canonical';
import { consumeChallenge, issueChallenge } from '@/lib/signatures/challenge';
import { ensureDemoPki } from '@/lib/signatures/demo-pki';
import { challengeDocument } from '@/lib/signatures/documents';
import { edsCheckDocument } from '@/lib/signatures/eds-check';
import { signEdsCheck, signerName } from '@/lib/signatures/eds-check-service';
import { cryptoEngine, parseCertificate, toHex } from '@/lib/signatures/encoding';
import { importPkcs12 } from '@/lib/signatures/pkcs12';
import { demoCrl, demoKeyFileOf } from '@/lib/signatures/queries';
import { recordSignature, signatureReport, verifyByCode } from '@/lib/signatures/service';
import { importPrivateKey, signDetachedCms } from '@/lib/signatures/sign';
import { freshDatabase } from '@/tests/support/db';
import { makeScopes, makeUser } from '@/tests/support/factories';

const DEALER_BIN = '150440001236';
let database: Awaited<ReturnType<typeof freshDatabase>>;
let citizen: Actor;
let dealer: Actor;
let reviewer: Actor;
let revokedDealer: Actor; // a second employee of the same dealer, whose key the revocation test revokes

beforeAll(async () => {
  database = await freshDatabase();
  process.env.DATABASE_URL = database.appUrl; // '@/db' (used by EDS sign-in) connects lazily, on first use
  process.env.DEMO_MODE = '1'; // the demo PKI's root is trusted only in demo mode
  await database.db
    .insert(r.businesses)
    .values({ bin: DEALER_BIN, nameKk: 'Тест Авто', nameRu: 'Тест Авто', okeds: ['45.11'], directorIin: '900101300126', regionCode: '01' });
  await makeScopes(database.db);
  citizen = await makeUser(database.db, 'citizen');
  dealer = await makeUser(database.db, 'dealer', { dealerBin: DEALER_BIN });
  revokedDealer = await makeUser(database.db, 'dealer', { dealerBin: DEALER_BIN });
  reviewer = await makeUser(database.db, 'ums_reviewer', { regionCode: '01' });
  await ensureDemoPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

/** Signs `document` with one of the person's demo key files, as the browser does. */
async function signAs(actor: Actor, purpose: 'signing' | 'authentication', document: unknown, opts: { legal?: boolean } = {}) {
  const rows = await database.db
    .select({ pkcs12: demoKeyFiles.pkcs12, password: demoKeyFiles.password, bin: certificates.bin, serial: certificates.serial })
    .from(demoKeyFiles)
    .innerJoin(certificates, eq(certificates.serial, demoKeyFiles.certificateSerial))
    .where(and(eq(demoKeyFiles.userId, actor.userId), eq(demoKeyFiles.purpose, purpose)));
  const key = rows.find((k) => (opts.legal ? k.bin !== null : k.bin === null))!;
  const contents = await importPkcs12(new Uint8Array(key.pkcs12), key.password);
  const cms = await signDetachedCms({
    data: canonicalBytes(document),
    certPem: contents.certPem,
    privateKey: await importPrivateKey(contents.keyPkcs8Der),
    chainPems: contents.chainPems,
  });
  return { cms, serial: key.serial };
}

describe('demo PKI', () => {
  it('gives every person a signing and an authentication key, and a dealer employee a legal-entity pair too', async () => {
    const count = async (a: Actor) =>
      (await database.db.select().from(certificates).where(eq(certificates.userId, a.userId)))
        .map((c) => `${c.purpose}:${c.bin ?? '-'}`)
        .sort();
    expect(await count(citizen)).toEqual(['authentication:-', 'signing:-']);
    expect(await count(dealer)).toEqual(['authentication:-', `authentication:${DEALER_BIN}`, 'signing:-', `signing:${DEALER_BIN}`].sort());
  });

  it('is idempotent: a second run issues nothing', async () => {
    expect(await ensureDemoPki(database.db)).toEqual({ issued: 0 });
  });
});

describe('one-time sign-in challenges', () => {
  it('can be used once; a second use, an unknown and an expired one are refused', async () => {
    const { db } = database;
    const c = await issueChallenge(db);
    expect(await consumeChallenge(db, c.nonce)).toBeNull();
    expect(await consumeChallenge(db, c.nonce)).toBe('challenge_used');
    expect(await consumeChallenge(db, 'no-such-nonce-0123456789')).toBe('challenge_unknown');
    const old = await issueChallenge(db, new Date(Date.now() - 6 * 60_000));
    expect(await consumeChallenge(db, old.nonce)).toBe('challenge_expired');
  });

  it('of two concurrent uses of one challenge exactly one wins', async () => {
    const c = await issueChallenge(database.db);
    const results = await Promise.all([consumeChallenge(database.db, c.nonce), consumeChallenge(database.db, c.nonce)]);
    expect(results.filter((x) => x === null)).toHaveLength(1);
  });

  it('sweeps challenges that expired more than a day ago', async () => {
    const stale = await issueChallenge(database.db, new Date(Date.now() - 2 * 24 * 3600_000));
    await issueChallenge(database.db);
    expect(await database.db.select().from(edsChallenges).where(eq(edsChallenges.nonce, stale.nonce))).toEqual([]);
  });
});

describe('EDS sign-in', () => {
  it('signs in the person named by the authentication certificate; a replay is refused', async () => {
    const { nonce } = await issueChallenge(database.db);
    const { cms } = await signAs(citizen, 'authentication', challengeDocument(nonce));
    expect(await verifyEdsSignIn({ nonce, cms })).toMatchObject({ userId: citizen.userId });
    expect(await verifyEdsSignIn({ nonce, cms })).toEqual({ problem: 'eds_challenge_used' });
  });

  it('refuses a signing key, a signature over another challenge and a revoked certificate, and audits each without personal data', async () => {
    const first = await issueChallenge(database.db);
    const signing = await signAs(reviewer, 'signing', challengeDocument(first.nonce));
    expect(await verifyEdsSignIn({ nonce: first.nonce, cms: signing.cms, ip: '127.0.0.9' })).toEqual({ problem: 'eds_wrong_key' });

    const second = await issueChallenge(database.db);
    const other = await signAs(reviewer, 'authentication', challengeDocument('some-other-nonce'));
    expect(await verifyEdsSignIn({ nonce: second.nonce, cms: other.cms, ip: '127.0.0.9' })).toEqual({ problem: 'eds_bad_signature' });

    const third = await issueChallenge(database.db);
    const auth = await signAs(reviewer, 'authentication', challengeDocument(third.nonce));
    await database.db.insert(revokedCertificates).values({ serial: auth.serial, reason: 'keyCompromise' });
    expect(await verifyEdsSignIn({ nonce: third.nonce, cms: auth.cms, ip: '127.0.0.9' })).toEqual({ problem: 'eds_revoked' });

    const refused = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.sign_in_refused'), eq(auditEvents.ip, '127.0.0.9')));
    expect(refused.map((e) => (e.data as { problem: string }).problem).sort()).toEqual([
      'eds_bad_signature',
      'eds_revoked',
      'eds_wrong_key',
    ]);
    expect(JSON.stringify(refused)).not.toContain(reviewer.iin);
  });
});

describe('document signatures', () => {
  const document = { number: 'VR-2026-000777', vin: 'KMHJ381A5TU201001', buyer: 'Тестов Тест' };

  it('stores a verified signature and re-verifies it on the public page by number and code; revocation shows there', async () => {
    const { cms, serial } = await signAs(revokedDealer, 'signing', document, { legal: true });
    const row = await recordSignature(database.db, {
      documentNumber: document.number,
      purpose: 'test',
      party: { role: 'dealer', iin: revokedDealer.iin, bin: DEALER_BIN },
      document,
      cms,
    });
    expect(row).toMatchObject({ signerIin: revokedDealer.iin, signerBin: DEALER_BIN, certificateSerial: serial, valid: true });
    expect(row.dataSha256).toMatch(/^[0-9a-f]{64}$/);

    expect(await verifyByCode(database.db, document.number, 'WRONGCODE1')).toBeNull();
    const found = await verifyByCode(database.db, document.number, row.verifyCode.toLowerCase());
    expect(found).toHaveLength(1);
    expect(found![0]).toMatchObject({
      partyRole: 'dealer',
      validNow: true,
      problems: [],
      signer: { iin: revokedDealer.iin, bin: DEALER_BIN },
    });

    await database.db.insert(revokedCertificates).values({ serial, reason: 'keyCompromise' });
    const later = await verifyByCode(database.db, document.number, row.verifyCode);
    expect(later![0]).toMatchObject({ validNow: false, problems: ['revoked'] });
  });

  it('refuses a signature of the wrong person, a personal key where the organisation must sign, and changed data — storing nothing', async () => {
    const personal = await signAs(citizen, 'signing', document);
    const attempt = (party: { role: string; iin: string; bin?: string | null }, cms: string, doc: unknown = document) =>
      recordSignature(database.db, { documentNumber: 'VR-2026-000888', purpose: 'test', party, document: doc, cms });
    await expect(attempt({ role: 'buyer', iin: reviewer.iin }, personal.cms)).rejects.toMatchObject({ code: 'signature_wrong_signer' });
    await expect(attempt({ role: 'dealer', iin: citizen.iin, bin: DEALER_BIN }, personal.cms)).rejects.toMatchObject({
      code: 'signature_legal_certificate_required',
    });
    await expect(
      attempt({ role: 'buyer', iin: citizen.iin }, personal.cms, { ...document, vin: 'KMHJ381A5TU201002' }),
    ).rejects.toMatchObject({ code: 'signature_digest_mismatch' });
    expect(await database.db.select().from(signatures).where(eq(signatures.documentNumber, 'VR-2026-000888'))).toEqual([]);
  });
});

describe('"check my EDS"', () => {
  const statement = 'Тексеру мәтіні';
  const prepare = (actor: Actor, bin?: string) => {
    const input = {
      number: `EDS-20261201-${Math.random()
        .toString(36)
        .slice(2, 10)
        .toUpperCase()
        .replace(/[01IO]/g, 'A')
        .padEnd(8, 'B')}`,
      createdAt: new Date().toISOString(),
      locale: 'kk' as const,
    };
    return { input, document: edsCheckDocument({ ...input, statement, signer: { iin: actor.iin, name: signerName(actor), bin } }) };
  };

  it('records the statement once: a double submit returns the same signature, with one audit event', async () => {
    const { input, document } = prepare(citizen);
    const { cms } = await signAs(citizen, 'signing', document);
    const grant = citizen.grants[0]!;
    const [a, b] = await Promise.all([
      signEdsCheck(database.db, citizen, grant, { ...input, cms, statement }),
      signEdsCheck(database.db, citizen, grant, { ...input, cms, statement }),
    ]);
    expect(a.id).toBe(b.id);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'signature.eds_check'));
    expect(events.filter((e) => (e.data as { number: string }).number === input.number)).toHaveLength(1);
    expect(await signatureReport(database.db, a.id, citizen.iin)).toMatchObject({ validNow: true, documentNumber: input.number });
    expect(await signatureReport(database.db, a.id, reviewer.iin)).toBeNull();
  });

  it('signs as an organisation only with that organisation’s grant and its legal-entity key', async () => {
    const { input, document } = prepare(dealer, DEALER_BIN);
    const { cms } = await signAs(dealer, 'signing', document, { legal: true });
    const row = await signEdsCheck(database.db, dealer, dealer.grants[0]!, { ...input, bin: DEALER_BIN, cms, statement });
    expect(row).toMatchObject({ signerBin: DEALER_BIN, partyRole: 'dealer' });
    await expect(
      signEdsCheck(database.db, citizen, citizen.grants[0]!, { ...prepare(citizen).input, bin: DEALER_BIN, cms, statement }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a stale statement, and a signature over a statement the server did not prepare', async () => {
    const stale = prepare(citizen);
    const old = { ...stale.input, createdAt: new Date(Date.now() - 2 * 3600_000).toISOString() };
    await expect(signEdsCheck(database.db, citizen, citizen.grants[0]!, { ...old, cms: 'x'.repeat(20), statement })).rejects.toMatchObject({
      code: 'eds_check_expired',
    });
    const { input, document } = prepare(citizen);
    const { cms } = await signAs(citizen, 'signing', { ...document, statement: 'something else' });
    await expect(signEdsCheck(database.db, citizen, citizen.grants[0]!, { ...input, cms, statement })).rejects.toMatchObject({
      code: 'signature_digest_mismatch',
    });
  });
});

describe("the demo PKI's downloads (/api/pki/crl, /api/pki/demo-keys)", () => {
  it('lists every revoked serial in a CRL the intermediate CA signed', async () => {
    await database.db.insert(revokedCertificates).values({ serial: '0badc0de', reason: 'superseded' }).onConflictDoNothing();
    const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array((await demoCrl())!));
    const listed = (crl.revokedCertificates ?? []).map((c) => toHex(c.userCertificate.valueBlock.valueHexView));
    const revoked = await database.db.select({ serial: revokedCertificates.serial }).from(revokedCertificates);
    expect(listed.sort()).toEqual(revoked.map((r) => r.serial).sort());
    expect(listed).toContain('0badc0de');
    const [issuer] = await database.db.select().from(demoPkiAuthorities).where(eq(demoPkiAuthorities.name, 'intermediate'));
    expect(await crl.verify({ issuerCertificate: parseCertificate(issuer!.certPem) }, cryptoEngine())).toBe(true);
  });

  it("hands out a persona's key file with whose it is, and nothing for an unknown serial", async () => {
    const [key] = await database.db
      .select({ serial: demoKeyFiles.certificateSerial })
      .from(demoKeyFiles)
      .where(and(eq(demoKeyFiles.userId, citizen.userId), eq(demoKeyFiles.purpose, 'authentication')));
    expect(await demoKeyFileOf(key!.serial)).toMatchObject({ purpose: 'authentication', iin: citizen.iin, bin: null });
    expect(await demoKeyFileOf('00')).toBeNull();
  });
});
