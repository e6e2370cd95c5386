import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalBytes,
  canonicalJson,
  certificatePolicies,
  createIntermediateCa,
  createRootCa,
  extendedKeyUsages,
  fromBase64,
  importPrivateKey,
  isCaCertificate,
  isLegalEntityCert,
  issuePersonCertificates,
  keyUsageBits,
  parseSubject,
  pemToDer,
  purposeOf,
  sha256Hex,
  signDetachedCms,
  toBase64,
  verifyCms,
  type CertificateAuthority,
  type PersonCertificates,
} from '@/lib/signatures';
import { chooseSigner } from '@/lib/signatures/verify';

describe('canonicalJson (SPEC §2.3: the bytes the signer saw)', () => {
  it('sorts keys recursively, keeps array order, writes no whitespace', () => {
    const a = { b: 1, a: { d: [3, 1, 2], c: 'x' }, e: null, f: true };
    const b = { f: true, e: null, a: { c: 'x', d: [3, 1, 2] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1,"e":null,"f":true}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(canonicalJson([{ z: 1, y: 2 }, []])).toBe('[{"y":2,"z":1},[]]');
  });

  it('keeps Kazakh text as UTF-8 and hashes it stably', async () => {
    const doc = { өтініш: 'Көлікті тіркеу', заявитель: 'Сейтқали Әлия Нұрланқызы', сумма: 3_692.5 };
    const text = canonicalJson(doc);
    expect(text).toBe('{"заявитель":"Сейтқали Әлия Нұрланқызы","сумма":3692.5,"өтініш":"Көлікті тіркеу"}');
    const bytes = canonicalBytes(doc);
    expect(new TextDecoder().decode(bytes)).toBe(text);
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(await sha256Hex(canonicalBytes({ сумма: 3692.5, өтініш: 'Көлікті тіркеу', заявитель: 'Сейтқали Әлия Нұрланқызы' }))).toBe(
      await sha256Hex(bytes),
    );
  });

  it('escapes like JSON.stringify and normalises -0', () => {
    expect(canonicalJson({ s: 'a"b\\c\n\u0001' })).toBe('{"s":"a\\"b\\\\c\\n\\u0001"}');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1e21)).toBe('1e+21');
  });

  it('rejects values JSON would silently drop or coerce', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [
      undefined,
      { a: undefined },
      () => 1,
      NaN,
      Infinity,
      { n: -Infinity },
      new Date(0),
      10n,
      Symbol('x'),
      new Map(),
      cyclic,
      new Array(2),
    ]) {
      expect(() => canonicalJson(bad)).toThrow(/canonicalJson/);
    }
  });
});

