// Demo PKI shaped like the National Certification Centre (NUC): a root, an intermediate, and for every
// person a signing and an authentication certificate (RSA-2048, sha256WithRSAEncryption).
// Built on pkijs + WebCrypto rather than @peculiar/x509: x509 v2 pulls in tsyringe, which throws at import
// time unless a `reflect-metadata` polyfill is loaded, and that package is not a dependency here.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateToPem, cryptoEngine, parseCertificate, parseDer, serialHex, subtle, toArrayBuffer, toBytes } from './encoding';
import * as oid from './oids';
import { importPrivateKey, rsaSha256Algorithm, rsaSha256Sign } from './sign';

export interface IssuedCertificate {
  certPem: string;
  /** Unencrypted PKCS#8; keep it server-side or wrap it with exportPkcs12 before it leaves. */
  keyPkcs8Der: Uint8Array;
  /** Lowercase hex, as stored in the CRL table and passed to verifyCms as revokedSerials. */
  serial: string;
}
export type CertificateAuthority = IssuedCertificate;

export interface CaOptions {
  commonName: string;
  notBefore?: Date;
  notAfter?: Date;
}

export interface PersonOptions {
  iin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  /** A legal entity's employee has both organisation and bin. */
  organisation?: string;
  bin?: string;
  /** First head of the legal entity (NUC role .2.1); otherwise "person with the right to sign" (.2.2). */
  head?: boolean;
  notBefore?: Date;
  notAfter?: Date;
}

export interface PersonCertificates {
  signing: IssuedCertificate;
  authentication: IssuedCertificate;
}

const RSA_KEYGEN: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};
const DAY = 86_400_000;

type NameEntry = [type: string, value: asn1js.Utf8String | asn1js.PrintableString];

/** One attribute per RDN, in the given order (pkijs would otherwise put them all in a single multi-valued RDN). */
function buildName(entries: NameEntry[]): pkijs.RelativeDistinguishedNames {
  const seq = new asn1js.Sequence({
    value: entries.map(([type, value]) => new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] })),
  });
  return new pkijs.RelativeDistinguishedNames({ schema: parseDer(toBytes(seq.toBER(false))) });
}

/**
 * 16 random bytes with the first in 0x10–0x7f: positive (no sign byte), minimal DER, and always 32 hex
 * digits with no leading zero, so the string is the same whichever way other code normalises it.
 */
function randomSerial(): Uint8Array<ArrayBuffer> {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = 0x10 + (bytes[0]! % 0x70);
  return bytes;
}

function certTime(date: Date): pkijs.Time {
  const value = new Date(Math.floor(date.getTime() / 1000) * 1000); // X.509 times carry whole seconds.
  return new pkijs.Time({ type: value.getUTCFullYear() >= 2050 ? 1 : 0, value }); // RFC 5280: GeneralizedTime from 2050.
}

function keyUsage(bits: number[]): ArrayBuffer {
  const bytes = new Uint8Array(2);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  const used = bytes[1] ? bytes : bytes.subarray(0, 1);
  const last = used[used.length - 1]!;
  let unusedBits = 0; // DER: count the trailing zero bits of the last byte.
  while (unusedBits < 7 && !(last & (1 << unusedBits))) unusedBits++;
  return new asn1js.BitString({ valueHex: toArrayBuffer(used), unusedBits }).toBER(false);
}

const ext = (extnID: string, critical: boolean, value: { toBER(sizeOnly?: boolean): ArrayBuffer } | ArrayBuffer) =>
  new pkijs.Extension({ extnID, critical, extnValue: value instanceof ArrayBuffer ? value : value.toBER(false) });

async function keyId(cert: pkijs.Certificate): Promise<ArrayBuffer> {
  // RFC 5280 method 1: SHA-1 of the subjectPublicKey bits; identifies keys, not a security primitive.
  return subtle().digest('SHA-1', toArrayBuffer(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView));
}

interface BuildParams {
  subject: NameEntry[];
  issuer?: { cert: pkijs.Certificate; key: CryptoKey };
  notBefore: Date;
  notAfter: Date;
  extensions: pkijs.Extension[];
}

async function build(params: BuildParams): Promise<IssuedCertificate> {
  const engine = cryptoEngine();
  const keys = (await subtle().generateKey(RSA_KEYGEN, true, ['sign', 'verify'])) as CryptoKeyPair;
  const serial = randomSerial();
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: serial.buffer });
  cert.subject = buildName(params.subject);
  cert.issuer = params.issuer ? params.issuer.cert.subject : buildName(params.subject);
  cert.notBefore = certTime(params.notBefore);
  cert.notAfter = certTime(params.notAfter);
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  const ski = await keyId(cert);
  const aki = params.issuer ? await keyId(params.issuer.cert) : ski;
  cert.extensions = [
    ...params.extensions,
    ext(oid.OID_SUBJECT_KEY_ID, false, new asn1js.OctetString({ valueHex: ski })),
    ext(
      oid.OID_AUTHORITY_KEY_ID,
      false,
      new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: aki }) }).toSchema(),
    ),
  ];
  // Signed by hand rather than with cert.sign() so the algorithm identifier carries NULL parameters.
  cert.signature = rsaSha256Algorithm();
  cert.signatureAlgorithm = rsaSha256Algorithm();
  const tbs = cert.encodeTBS().toBER(false);
  cert.tbsView = new Uint8Array(tbs);
  cert.signatureValue = new asn1js.BitString({ valueHex: await rsaSha256Sign(params.issuer?.key ?? keys.privateKey, tbs) });
  return {
    certPem: certificateToPem(cert),
    keyPkcs8Der: toBytes(await subtle().exportKey('pkcs8', keys.privateKey)),
    serial: serialHex(cert),
  };
}

