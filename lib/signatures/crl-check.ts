// Revocation against the issuing CA's CRL (RFC 5280 §5), for NUC certificates the portal did not issue itself.
// Pure and browser-safe: parseCrl checks a downloaded CRL (its signature by the issuer, the issuer name) and
// turns it into a snapshot that can be stored; revocationOf answers from snapshots at verification time.
// Fetching and caching are elsewhere (crl-cache.ts and its job), so verification never waits on the network.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cryptoEngine, normaliseSerial, parseCertificate, parseDer, toBytes, toHex, type CertificateInput } from './encoding';
import { OID_CN } from './oids';

const OID_CRL_DISTRIBUTION_POINTS = '2.5.29.31';

/** What is kept of one CRL: enough to answer "revoked?" and to say which CRL answered. */
export interface CrlSnapshot {
  /** Hex DER of the issuer Name: what a certificate's issuer is matched against. */
  issuerDn: string;
  /** The issuer's CN, shown in the report ("checked against the CRL of <CA>"). */
  issuerName: string;
  thisUpdate: string; // ISO
  nextUpdate?: string; // ISO
  /** Revoked serials, normalised (lowercase hex, no leading zeros). */
  serials: string[];
}

export type RevocationStatus =
  | { status: 'good' | 'revoked'; source: 'crl'; crlIssuer: string; crlIssuedAt: string }
  | { status: 'good' | 'revoked'; source: 'local' }
  | { status: 'unknown' };

export class CrlError extends Error {
  constructor(readonly code: 'malformed' | 'bad_signature' | 'wrong_issuer') {
    super(`CRL ${code}`);
    this.name = 'CrlError';
  }
}

const nameDer = (name: pkijs.RelativeDistinguishedNames) => toHex(toBytes(name.toSchema().toBER(false)));
const cnOf = (name: pkijs.RelativeDistinguishedNames) => {
  const value = name.typesAndValues.find((tv) => tv.type === OID_CN)?.value as { valueBlock?: { value?: unknown } } | undefined;
  return typeof value?.valueBlock?.value === 'string' ? value.valueBlock.value : '';
};

/** The http(s) URLs of the certificate's CRL distribution points (fullName URIs), in order. */
export function crlDistributionPoints(input: CertificateInput): string[] {
  const ext = parseCertificate(input).extensions?.find((e) => e.extnID === OID_CRL_DISTRIBUTION_POINTS);
  if (!ext) return [];
  try {
    const points = new pkijs.CRLDistributionPoints({ schema: parseDer(toBytes(ext.extnValue.valueBlock.valueHexView)) });
    const urls: string[] = [];
    for (const point of points.distributionPoints) {
      const names = Array.isArray(point.distributionPoint) ? point.distributionPoint : [];
      for (const n of names) if (n.type === 6 && typeof n.value === 'string' && /^https?:\/\//i.test(n.value)) urls.push(n.value);
    }
    return urls;
  } catch {
    return [];
  }
}

/** Checks a DER CRL against its issuer certificate and keeps what verification needs. Throws CrlError. */
export async function parseCrl(der: Uint8Array, issuer: CertificateInput): Promise<CrlSnapshot> {
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = new pkijs.CertificateRevocationList({ schema: parseDer(der) });
  } catch {
    throw new CrlError('malformed');
  }
  const ca = parseCertificate(issuer);
  if (nameDer(crl.issuer) !== nameDer(ca.subject)) throw new CrlError('wrong_issuer');
  const ok = await crl.verify({ issuerCertificate: ca }, cryptoEngine()).catch(() => false);
  if (!ok) throw new CrlError('bad_signature');
  return {
    issuerDn: nameDer(crl.issuer),
    issuerName: cnOf(crl.issuer),
    thisUpdate: crl.thisUpdate.value.toISOString(),
    ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.value.toISOString() } : {}),
    serials: (crl.revokedCertificates ?? []).map((r) =>
      normaliseSerial(toHex((r.userCertificate as asn1js.Integer).valueBlock.valueHexView)),
    ),
  };
}

/**
 * Pure: the revocation status of a certificate. A CRL of its issuer answers first (the newest one issued no
 * later than `at`, else the newest); else, when the portal itself issued it (`localIssuerDns`), its own table
 * (`localRevoked`) answers; else the status is unknown — and said so in the report.
 */
export function revocationOf(
  input: CertificateInput,
  sources: { crls?: readonly CrlSnapshot[]; localIssuerDns?: readonly string[]; localRevoked?: ReadonlySet<string>; at?: Date },
): RevocationStatus {
  const cert = parseCertificate(input);
  const issuerDn = nameDer(cert.issuer);
  const serial = normaliseSerial(toHex(cert.serialNumber.valueBlock.valueHexView));
  const at = (sources.at ?? new Date()).toISOString();
  const theirs = (sources.crls ?? []).filter((c) => c.issuerDn === issuerDn).sort((a, b) => b.thisUpdate.localeCompare(a.thisUpdate));
  const crl = theirs.find((c) => c.thisUpdate <= at) ?? theirs[0];
  if (crl) {
    const revoked = crl.serials.includes(serial) || (sources.localRevoked?.has(serial) ?? false);
    return { status: revoked ? 'revoked' : 'good', source: 'crl', crlIssuer: crl.issuerName, crlIssuedAt: crl.thisUpdate };
  }
  if (sources.localIssuerDns?.includes(issuerDn))
    return { status: sources.localRevoked?.has(serial) ? 'revoked' : 'good', source: 'local' };
  return { status: 'unknown' };
}

/** Hex DER of a CRL's issuer name, to find its CA before checking it; undefined when it is not a CRL. */
export function crlIssuerDn(der: Uint8Array): string | undefined {
  try {
    return nameDer(new pkijs.CertificateRevocationList({ schema: parseDer(der) }).issuer);
  } catch {
    return undefined;
  }
}

/** Hex DER of a certificate's subject: how a CA is listed in `localIssuerDns`. */
export const subjectDnOf = (input: CertificateInput) => nameDer(parseCertificate(input).subject);
