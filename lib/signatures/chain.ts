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
/** Certificates taken from a CMS for path building: a real NUC chain carries one or two. */
export const MAX_CMS_CERTIFICATES = 8;
/** Signature checks one path search may spend: a real chain needs a handful; a crafted pool is cut off here. */
export const MAX_CHAIN_VERIFICATIONS = 32;
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

/**
 * Depth-first path search; returns [signer, …intermediates, root] or undefined. Bounded against crafted pools
 * (ASVS V11/V6: a CMS full of CA certificates with one subject and one key "issues" every other): each candidate is
 * entered at most once per search (a dead end is remembered), each (child, parent) signature is checked at most
 * once, and the whole search spends at most MAX_CHAIN_VERIFICATIONS signature checks, after which it gives up.
 */
export async function buildPath(
  cert: pkijs.Certificate,
  pool: pkijs.Certificate[],
  roots: pkijs.Certificate[],
  algorithms: readonly SignatureAlgorithm[],
  budget = { left: MAX_CHAIN_VERIFICATIONS },
): Promise<pkijs.Certificate[] | undefined> {
  const entered = new Set<pkijs.Certificate>();
  const candidates = pool.filter((ca) => isCaCertificate(ca) && keyUsageBits(ca)?.has(KU_KEY_CERT_SIGN) !== false);
  const verified = async (child: pkijs.Certificate, parent: pkijs.Certificate) => {
    // The name check is free; only a signature check spends the budget.
    if (!same(der(child.issuer), der(parent.subject))) return false;
    if (budget.left <= 0) throw new ChainBudgetExceeded();
    budget.left--;
    return issuedBy(child, parent, algorithms);
  };
  const search = async (c: pkijs.Certificate, depth: number): Promise<pkijs.Certificate[] | undefined> => {
    for (const root of roots) if (await verified(c, root)) return [c, root];
    if (depth >= MAX_PATH) return undefined;
    for (const ca of candidates) {
      if (ca === c || entered.has(ca)) continue;
      if (!(await verified(c, ca))) continue;
      entered.add(ca);
      const rest = await search(ca, depth + 1);
      if (rest) return [c, ...rest];
    }
    return undefined;
  };
  entered.add(cert);
  try {
    return await search(cert, 0);
  } catch (e) {
    if (e instanceof ChainBudgetExceeded) return undefined;
    throw e;
  }
}

class ChainBudgetExceeded extends Error {}

export const parseAll = (pems: string[] | undefined) =>
  (pems ?? []).flatMap((pem) => {
    try {
      return [parseCertificate(pem)];
    } catch {
      return []; // A broken configured certificate can only fail to help a chain, never crash verification.
    }
  });
