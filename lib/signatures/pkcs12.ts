// Password-protected PKCS#12 key files, the form NUC keys come in.
// Browser-safe (WebCrypto + pkijs only): importPkcs12 runs in the page when a citizen opens a key file.
//
// What we write (readable by OpenSSL 3, Java and browsers):
//  - key:   PKCS8ShroudedKeyBag, PBES2 = PBKDF2-HMAC-SHA256 + AES-256-CBC;
//  - certs: one EncryptedData safe with the same PBES2 scheme (signer first, then the chain);
//  - MAC:   HMAC-SHA256 with the PKCS#12 (appendix B) key derivation, as RFC 7292 requires.
// What we read: the above, and the legacy PKCS#12 PBE schemes (RFC 7292 appendix C) that every NUC key file
// uses, including keys issued in 2026 — key bags pbeWithSHAAnd3-KeyTripleDES-CBC, certificate bags
// pbeWithSHAAnd40BitRC2-CBC, MAC HMAC-SHA1. WebCrypto has neither cipher, so those two schemes are decrypted
// with node-forge (`legacy-pbe.ts`, loaded only when a file needs it); the structure stays pkijs.
// A key that opens but is not RSA (NUC's GOST keys) is `unsupported_key`: we cannot sign with it here.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer, certificateToPem, cryptoEngine, parseCertificate, subtle, toArrayBuffer, toBytes, toHex } from './encoding';
import { isLegacyPbe } from './legacy-pbe-oids';
import { isCaCertificate } from './names';
import { OID_CERT_BAG, OID_FRIENDLY_NAME, OID_LOCAL_KEY_ID, OID_PKCS8_SHROUDED_KEY_BAG, OID_RSA_ENCRYPTION } from './oids';

export interface Pkcs12ExportInput {
  certPem: string;
  keyPkcs8Der: Uint8Array;
  chainPems?: string[];
  password: string;
  friendlyName?: string;
  /** PBKDF2 iterations for the key and certificate bags; seeding many personas may lower it. */
  iterations?: number;
}

export interface Pkcs12Contents {
  certPem: string;
  keyPkcs8Der: Uint8Array;
  chainPems: string[];
}

export type Pkcs12ErrorCode = 'bad_password' | 'malformed' | 'unsupported' | 'unsupported_key';
export class Pkcs12Error extends Error {
  constructor(
    readonly code: Pkcs12ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

// The MAC KDF is pkijs's pure-JS implementation, so its count stays at OpenSSL's default.
const MAC_ITERATIONS = 2048;
const KEY_ITERATIONS = 100_000;
const KEY_BAG_OID = '1.2.840.113549.1.12.10.1.1';
const ENCRYPTED_DATA_OID = '1.2.840.113549.1.7.6';
const DATA_OID = '1.2.840.113549.1.7.1';

const passwordBytes = (password: string) => toArrayBuffer(new TextEncoder().encode(password));

/** Decrypts one EncryptedContentInfo: PBES2 through pkijs/WebCrypto, the two legacy PKCS#12 schemes through node-forge. */
async function decryptContent(info: pkijs.EncryptedContentInfo, password: string, engine: pkijs.ICryptoEngine): Promise<Uint8Array> {
  const algorithm = info.contentEncryptionAlgorithm;
  if (isLegacyPbe(algorithm.algorithmId)) {
    const { decryptLegacyPbe } = await import('./legacy-pbe');
    const params = algorithm.algorithmParams as asn1js.AsnType | undefined;
    if (!params) throw new Pkcs12Error('malformed', 'legacy PBE without parameters');
    const plain = decryptLegacyPbe(algorithm.algorithmId, toBytes(params.toBER(false)), toBytes(info.getEncryptedContent()), password);
    // The MAC has already passed, so a padding failure here is a damaged bag, not a wrong password.
    if (!plain) throw new Pkcs12Error('malformed', 'legacy PBE bag does not decrypt');
    return plain;
  }
  const encrypted = new pkijs.EncryptedData({ encryptedContentInfo: info });
  return toBytes(await encrypted.decrypt({ password: passwordBytes(password) }, engine));
}

export async function exportPkcs12(input: Pkcs12ExportInput): Promise<Uint8Array> {
  const engine = cryptoEngine();
  const password = passwordBytes(input.password);
  // pkijs types ask for AesCbcParams (with an iv) but draws a fresh random IV per encryption itself.
  const contentEncryptionAlgorithm = { name: 'AES-CBC', length: 256 } as pkijs.ContentEncryptionAlgorithm;
  const pbes2 = { password, contentEncryptionAlgorithm, hmacHashAlgorithm: 'SHA-256', iterationCount: input.iterations ?? KEY_ITERATIONS };
  const cert = parseCertificate(input.certPem);
  // localKeyId ties the key to its certificate; SHA-1 of the certificate is what OpenSSL and Windows use.
  const localKeyId = await subtle().digest('SHA-1', certificateDer(cert));
  const attributes = () => [
    new pkijs.Attribute({ type: OID_FRIENDLY_NAME, values: [new asn1js.BmpString({ value: input.friendlyName ?? 'Qyzmet demo key' })] }),
    new pkijs.Attribute({ type: OID_LOCAL_KEY_ID, values: [new asn1js.OctetString({ valueHex: localKeyId })] }),
  ];

  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(input.keyPkcs8Der)) });
  await keyBag.makeInternalValues(pbes2, engine);
  const certBags = [cert, ...(input.chainPems ?? []).map((pem) => parseCertificate(pem))].map((c, i) =>
    i === 0
      ? new pkijs.SafeBag({ bagId: OID_CERT_BAG, bagValue: new pkijs.CertBag({ parsedValue: c }), bagAttributes: attributes() })
      : new pkijs.SafeBag({ bagId: OID_CERT_BAG, bagValue: new pkijs.CertBag({ parsedValue: c }) }),
  );

  const authenticatedSafe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        // The key bag is already encrypted on its own, so its safe needs no second layer (privacyMode 0).
        {
          privacyMode: 0,
          value: new pkijs.SafeContents({
            safeBags: [new pkijs.SafeBag({ bagId: OID_PKCS8_SHROUDED_KEY_BAG, bagValue: keyBag, bagAttributes: attributes() })],
          }),
        },
        { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) },
      ],
    },
  });
  await authenticatedSafe.makeInternalValues({ safeContents: [{}, pbes2] }, engine);
  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
  await pfx.makeInternalValues(
    { password, iterations: MAC_ITERATIONS, pbkdf2HashAlgorithm: { name: 'SHA-256' }, hmacHashAlgorithm: 'SHA-256' },
    engine,
  );
  return toBytes(pfx.toSchema().toBER(false));
}