const caExtensions = (pathLength?: number) => [
  ext(
    oid.OID_BASIC_CONSTRAINTS,
    true,
    new pkijs.BasicConstraints({ cA: true, ...(pathLength === undefined ? {} : { pathLenConstraint: pathLength }) }).toSchema(),
  ),
  ext(oid.OID_KEY_USAGE, true, keyUsage([oid.KU_KEY_CERT_SIGN, oid.KU_CRL_SIGN])),
];

export async function createRootCa(options: CaOptions): Promise<CertificateAuthority> {
  const now = Date.now();
  return build({
    subject: [
      [oid.OID_CN, new asn1js.Utf8String({ value: options.commonName })],
      [oid.OID_COUNTRY, new asn1js.PrintableString({ value: 'KZ' })],
    ],
    notBefore: options.notBefore ?? new Date(now - DAY),
    notAfter: options.notAfter ?? new Date(now + 20 * 365 * DAY),
    extensions: caExtensions(),
  });
}

async function issuerOf(ca: CertificateAuthority) {
  return { cert: parseCertificate(ca.certPem), key: await importPrivateKey(ca.keyPkcs8Der) };
}

export async function createIntermediateCa(root: CertificateAuthority, options: CaOptions): Promise<CertificateAuthority> {
  const now = Date.now();
  return build({
    subject: [
      [oid.OID_CN, new asn1js.Utf8String({ value: options.commonName })],
      [oid.OID_COUNTRY, new asn1js.PrintableString({ value: 'KZ' })],
    ],
    issuer: await issuerOf(root),
    notBefore: options.notBefore ?? new Date(now - DAY),
    notAfter: options.notAfter ?? new Date(now + 10 * 365 * DAY),
    extensions: caExtensions(0),
  });
}

/** Issues the pair of NUC-style certificates (signing + authentication) with separate keys, as NUC does. */
export async function issuePersonCertificates(issuer: CertificateAuthority, person: PersonOptions): Promise<PersonCertificates> {
  if (!/^\d{12}$/.test(person.iin)) throw new Error('issuePersonCertificates: iin must be 12 digits');
  const legal = person.bin !== undefined || person.organisation !== undefined;
  if (legal && !(person.organisation && person.bin && /^\d{12}$/.test(person.bin))) {
    throw new Error('issuePersonCertificates: a legal entity needs organisation and a 12-digit bin');
  }
  const utf8 = (value: string) => new asn1js.Utf8String({ value: value.toUpperCase() });
  const subject: NameEntry[] = [
    [oid.OID_CN, utf8(`${person.surname} ${person.givenName}`)],
    // NUC repeats the surname in SURNAME (2.5.4.4); the first name is only in CN, the patronymic in GN.
    [oid.OID_SURNAME, utf8(person.surname)],
    [oid.OID_SERIAL_NUMBER, new asn1js.PrintableString({ value: `IIN${person.iin}` })],
    [oid.OID_COUNTRY, new asn1js.PrintableString({ value: 'KZ' })],
  ];
  if (legal)
    subject.push(
      [oid.OID_ORGANISATION, utf8(person.organisation!)],
      [oid.OID_ORG_UNIT, new asn1js.PrintableString({ value: `BIN${person.bin}` })],
    );
  if (person.patronymic) subject.push([oid.OID_GIVEN_NAME, utf8(person.patronymic)]);
  const roles = legal ? [oid.NUC_LEGAL_ENTITY, person.head ? oid.NUC_LEGAL_HEAD : oid.NUC_LEGAL_SIGNER] : [oid.NUC_INDIVIDUAL];

  const ca = await issuerOf(issuer);
  const now = Date.now();
  const notBefore = person.notBefore ?? new Date(now - 60 * 60 * 1000);
  const notAfter = person.notAfter ?? new Date(now + 365 * DAY);
  const endEntity = (usage: number[], eku: string) => [
    ext(oid.OID_BASIC_CONSTRAINTS, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    ext(oid.OID_KEY_USAGE, true, keyUsage(usage)),
    ext(oid.OID_EXT_KEY_USAGE, false, new pkijs.ExtKeyUsage({ keyPurposes: [eku, ...roles] }).toSchema()),
    ext(
      oid.OID_CERT_POLICIES,
      false,
      new pkijs.CertificatePolicies({
        certificatePolicies: roles.map((policyIdentifier) => new pkijs.PolicyInformation({ policyIdentifier })),
      }).toSchema(),
    ),
  ];
  const signing = await build({
    subject,
    issuer: ca,
    notBefore,
    notAfter,
    extensions: endEntity([oid.KU_DIGITAL_SIGNATURE, oid.KU_NON_REPUDIATION], oid.EKU_EMAIL_PROTECTION),
  });
  const authentication = await build({
    subject,
    issuer: ca,
    notBefore,
    notAfter,
    extensions: endEntity([oid.KU_DIGITAL_SIGNATURE, oid.KU_KEY_ENCIPHERMENT], oid.EKU_CLIENT_AUTH),
  });
  return { signing, authentication };
}
