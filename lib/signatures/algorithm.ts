// The cryptographic algorithm is kept behind two small interfaces so that GOST can be added without
// touching the CMS and chain logic:
//
//  - SignatureAlgorithm: digest + raw signature check. verifyCms uses it for the message digest, the
//    signature over the signed attributes, and every certificate signature in the chain. A local
//    implementation of NUC's GOST keys (GOST 34.310 / 34.10-2015 with their own digest) would be one
//    more entry passed in `algorithms`.
//  - CmsVerifier: the whole verification as a service. An NCANode-backed verifier (POST /cms/verify with
//    the CMS and the data, mapping its answer onto our problem codes) implements this interface and can
//    replace the default `pkijsCmsVerifier` (see verify.ts) where the server is configured to use it.
import type { VerifyCmsInput, VerifyCmsResult } from './verify';
import { subtle, toArrayBuffer, toBytes } from './encoding';
import {
  OID_RSA_ENCRYPTION,
  OID_SHA256,
  OID_SHA256_WITH_RSA,
  OID_SHA384,
  OID_SHA384_WITH_RSA,
  OID_SHA512,
  OID_SHA512_WITH_RSA,
} from './oids';

export interface SignatureCheck {
  /** signatureAlgorithm OID: sha256WithRSAEncryption etc., or bare rsaEncryption in some CMS producers. */
  signatureOid: string;
  /** The CMS digestAlgorithm; needed when signatureOid does not name the hash itself. */
  digestOid?: string;
  /** DER SubjectPublicKeyInfo of the key that should have signed. */
  publicKeyInfo: Uint8Array;
  data: Uint8Array;
  signature: Uint8Array;
}

export interface SignatureAlgorithm {
  readonly name: string;
  canDigest(digestOid: string): boolean;
  canVerify(signatureOid: string, digestOid?: string): boolean;
  digest(digestOid: string, data: Uint8Array): Promise<Uint8Array>;
  /** false for a wrong signature or a key of another type; never throws. */
  verify(check: SignatureCheck): Promise<boolean>;
}

export interface CmsVerifier {
  readonly name: string;
  verify(input: VerifyCmsInput): Promise<VerifyCmsResult>;
}

const DIGESTS: Record<string, string> = { [OID_SHA256]: 'SHA-256', [OID_SHA384]: 'SHA-384', [OID_SHA512]: 'SHA-512' };
const RSA_SIGNATURES: Record<string, string> = {
  [OID_SHA256_WITH_RSA]: 'SHA-256',
  [OID_SHA384_WITH_RSA]: 'SHA-384',
  [OID_SHA512_WITH_RSA]: 'SHA-512',
};

function rsaHash(signatureOid: string, digestOid?: string): string | undefined {
  if (signatureOid === OID_RSA_ENCRYPTION) return digestOid ? DIGESTS[digestOid] : undefined;
  return RSA_SIGNATURES[signatureOid];
}

/** RSASSA-PKCS1-v1_5 with SHA-2 over WebCrypto: what the demo PKI and NUC's RSA keys use. */
export const rsaPkcs1Sha2: SignatureAlgorithm = {
  name: 'RSASSA-PKCS1-v1_5/SHA-2',
  canDigest: (digestOid) => digestOid in DIGESTS,
  canVerify: (signatureOid, digestOid) => rsaHash(signatureOid, digestOid) !== undefined,
  async digest(digestOid, data) {
    const name = DIGESTS[digestOid];
    if (!name) throw new Error(`unsupported digest ${digestOid}`);
    return toBytes(await subtle().digest(name, toArrayBuffer(data)));
  },
  async verify(check) {
    const hash = rsaHash(check.signatureOid, check.digestOid);
    if (!hash) return false;
    try {
      const key = await subtle().importKey('spki', toArrayBuffer(check.publicKeyInfo), { name: 'RSASSA-PKCS1-v1_5', hash }, false, [
        'verify',
      ]);
      return await subtle().verify('RSASSA-PKCS1-v1_5', key, toArrayBuffer(check.signature), toArrayBuffer(check.data));
    } catch {
      return false; // not an RSA key, or a broken one: the signature cannot be this key's.
    }
  },
};

export const defaultAlgorithms: readonly SignatureAlgorithm[] = [rsaPkcs1Sha2];
