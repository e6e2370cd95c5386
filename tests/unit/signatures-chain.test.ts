// Path building is bounded (issue 14, ASVS V6/V11): a CMS that carries a dozen CA certificates with one subject and
// one key — each of which "issues" every other — must not keep a CPU busy. The search enters each candidate once,
// checks each signature once, and gives up after a fixed number of checks: the answer is `untrusted_chain` after a
// handful of signature checks, however many such certificates the signer sends. A real chain still verifies.
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createIntermediateCa,
  createRootCa,
  defaultAlgorithms,
  importPrivateKey,
  issuePersonCertificates,
  signDetachedCms,
  verifyCms,
  type CertificateAuthority,
  type SignatureAlgorithm,
} from '@/lib/signatures';
import { MAX_CHAIN_VERIFICATIONS } from '@/lib/signatures/chain';
import { certificateToPem, parseCertificate } from '@/lib/signatures/encoding';
import { rsaSha256Sign } from '@/lib/signatures/sign';

/** The default algorithms, counting the signature checks; past `limit` every check fails (an unbounded search). */
function counting(limit = 10_000) {
  const counter = { checks: 0 };
  const algorithms: SignatureAlgorithm[] = defaultAlgorithms.map((a) => ({
    name: a.name,
    canDigest: (o) => a.canDigest(o),
    canVerify: (o, d) => a.canVerify(o, d),
    digest: (o, d) => a.digest(o, d),
    verify: async (c) => (++counter.checks > limit ? false : a.verify(c)),
  }));
  return { counter, algorithms };
}

/** n copies of a self-issued CA certificate (new serials, the same name and key): each verifies under every other. */
async function twins(ca: CertificateAuthority, n: number): Promise<string[]> {
  const key = await importPrivateKey(ca.keyPkcs8Der);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = parseCertificate(ca.certPem);
    c.serialNumber = new asn1js.Integer({ value: 4096 + i });
    const tbs = c.encodeTBS().toBER(false);
    c.tbsView = new Uint8Array(tbs);
    c.signatureValue = new asn1js.BitString({ valueHex: await rsaSha256Sign(key, tbs) });
    out.push(certificateToPem(c));
  }
  return out;
}

describe('bounded certification path building', () => {
  let root: CertificateAuthority;
  let intermediate: CertificateAuthority;
  let evil: CertificateAuthority;
  const data = new TextEncoder().encode('{"application":"VR-2026-000123"}');

  beforeAll(async () => {
    root = await createRootCa({ commonName: 'Qyzmet test NUC root' });
    intermediate = await createIntermediateCa(root, { commonName: 'Qyzmet test NUC intermediate' });
    evil = await createRootCa({ commonName: 'Loop CA' });
  }, 30_000);

  it.each([6, 10, 14])('%i looping CA certificates in the CMS: untrusted_chain within the budget of checks', async (n) => {
    const person = await issuePersonCertificates(evil, { iin: '900101300126', surname: 'Test', givenName: 'Loop' });
    const cms = await signDetachedCms({
      data,
      certPem: person.signing.certPem,
      privateKey: await importPrivateKey(person.signing.keyPkcs8Der),
      chainPems: await twins(evil, n),
    });
    const { counter, algorithms } = counting();
    const result = await verifyCms({ cms, data, trustedRoots: [root.certPem], algorithms });
    expect(result.valid).toBe(false);
    expect(result.problems).toContain('untrusted_chain');
    // The signature over the attributes and the signing-certificate hash, plus at most the path budget.
    expect(counter.checks).toBeLessThanOrEqual(MAX_CHAIN_VERIFICATIONS + 2);
  });

  it('a real chain (signer → intermediate → root) still verifies, with a few checks', async () => {
    const person = await issuePersonCertificates(intermediate, { iin: '900101300126', surname: 'Test', givenName: 'Real' });
    const cms = await signDetachedCms({
      data,
      certPem: person.signing.certPem,
      privateKey: await importPrivateKey(person.signing.keyPkcs8Der),
      chainPems: [intermediate.certPem],
    });
    const { counter, algorithms } = counting();
    const result = await verifyCms({ cms, data, trustedRoots: [root.certPem], algorithms });
    expect(result).toMatchObject({ valid: true });
    expect(counter.checks).toBeLessThanOrEqual(4);
  });

  it('the real intermediate found among looping decoys still verifies', async () => {
    const person = await issuePersonCertificates(intermediate, { iin: '900101300126', surname: 'Test', givenName: 'Mixed' });
    const cms = await signDetachedCms({
      data,
      certPem: person.signing.certPem,
      privateKey: await importPrivateKey(person.signing.keyPkcs8Der),
      chainPems: [...(await twins(evil, 4)), intermediate.certPem],
    });
    expect(await verifyCms({ cms, data, trustedRoots: [root.certPem] })).toMatchObject({ valid: true });
  });
});