/** PKCS#8 PrivateKeyInfo whose algorithm is rsaEncryption (NUC's GOST keys have their own OIDs). */
function isRsaKey(pkcs8: Uint8Array): boolean {
  try {
    return pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8)).privateKeyAlgorithm.algorithmId === OID_RSA_ENCRYPTION;
  } catch {
    return false;
  }
}

function localKeyIdOf(bag: pkijs.SafeBag): string | undefined {
  const value = bag.bagAttributes?.find((a) => a.type === OID_LOCAL_KEY_ID)?.values[0] as asn1js.OctetString | undefined;
  return value ? toHex(value.valueBlock.valueHexView) : undefined;
}

/** Opens a key file. Throws Pkcs12Error: `bad_password` (MAC check failed), `malformed`, `unsupported` (a scheme we
 * cannot decrypt), or `unsupported_key` (it opened, but the key is not RSA: NUC GOST keys). */
export async function importPkcs12(der: Uint8Array, password: string): Promise<Pkcs12Contents> {
  const engine = cryptoEngine();
  const pwd = passwordBytes(password);
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(der));
  } catch {
    throw new Pkcs12Error('malformed', 'not a PKCS#12 file');
  }
  try {
    await pfx.parseInternalValues({ password: pwd, checkIntegrity: true }, engine);
  } catch {
    // The MAC is the only password check PKCS#12 has: a wrong password and a damaged file look the same.
    throw new Pkcs12Error('bad_password', 'wrong password or damaged PKCS#12 file');
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Pkcs12Error('malformed', 'PKCS#12 without contents');
  let keyDer: Uint8Array | undefined;
  let keyId: string | undefined;
  const certs: { cert: pkijs.Certificate; keyId?: string }[] = [];
  try {
    for (const ci of safe.safeContents) {
      let contents: Uint8Array;
      if (ci.contentType === DATA_OID) contents = toBytes((ci.content as asn1js.OctetString).getValue());
      else if (ci.contentType === ENCRYPTED_DATA_OID)
        contents = await decryptContent(new pkijs.EncryptedData({ schema: ci.content }).encryptedContentInfo, password, engine);
      else throw new Pkcs12Error('unsupported', `PKCS#12 safe of type ${ci.contentType}`);
      for (const bag of pkijs.SafeContents.fromBER(toArrayBuffer(contents)).safeBags) {
        if (bag.bagId === OID_PKCS8_SHROUDED_KEY_BAG) {
          const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
          const info = new pkijs.EncryptedContentInfo({
            contentEncryptionAlgorithm: shrouded.encryptionAlgorithm,
            encryptedContent: shrouded.encryptedData,
          });
          keyDer = await decryptContent(info, password, engine);
          keyId = localKeyIdOf(bag);
        } else if (bag.bagId === KEY_BAG_OID) {
          keyDer = toBytes((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false));
          keyId = localKeyIdOf(bag);
        } else if (bag.bagId === OID_CERT_BAG) {
          const parsed = (bag.bagValue as pkijs.CertBag).parsedValue as unknown;
          if (parsed instanceof pkijs.Certificate) certs.push({ cert: parsed, keyId: localKeyIdOf(bag) });
        }
      }
    }
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Pkcs12Error(
      /EncryptionAlgorithm|algorithm/i.test(message) ? 'unsupported' : 'malformed',
      `cannot read PKCS#12 contents: ${message}`,
    );
  }
  if (!keyDer) throw new Pkcs12Error('malformed', 'PKCS#12 holds no private key');
  if (!isRsaKey(keyDer)) throw new Pkcs12Error('unsupported_key', 'the key in this file is not an RSA key (a GOST key cannot sign here)');
  // The key's certificate: the one sharing its localKeyId, else the first that is not a CA.
  const signer = certs.find((c) => keyId !== undefined && c.keyId === keyId) ?? certs.find((c) => !isCaCertificate(c.cert));
  if (!signer) throw new Pkcs12Error('malformed', 'PKCS#12 holds no certificate for the key');
  return {
    certPem: certificateToPem(signer.cert),
    keyPkcs8Der: keyDer,
    chainPems: certs.filter((c) => c !== signer).map((c) => certificateToPem(c.cert)),
  };
}
