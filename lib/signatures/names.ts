// Reading NUC-shaped certificates: who the subject is (IIN, BIN, names) and what the key is for.
// Browser-safe (pkijs + asn1js only), so the key-file signing dialog can show whose key was opened.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate, toBytes, type CertificateInput } from './encoding';
import {
  EKU_CLIENT_AUTH,
  EKU_EMAIL_PROTECTION,
  KU_DIGITAL_SIGNATURE,
  KU_KEY_ENCIPHERMENT,
  KU_NON_REPUDIATION,
  NUC_LEGAL_ENTITY,
  OID_BASIC_CONSTRAINTS,
  OID_CERT_POLICIES,
  OID_CN,
  OID_EXT_KEY_USAGE,
  OID_GIVEN_NAME,
  OID_KEY_USAGE,
  OID_ORG_UNIT,
  OID_ORGANISATION,
  OID_SERIAL_NUMBER,
  OID_SUBJECT_KEY_ID,
  OID_SURNAME,
  KU_KEY_AGREEMENT,
  OID_GOST_2015_KEY_PREFIX,
} from './oids';

export interface SubjectInfo {
  commonName: string;
  /** SURNAME (2.5.4.4). */
  surname?: string;
  iin?: string;
  bin?: string;
  /** GN (2.5.4.42): NUC, and the demo PKI, put the patronymic here; the first name is only in CN. */
  givenName?: string;
  organisation?: string;
}

export type CertificatePurpose = 'signing' | 'authentication' | 'other';

function attributeValues(name: pkijs.RelativeDistinguishedNames, type: string): string[] {
  const out: string[] = [];
  for (const tv of name.typesAndValues) {
    if (tv.type !== type) continue;
    const block = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock;
    if (typeof block?.value === 'string') out.push(block.value);
  }
  return out;
}

/** NUC puts the IIN in SERIALNUMBER as "IIN" + 12 digits and the BIN in OU as "BIN" + 12 digits. */
export function parseSubject(input: CertificateInput): SubjectInfo {
  const subject = parseCertificate(input).subject;
  const info: SubjectInfo = { commonName: attributeValues(subject, OID_CN)[0] ?? '' };
  const iin = attributeValues(subject, OID_SERIAL_NUMBER)
    .map((v) => /^IIN(\d{12})$/.exec(v.trim())?.[1])
    .find(Boolean);
  const bin = attributeValues(subject, OID_ORG_UNIT)
    .map((v) => /^BIN(\d{12})$/.exec(v.trim())?.[1])
    .find(Boolean);
  const givenName = attributeValues(subject, OID_GIVEN_NAME)[0];
  const organisation = attributeValues(subject, OID_ORGANISATION)[0];
  const surname = attributeValues(subject, OID_SURNAME)[0];
  if (surname) info.surname = surname;
  if (iin) info.iin = iin;
  if (bin) info.bin = bin;
  if (givenName) info.givenName = givenName;
  if (organisation) info.organisation = organisation;
  return info;
}

/**
 * The person's name as the certificate states it: CN ("SURNAME NAME") followed by GN (the patronymic), e.g.
 * "ТЕСТОВ ТЕСТ ТЕСТОВИЧ". For a certificate without GN, or one whose CN already ends with it, just CN.
 */
export function fullNameOf(subject: Pick<SubjectInfo, 'commonName' | 'givenName'>): string {
  const cn = subject.commonName.trim();
  const gn = subject.givenName?.trim();
  if (!gn || cn.endsWith(gn)) return cn;
  return cn ? `${cn} ${gn}` : gn;
}

function extensionSchema(cert: pkijs.Certificate, oid: string): asn1js.AsnType | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === oid);
  if (!ext) return undefined;
  const parsed = asn1js.fromBER(toBytes(ext.extnValue.valueBlock.valueHexView).buffer);
  return parsed.offset === -1 ? undefined : parsed.result;
}

/** Key usage bits that are set (RFC 5280 numbering), or undefined when the extension is absent. */
export function keyUsageBits(input: CertificateInput): Set<number> | undefined {
  const schema = extensionSchema(parseCertificate(input), OID_KEY_USAGE);
  if (!(schema instanceof asn1js.BitString)) return undefined;
  const bytes = schema.valueBlock.valueHexView;
  const bits = new Set<number>();
  bytes.forEach((byte, i) => {
    for (let b = 0; b < 8; b++) if (byte & (0x80 >> b)) bits.add(i * 8 + b);
  });
  return bits;
}

