// Certification path building for verifyCms: from the signer up to one of the configured trusted roots,
// through any candidate CA certificates (configured intermediates plus those carried in the CMS). Only the
// trusted roots are anchors: a root that merely travels inside the CMS is just another candidate and
// never ends a path by itself.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SignatureAlgorithm } from './algorithm';
import { parseCertificate, toBytes } from './encoding';
import { isCaCertificate, keyUsageBits } from './names';
import { KU_KEY_CERT_SIGN } from './oids';

const MAX_PATH = 6;
const der = (value: { toSchema(): asn1js.AsnType }) => toBytes(value.toSchema().toBER(false));
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function issuedBy(
  child: pkijs.Certificate,
  parent: pkijs.Certificate,
  algorithms: readonly SignatureAlgorithm[],
): Promise<boolean> {
  // Names compared as DER bytes: stricter than RFC 5280's normalised matching, exact for NUC-issued chains.
  if (!same(der(child.issuer), der(parent.subject))) return false;
  const signatureOid = child.signatureAlgorithm.algorithmId;
  const alg = algorithms.find((a) => a.canVerify(signatureOid));
  if (!alg) return false;
  return alg.verify({
    signatureOid,
    publicKeyInfo: der(parent.subjectPublicKeyInfo),
    data: toBytes(child.tbsView),
    signature: toBytes(child.signatureValue.valueBlock.valueHexView),
  });
}

/** Depth-first path search; returns [signer, …intermediates, root] or undefined. */
export async function buildPath(
  cert: pkijs.Certificate,
  pool: pkijs.Certificate[],
  roots: pkijs.Certificate[],
  algorithms: readonly SignatureAlgorithm[],
  path: pkijs.Certificate[] = [],
): Promise<pkijs.Certificate[] | undefined> {
  for (const root of roots) if (await issuedBy(cert, root, algorithms)) return [cert, root];
  if (path.length >= MAX_PATH) return undefined;
  for (const ca of pool) {
    if (ca === cert || path.includes(ca) || !isCaCertificate(ca) || keyUsageBits(ca)?.has(KU_KEY_CERT_SIGN) === false) continue;
    if (!(await issuedBy(cert, ca, algorithms))) continue;
    const rest = await buildPath(ca, pool, roots, algorithms, [...path, cert]);
    if (rest) return [cert, ...rest];
  }
  return undefined;
}

export const parseAll = (pems: string[] | undefined) =>
  (pems ?? []).flatMap((pem) => {
    try {
      return [parseCertificate(pem)];
    } catch {
      return []; // A broken configured certificate can only fail to help a chain, never crash verification.
    }
  });
