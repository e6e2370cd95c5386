// Decryption for the legacy PKCS#12 schemes pbeWithSHAAnd3-KeyTripleDES-CBC and pbeWithSHAAnd40BitRC2-CBC,
// through node-forge: WebCrypto has neither 3DES nor RC2, and forge implements both together with the
// PKCS#12 appendix B key derivation (password as BMPString + trailing zero). Browser-safe; pkcs12.ts loads
// this module lazily, so pages that never open such a file do not carry forge.
import forge from 'node-forge';
import { isLegacyPbe } from './legacy-pbe-oids';

const binary = (bytes: Uint8Array) => forge.util.binary.raw.encode(bytes);

// forge has `pki.pbe` at runtime; @types/node-forge does not declare it.
type Pbe = {
  getCipher(oid: string, params: forge.asn1.Asn1, password: string): forge.cipher.BlockCipher;
  generatePkcs12Key(password: string, salt: forge.util.ByteStringBuffer, id: number, iter: number, n: number): forge.util.ByteStringBuffer;
};
export const pbe = (forge.pki as unknown as { pbe: Pbe }).pbe;

/**
 * `params` is the DER of the PKCS12PbeParams (salt, iterations); `undefined` when the padding does not check
 * out (a wrong password or damaged bytes).
 */
export function decryptLegacyPbe(oid: string, params: Uint8Array, encrypted: Uint8Array, password: string): Uint8Array | undefined {
  if (!isLegacyPbe(oid)) throw new Error(`not a legacy PKCS#12 PBE scheme: ${oid}`);
  const cipher = pbe.getCipher(oid, forge.asn1.fromDer(binary(params)), password);
  cipher.update(forge.util.createBuffer(binary(encrypted)));
  if (!cipher.finish()) return undefined;
  return forge.util.binary.raw.decode(cipher.output.getBytes());
}