export function extendedKeyUsages(input: CertificateInput): string[] {
  const schema = extensionSchema(parseCertificate(input), OID_EXT_KEY_USAGE);
  return schema ? new pkijs.ExtKeyUsage({ schema }).keyPurposes : [];
}

export function certificatePolicies(input: CertificateInput): string[] {
  const schema = extensionSchema(parseCertificate(input), OID_CERT_POLICIES);
  return schema ? new pkijs.CertificatePolicies({ schema }).certificatePolicies.map((p) => p.policyIdentifier) : [];
}

/** The subjectKeyIdentifier extension, else RFC 5280 method 1 (SHA-1 of the public key bits). */
export async function subjectKeyId(input: CertificateInput): Promise<Uint8Array> {
  const cert = parseCertificate(input);
  const schema = extensionSchema(cert, OID_SUBJECT_KEY_ID);
  if (schema instanceof asn1js.OctetString) return toBytes(schema.valueBlock.valueHexView);
  return toBytes(
    await globalThis.crypto.subtle.digest('SHA-1', toBytes(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)),
  );
}

/** True only when basicConstraints says cA; a certificate without the extension is not a CA. */
export function isCaCertificate(input: CertificateInput): boolean {
  const schema = extensionSchema(parseCertificate(input), OID_BASIC_CONSTRAINTS);
  return schema ? new pkijs.BasicConstraints({ schema }).cA === true : false;
}

/**
 * Signing: digitalSignature + nonRepudiation and EKU emailProtection (NUC "RSA…/GOST…" signing keys).
 * Authentication: digitalSignature + keyEncipherment and EKU clientAuth (NUC "AUTH_…" keys) — or NUC's single
 * GOST 34.10-2015 key: since 2022 NUC issues one GOST key per person for both signing and sign-in
 * (digitalSignature + nonRepudiation + keyAgreement or keyEncipherment, EKU emailProtection, no clientAuth),
 * so such a key may also sign in. RSA keys keep the two-key rule. See docs/decisions.md "NUC keys and signatures".
 */
export function hasPurpose(input: CertificateInput, purpose: Exclude<CertificatePurpose, 'other'>): boolean {
  const cert = parseCertificate(input);
  const ku = keyUsageBits(cert) ?? new Set<number>();
  const eku = extendedKeyUsages(cert);
  const signing = ku.has(KU_DIGITAL_SIGNATURE) && ku.has(KU_NON_REPUDIATION) && eku.includes(EKU_EMAIL_PROTECTION);
  if (purpose === 'signing') return signing;
  if (ku.has(KU_DIGITAL_SIGNATURE) && ku.has(KU_KEY_ENCIPHERMENT) && eku.includes(EKU_CLIENT_AUTH)) return true;
  const gost2015 = cert.subjectPublicKeyInfo.algorithm.algorithmId.startsWith(OID_GOST_2015_KEY_PREFIX);
  return gost2015 && signing && (ku.has(KU_KEY_AGREEMENT) || ku.has(KU_KEY_ENCIPHERMENT));
}

export function purposeOf(input: CertificateInput): CertificatePurpose {
  const cert = parseCertificate(input);
  if (hasPurpose(cert, 'signing')) return 'signing';
  if (hasPurpose(cert, 'authentication')) return 'authentication';
  return 'other';
}

/** A legal entity's employee: NUC role 1.2.398.3.3.4.1.2(.x) in the EKU or the policies, or OU=BIN… in the subject. */
export function isLegalEntityCert(input: CertificateInput): boolean {
  const cert = parseCertificate(input);
  const isLegalRole = (oid: string) => oid === NUC_LEGAL_ENTITY || oid.startsWith(`${NUC_LEGAL_ENTITY}.`);
  if (extendedKeyUsages(cert).some(isLegalRole) || certificatePolicies(cert).some(isLegalRole)) return true;
  return parseSubject(cert).bin !== undefined;
}
