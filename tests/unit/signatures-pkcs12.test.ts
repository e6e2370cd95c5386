import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalBytes,
  createIntermediateCa,
  createRootCa,
  exportPkcs12,
  importPkcs12,
  importPrivateKey,
  issuePersonCertificates,
  Pkcs12Error,
  signDetachedCms,
  verifyCms,
  type CertificateAuthority,
  type PersonCertificates,
} from '@/lib/signatures';
import { exportLegacyPkcs12 } from '@/lib/signatures/legacy-pkcs12-export';

describe('PKCS#12 key files', () => {
  let root: CertificateAuthority;
  let intermediate: CertificateAuthority;
  let person: PersonCertificates;
  let pfx: Uint8Array;
  const password = 'Құпия-сөз 2026'; // non-ASCII on purpose: the MAC KDF encodes it as BMPString

  beforeAll(async () => {
    root = await createRootCa({ commonName: 'Qyzmet test NUC root' });
    intermediate = await createIntermediateCa(root, { commonName: 'Qyzmet test NUC intermediate' });
    person = await issuePersonCertificates(intermediate, { iin: '061211600012', surname: 'Омарова', givenName: 'Дана' });
    pfx = await exportPkcs12({
      certPem: person.signing.certPem,
      keyPkcs8Der: person.signing.keyPkcs8Der,
      chainPems: [intermediate.certPem, root.certPem],
      password,
      friendlyName: 'RSA256 Омарова Дана',
      iterations: 10_000,
    });
  }, 30_000);

  it('writes PBES2 / AES-256-CBC bags and an HMAC-SHA256 MAC', () => {
    const parsed = pkijs.PFX.fromBER(pfx.slice().buffer);
    expect(parsed.macData?.mac.digestAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    const text = Buffer.from(pfx).toString('hex');
    expect(text).toContain('06092a864886f70d01050d'); // id-PBES2
    expect(text).toContain('060960864801650304012a'); // aes256-CBC (2.16.840.1.101.3.4.1.42)
    expect(text).toContain('06082a864886f70d0209'); // hmacWithSHA256 as the PBKDF2 PRF
  });

  it('round-trips with the right password, and the key still signs', async () => {
    const opened = await importPkcs12(pfx, password);
    expect(opened.certPem).toBe(person.signing.certPem);
    expect(Buffer.from(opened.keyPkcs8Der).equals(Buffer.from(person.signing.keyPkcs8Der))).toBe(true);
    expect(opened.chainPems).toEqual([intermediate.certPem, root.certPem]);

    const data = canonicalBytes({ hello: 'сәлем' });
    const cms = await signDetachedCms({
      data,
      certPem: opened.certPem,
      privateKey: await importPrivateKey(opened.keyPkcs8Der),
      chainPems: opened.chainPems.slice(0, 1),
    });
    expect(await verifyCms({ cms, data, trustedRoots: [root.certPem] })).toMatchObject({ valid: true, problems: [] });
  });

  it('rejects a wrong password with bad_password', async () => {
    await expect(importPkcs12(pfx, 'wrong password')).rejects.toBeInstanceOf(Pkcs12Error);
    await expect(importPkcs12(pfx, '')).rejects.toMatchObject({ code: 'bad_password' });
  });

  it('rejects a damaged or non-PKCS#12 file', async () => {
    await expect(importPkcs12(new Uint8Array([1, 2, 3]), password)).rejects.toMatchObject({ code: 'malformed' });
    const damaged = pfx.slice();
    damaged[damaged.length - 40]! ^= 0xff; // inside the MAC: integrity check fails
    await expect(importPkcs12(damaged, password)).rejects.toMatchObject({ code: 'bad_password' });
  });

  describe('legacy scheme of NUC key files (3DES key bag, RC2-40 certificate bags, HMAC-SHA1)', () => {
    let legacy: Uint8Array;
    beforeAll(async () => {
      legacy = await exportLegacyPkcs12({
        certPem: person.signing.certPem,
        keyPkcs8Der: person.signing.keyPkcs8Der,
        chainPems: [intermediate.certPem],
        password,
      });
    });

    it('is written in exactly those schemes', () => {
      const text = Buffer.from(legacy).toString('hex');
      expect(text).toContain('060a2a864886f70d010c0103'); // pbeWithSHAAnd3-KeyTripleDES-CBC
      expect(text).toContain('060a2a864886f70d010c0106'); // pbeWithSHAAnd40BitRC2-CBC
      expect(text).not.toContain('06092a864886f70d01050d'); // no PBES2 anywhere
    });

    it('opens (it was `unsupported` before) and its key signs a CMS that verifies', async () => {
      const opened = await importPkcs12(legacy, password);
      expect(opened.certPem).toBe(person.signing.certPem);
      expect(Buffer.from(opened.keyPkcs8Der).equals(Buffer.from(person.signing.keyPkcs8Der))).toBe(true);
      expect(opened.chainPems).toEqual([intermediate.certPem]);
      const data = canonicalBytes({ legacy: true });
      const cms = await signDetachedCms({ data, certPem: opened.certPem, privateKey: await importPrivateKey(opened.keyPkcs8Der) });
      expect(await verifyCms({ cms, data, trustedRoots: [root.certPem], intermediates: [intermediate.certPem] })).toMatchObject({
        valid: true,
      });
    });

    it('answers bad_password for a wrong password', async () => {
      await expect(importPkcs12(legacy, 'Құпия-сөз 2025')).rejects.toMatchObject({ code: 'bad_password' });
      await expect(importPkcs12(legacy, '')).rejects.toMatchObject({ code: 'bad_password' });
    });

    it('answers unsupported_key when the key is not RSA (as for NUC GOST keys)', async () => {
      const ec = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      const ecPkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', ec.privateKey));
      const other = await exportLegacyPkcs12({ certPem: person.signing.certPem, keyPkcs8Der: ecPkcs8, password });
      await expect(importPkcs12(other, password)).rejects.toMatchObject({ code: 'unsupported_key' });
    });
  });
});
