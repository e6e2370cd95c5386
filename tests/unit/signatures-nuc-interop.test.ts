// Interop with real NUC test material (tests/support/peer-nuc.ts): skipped, saying so, when it is absent.
import { describe, expect, it } from 'vitest';
import { hasPurpose, parseSubject } from '@/lib/signatures/names';
import { verifyCms } from '@/lib/signatures/verify';
import { fullNameOf } from '@/lib/signatures/names';
import { CrlError, crlDistributionPoints, parseCrl, revocationOf } from '@/lib/signatures/crl-check';
import { fromBase64 } from '@/lib/signatures/encoding';
import { hasPeerNuc, peerBase64, peerFile, peerNucSkipReason } from '../support/peer-nuc';

if (!hasPeerNuc) console.warn(peerNucSkipReason);

describe.skipIf(!hasPeerNuc)('real NUC test certificates and CMS', () => {
  const rsaCa = () => peerFile('nca_rsa_test.pem');
  const test123 = new TextEncoder().encode('test123');
  const beforeExpiry = new Date('2021-06-01T00:00:00Z');

  it('reads SURNAME, and the full name is CN then GN (the patronymic)', () => {
    const subject = parseSubject(peerFile('rsa_individual_sign_2022.pem'));
    expect(subject).toMatchObject({ commonName: 'ТЕСТОВ ТЕСТ', surname: 'ТЕСТОВ', givenName: 'ТЕСТОВИЧ', iin: '123456789011' });
    expect(fullNameOf(subject)).toBe('ТЕСТОВ ТЕСТ ТЕСТОВИЧ');
  });

  it('the one-signer RSA CMS verifies before the certificate expired, and reports the full name', async () => {
    const result = await verifyCms({ cms: peerBase64('cms_rsa_test123.pem'), data: test123, trustedRoots: [rsaCa()], at: beforeExpiry });
    expect(result).toMatchObject({ valid: true, problems: [] });
    expect(result.signer).toMatchObject({ iin: '123456789011', surname: 'ТЕСТОВ', fullName: 'ТЕСТОВ ТЕСТ ТЕСТОВИЧ' });
    expect(result.signers).toHaveLength(1);
  });

  it('a GOST CMS gets its own outcome, unsupported_algorithm — not bad_signature + untrusted_chain', async () => {
    const result = await verifyCms({ cms: peerBase64('cms_gost_only_test123_detached.pem'), data: test123, trustedRoots: [rsaCa()] });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual(['unsupported_algorithm']);
    expect(result.signer?.iin).toBeDefined();
  });

  it.each(['cms_two_signers_test123.pem', 'cms_two_signers_test123_detached.pem'])(
    '%s: each signer is reported; the RSA one verifies, the GOST one is unsupported_algorithm',
    async (file) => {
      const result = await verifyCms({ cms: peerBase64(file), data: test123, trustedRoots: [rsaCa()], at: beforeExpiry });
      expect(result.signers.map((s) => s.problems)).toEqual([['unsupported_algorithm'], []]);
      // Without an expectation the first signer is reported; the pilot names whom it expects.
      expect(result.problems).toEqual(['unsupported_algorithm']);
      const iin = result.signers[1]!.signer!.iin!;
      const expected = await verifyCms({
        cms: peerBase64(file),
        data: test123,
        trustedRoots: [rsaCa()],
        at: beforeExpiry,
        expectedSigner: { iin },
      });
      expect(expected).toMatchObject({ valid: true, problems: [] });
      expect(expected.signer?.serialNumber).toBe(result.signers[1]!.signer!.serialNumber);
    },
  );

  it('key purposes: RSA keep two keys; NUC GOST 2015 single keys may sign in; the information system may not', () => {
    expect(hasPurpose(peerFile('rsa_individual_sign_2022.pem'), 'authentication')).toBe(false);
    expect(hasPurpose(peerFile('rsa_individual_auth_2022.pem'), 'authentication')).toBe(true);
    expect(hasPurpose(peerFile('rsa_individual_auth_2022.pem'), 'signing')).toBe(false);
    for (const f of [
      'gost2022_individual.pem',
      'gost2022_individual_cms_signer.pem',
      'gost2022_legal_head.pem',
      'gost2022_legal_employee.pem',
      'gost2022_legal_employee_signright.pem',
    ]) {
      expect(hasPurpose(peerFile(f), 'signing'), f).toBe(true);
      expect(hasPurpose(peerFile(f), 'authentication'), f).toBe(true);
    }
    expect(hasPurpose(peerFile('gost2022_legal_treasury_client.pem'), 'authentication')).toBe(false);
    // GOST 34.310-2004 signing keys are not the single 2015 key: they do not sign in.
    expect(hasPurpose(peerFile('gost2004_legal_head_sign.pem'), 'authentication')).toBe(false);
  });

  describe('the real CRL of «ҰКО 3.0 (RSA TEST)»', () => {
    const crlDer = () => fromBase64(peerBase64('nca_rsa_test_crl.pem'));

    it('parses, with its signature checked against the issuing CA', async () => {
      const crl = await parseCrl(crlDer(), rsaCa());
      expect(crl.issuerName).toBe('ҰКО 3.0 (RSA TEST)');
      expect(crl.thisUpdate.slice(0, 10)).toBe('2022-03-29');
      expect(crl.serials).toHaveLength(126);
    });

    it('is refused when another CA is named as issuer, or its bytes are changed', async () => {
      await expect(parseCrl(crlDer(), peerFile('nca_gost2004_test.pem'))).rejects.toMatchObject({ code: 'wrong_issuer' });
      const changed = crlDer();
      changed[200]! ^= 0x01; // inside the list of revoked serials
      await expect(parseCrl(changed, rsaCa())).rejects.toBeInstanceOf(CrlError);
    });

    it('marks rsa_individual_sign_revoked.pem revoked, and the CMS signer good, naming the CRL', async () => {
      const crl = await parseCrl(crlDer(), rsaCa());
      expect(crlDistributionPoints(peerFile('rsa_individual_sign_revoked.pem'))[0]).toMatch(/^http:\/\/test\.pki\.gov\.kz\/crl\//);
      expect(revocationOf(peerFile('rsa_individual_sign_revoked.pem'), { crls: [crl] })).toMatchObject({
        status: 'revoked',
        source: 'crl',
      });
      expect(revocationOf(peerFile('rsa_individual_auth_revoked.pem'), { crls: [crl] })).toMatchObject({ status: 'revoked' });
      expect(revocationOf(peerFile('rsa_individual_sign_2021_cms_signer.pem'), { crls: [crl] })).toEqual({
        status: 'good',
        source: 'crl',
        crlIssuer: 'ҰКО 3.0 (RSA TEST)',
        crlIssuedAt: crl.thisUpdate,
      });
      // Without a CRL of its issuer, and not one of the portal's own CAs: unknown, and said so.
      expect(revocationOf(peerFile('rsa_individual_sign_revoked.pem'), {})).toEqual({ status: 'unknown' });
    });

    it('verifyCms reports which CRL answered', async () => {
      const crl = await parseCrl(crlDer(), rsaCa());
      const result = await verifyCms({
        cms: peerBase64('cms_rsa_test123.pem'),
        data: test123,
        trustedRoots: [rsaCa()],
        at: beforeExpiry,
        crls: [crl],
      });
      expect(result.valid).toBe(true);
      expect(result.signer?.revocation).toMatchObject({ status: 'good', source: 'crl', crlIssuer: 'ҰКО 3.0 (RSA TEST)' });
      const revoked = { ...crl, serials: [...crl.serials, result.signer!.serialNumber] };
      const again = await verifyCms({
        cms: peerBase64('cms_rsa_test123.pem'),
        data: test123,
        trustedRoots: [rsaCa()],
        at: beforeExpiry,
        crls: [revoked],
      });
      expect(again.problems).toEqual(['revoked']);
    });
  });
});