describe('demo PKI, signing and verifyCms', () => {
  let root: CertificateAuthority;
  let intermediate: CertificateAuthority;
  let citizen: PersonCertificates;
  let employee: PersonCertificates;
  let foreignPerson: PersonCertificates;
  let cms: string;
  const data = canonicalBytes({ application: 'VR-2026-000123', vin: 'XTA21099043456789', buyer: 'Сейтқали Әлия' });
  const signingTime = new Date('2026-01-15T10:30:00Z');

  const sign = async (person: PersonCertificates['signing'], opts: { data?: Uint8Array; certPem?: string; chain?: string[] } = {}) =>
    signDetachedCms({
      data: opts.data ?? data,
      certPem: opts.certPem ?? person.certPem,
      privateKey: await importPrivateKey(person.keyPkcs8Der),
      chainPems: opts.chain ?? [intermediate.certPem],
      signingTime,
    });
  const verify = (over: Partial<Parameters<typeof verifyCms>[0]> = {}) => verifyCms({ cms, data, trustedRoots: [root.certPem], ...over });

  beforeAll(async () => {
    root = await createRootCa({ commonName: 'Qyzmet test NUC root' });
    intermediate = await createIntermediateCa(root, { commonName: 'Qyzmet test NUC intermediate' });
    citizen = await issuePersonCertificates(intermediate, {
      iin: '900101300126',
      surname: 'Сейтқали',
      givenName: 'Әлия',
      patronymic: 'Нұрланқызы',
    });
    employee = await issuePersonCertificates(intermediate, {
      iin: '880315300511',
      surname: 'Ivanov',
      givenName: 'Ivan',
      organisation: 'ТОО «Астана Моторс»',
      bin: '120540012345',
      head: true,
    });
    const otherRoot = await createRootCa({ commonName: 'Qyzmet test NUC root' }); // same name, other key
    foreignPerson = await issuePersonCertificates(otherRoot, { iin: '900101300126', surname: 'Сейтқали', givenName: 'Әлия' });
    cms = await sign(citizen.signing);
  }, 30_000);

  it('issues NUC-shaped certificates', () => {
    const cert = citizen.signing.certPem;
    expect(parseSubject(cert)).toEqual({ commonName: 'СЕЙТҚАЛИ ӘЛИЯ', surname: 'СЕЙТҚАЛИ', iin: '900101300126', givenName: 'НҰРЛАНҚЫЗЫ' });
    const parsed = pkijs.Certificate.fromBER(pemToDer(cert));
    expect(parsed.subject.typesAndValues.map((t) => t.type)).toEqual(['2.5.4.3', '2.5.4.4', '2.5.4.5', '2.5.4.6', '2.5.4.42']);
    expect([...(keyUsageBits(cert) ?? [])].sort()).toEqual([0, 1]);
    expect(extendedKeyUsages(cert)).toEqual(['1.3.6.1.5.5.7.3.4', '1.2.398.3.3.4.1.1']);
    expect(certificatePolicies(cert)).toEqual(['1.2.398.3.3.4.1.1']);
    expect(isCaCertificate(cert)).toBe(false);
    expect(isCaCertificate(intermediate.certPem)).toBe(true);
    expect(parsed.extensions?.map((e) => e.extnID)).toEqual(expect.arrayContaining(['2.5.29.14', '2.5.29.35', '2.5.29.19']));
    expect(citizen.signing.serial).toMatch(/^[1-7][0-9a-f]{31}$/);
    expect(purposeOf(cert)).toBe('signing');
    expect(purposeOf(citizen.authentication.certPem)).toBe('authentication');
    expect([...(keyUsageBits(citizen.authentication.certPem) ?? [])].sort()).toEqual([0, 2]);
    expect(extendedKeyUsages(citizen.authentication.certPem)).toContain('1.3.6.1.5.5.7.3.2');
    expect(purposeOf(intermediate.certPem)).toBe('other');
    expect(isLegalEntityCert(cert)).toBe(false);
  });

  it('gives a legal entity employee O, OU=BIN and the head role', () => {
    const cert = employee.signing.certPem;
    expect(parseSubject(cert)).toEqual({
      commonName: 'IVANOV IVAN',
      surname: 'IVANOV',
      iin: '880315300511',
      bin: '120540012345',
      organisation: 'ТОО «АСТАНА МОТОРС»',
    });
    expect(certificatePolicies(cert)).toEqual(['1.2.398.3.3.4.1.2', '1.2.398.3.3.4.1.2.1']);
    expect(isLegalEntityCert(cert)).toBe(true);
  });

  it('verifies a round trip and names the signer', async () => {
    const result = await verify();
    expect(result).toEqual({
      valid: true,
      problems: [],
      signer: expect.objectContaining({ commonName: 'СЕЙТҚАЛИ ӘЛИЯ', iin: '900101300126', serialNumber: citizen.signing.serial }),
      signers: [expect.objectContaining({ valid: true, problems: [] })],
    });
    expect(result.signer?.bin).toBeUndefined();
    expect(result.signer).toMatchObject({ surname: 'СЕЙТҚАЛИ' });
    expect(result.signer?.fullName).toBe('СЕЙТҚАЛИ ӘЛИЯ НҰРЛАНҚЫЗЫ');
    expect(Date.parse(result.signer!.notAfter)).toBeGreaterThan(Date.parse(result.signer!.notBefore));
  });

  it('builds the chain from `intermediates` when the CMS carries only the signer', async () => {
    const bare = await sign(citizen.signing, { chain: [] });
    expect((await verify({ cms: bare })).problems).toEqual(['untrusted_chain']);
    expect(await verify({ cms: bare, intermediates: [intermediate.certPem] })).toMatchObject({ valid: true, problems: [] });
  });

  it('returns the BIN of a legal entity signer', async () => {
    const result = await verify({ cms: await sign(employee.signing) });
    expect(result.valid).toBe(true);
    expect(result.signer).toMatchObject({ iin: '880315300511', bin: '120540012345', commonName: 'IVANOV IVAN' });
  });

  it('tampered data → digest_mismatch', async () => {
    const changed = data.slice();
    changed[10]! ^= 1;
    expect(await verify({ data: changed })).toMatchObject({ valid: false, problems: ['digest_mismatch'] });
  });

  it('tampered signature bytes → bad_signature', async () => {
    const der = fromBase64(cms);
    der[der.length - 1]! ^= 1; // the SignerInfo signature is the last element of the structure
    expect((await verify({ cms: toBase64(der) })).problems).toEqual(['bad_signature']);
  });

  it('tampered signed attributes (signingTime) → bad_signature', async () => {
    const der = fromBase64(cms);
    const text = new TextDecoder('latin1').decode(der);
    const at = text.indexOf('260115103000Z');
    expect(at).toBeGreaterThan(0);
    der[at + 8] = '4'.charCodeAt(0); // 10:30 → 10:40
    expect((await verify({ cms: toBase64(der) })).problems).toEqual(['bad_signature']);
  });

  it('signature made by another key → bad_signature', async () => {
    const wrongKey = await sign(employee.signing, { certPem: citizen.signing.certPem });
    expect((await verify({ cms: wrongKey })).problems).toEqual(['bad_signature']);
  });

  it('certificate from another root → untrusted_chain', async () => {
    const foreign = await sign(foreignPerson.signing, { chain: [] });
    expect(await verify({ cms: foreign })).toMatchObject({ valid: false, problems: ['untrusted_chain'] });
    expect((await verify({ trustedRoots: [] })).problems).toEqual(['untrusted_chain']);
    expect((await verify({ trustedRoots: ['garbage'] })).problems).toEqual(['untrusted_chain']);
  });

  it('`at` after notAfter → expired, before notBefore → not_yet_valid', async () => {
    const notAfter = pkijs.Certificate.fromBER(pemToDer(citizen.signing.certPem)).notAfter.value;
    const expired = await verify({ at: new Date(notAfter.getTime() + 86_400_000) });
    expect(expired).toMatchObject({ valid: false, problems: ['expired'] });
    expect(expired.signer?.iin).toBe('900101300126');
    const early = await verify({ at: new Date(Date.now() - 2 * 3_600_000) }); // person certs start 1 h ago, CAs 1 day ago
    expect(early.problems).toEqual(['not_yet_valid']);
  });

  it('revoked signer or intermediate serial → revoked (case-insensitive)', async () => {
    expect((await verify({ revokedSerials: [citizen.signing.serial.toUpperCase()] })).problems).toEqual(['revoked']);
    expect((await verify({ revokedSerials: [`00${citizen.signing.serial}`] })).problems).toEqual(['revoked']);
    expect((await verify({ revokedSerials: [intermediate.serial] })).problems).toEqual(['revoked']);
    expect((await verify({ revokedSerials: [citizen.authentication.serial] })).valid).toBe(true);
  });

  it('says which list answered "revoked?": the portal\'s own table for its own CA, else unknown', async () => {
    const own = await verify({ localCas: [intermediate.certPem], revokedSerials: [citizen.signing.serial] });
    expect(own.signer?.revocation).toEqual({ status: 'revoked', source: 'local' });
    expect((await verify({ localCas: [intermediate.certPem] })).signer?.revocation).toEqual({ status: 'good', source: 'local' });
    expect((await verify()).signer?.revocation).toEqual({ status: 'unknown' });
  });

  it('authentication key used to sign → wrong_key_usage', async () => {
    const auth = await sign(citizen.authentication);
    expect(await verify({ cms: auth })).toMatchObject({ valid: false, problems: ['wrong_key_usage'] });
  });

  it("purpose 'authentication' (sign-in) wants the AUTH key and refuses the signing key", async () => {
    const auth = await sign(citizen.authentication);
    expect(await verify({ cms: auth, purpose: 'authentication' })).toMatchObject({ valid: true, problems: [] });
    expect((await verify({ purpose: 'authentication' })).problems).toEqual(['wrong_key_usage']);
  });

  it('returns the signer certificate to store with the signature', async () => {
    expect((await verify()).signer?.certificatePem).toBe(citizen.signing.certPem);
  });

  it('an algorithm none of `algorithms` checks → unsupported_algorithm alone (as GOST with the RSA set)', async () => {
    const result = await verify({ algorithms: [] });
    expect(result).toMatchObject({ valid: false, problems: ['unsupported_algorithm'] });
    expect(result.signer?.iin).toBe('900101300126');
  });

  it('chooseSigner: the expected party, preferring a valid signature of theirs; else the first', () => {
    const s = (iin: string, valid: boolean, bin?: string) => ({
      valid,
      problems: valid ? [] : (['expired'] as const).slice(),
      signer: { iin, bin } as never,
    });
    const list = [s('111111111111', false), s('222222222222', false), s('222222222222', true), s('333333333333', true, '444444444444')];
    expect(chooseSigner(list)).toBe(list[0]);
    expect(chooseSigner(list, { iin: '222222222222' })).toBe(list[2]);
    expect(chooseSigner(list.slice(0, 2), { iin: '222222222222' })).toBe(list[1]);
    expect(chooseSigner(list, { iin: '333333333333' })).toBe(list[0]); // their certificate is a legal entity's
    expect(chooseSigner(list, { iin: '333333333333', bin: '444444444444' })).toBe(list[3]);
    expect(chooseSigner(list, { iin: '999999999999' })).toBe(list[0]);
    expect(chooseSigner([], { iin: '999999999999' })).toBeUndefined();
  });

  it('garbage never throws: malformed', async () => {
    const certDer = toBase64(pemToDer(citizen.signing.certPem));
    const truncated = toBase64(fromBase64(cms).subarray(0, 200));
    for (const bad of ['not base64 at all!', '', 'AAAA', certDer, truncated, toBase64(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))]) {
      expect(await verify({ cms: bad })).toEqual({ valid: false, problems: ['malformed'], signers: [] });
    }
    expect(await verify({ data: 'text' as unknown as Uint8Array })).toEqual({ valid: false, problems: ['malformed'], signers: [] });
    expect(await verifyCms(null as unknown as Parameters<typeof verifyCms>[0])).toEqual({
      valid: false,
      problems: ['malformed'],
      signers: [],
    });
    expect(await verify({ at: new Date('nonsense') })).toEqual({ valid: false, problems: ['malformed'], signers: [] });
  });
});
