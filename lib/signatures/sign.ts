// Producing the portal's signature: a detached CAdES-BES CMS SignedData (RSASSA-PKCS1-v1_5 + SHA-256).
// Browser-safe (WebCrypto + pkijs only): the key-file signing dialog runs this in the page, so the
// private key never leaves the citizen's machine.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer, parseCertificate, subtle, toArrayBuffer, toBase64 } from './encoding';
import {
  OID_ATTR_CONTENT_TYPE,
  OID_ATTR_MESSAGE_DIGEST,
  OID_ATTR_SIGNING_CERT_V2,
  OID_ATTR_SIGNING_TIME,
  OID_CT_DATA,
  OID_CT_SIGNED_DATA,
  OID_SHA256,
  OID_SHA256_WITH_RSA,
} from './oids';

export interface SignDetachedInput {
  /** The canonical bytes (see canonicalBytes); they are NOT embedded: the portal keeps them. */
  data: Uint8Array;
  certPem: string;
  privateKey: CryptoKey;
  /** Intermediates to embed next to the signer certificate, so a verifier can build the chain alone. */
  chainPems?: string[];
  signingTime?: Date;
}

/** PKCS#8 RSA key → non-extractable signing CryptoKey. */
export async function importPrivateKey(pkcs8Der: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('pkcs8', toArrayBuffer(pkcs8Der), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
}

// Both with explicit NULL parameters, as RFC 4055 / RFC 5754 ask (pkijs's own sign() leaves them absent).
export const sha256Algorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256, algorithmParams: new asn1js.Null() });
export const rsaSha256Algorithm = () =>
  new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256_WITH_RSA, algorithmParams: new asn1js.Null() });

/** RSASSA-PKCS1-v1_5 over SHA-256 with a WebCrypto key; refuses keys imported for another algorithm or hash. */
export async function rsaSha256Sign(privateKey: CryptoKey, data: ArrayBuffer): Promise<ArrayBuffer> {
  const alg = privateKey.algorithm as RsaHashedKeyAlgorithm;
  if (alg.name !== 'RSASSA-PKCS1-v1_5' || alg.hash?.name !== 'SHA-256')
    throw new Error('signing key must be RSASSA-PKCS1-v1_5 with SHA-256');
  return subtle().sign('RSASSA-PKCS1-v1_5', privateKey, data);
}

/** RFC 5035 SigningCertificateV2 with one ESSCertIDv2 (hash algorithm left at its SHA-256 default). */
function signingCertificateV2(cert: pkijs.Certificate, certHash: ArrayBuffer): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }).toSchema(),
      new asn1js.Integer({ valueHex: toArrayBuffer(cert.serialNumber.valueBlock.valueHexView) }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/**
 * DER wants SET OF members sorted by their encodings (shorter ones padded with zero bytes). pkijs keeps
 * insertion order, and verifiers that re-encode signed attributes (OpenSSL does) would otherwise hash
 * different bytes than we signed.
 */
function sortDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }));
  encoded.sort((x, y) => {
    for (let i = 0; i < Math.max(x.der.length, y.der.length); i++) {
      const d = (x.der[i] ?? 0) - (y.der[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return encoded.map((e) => e.a);
}

export async function signDetachedCms(input: SignDetachedInput): Promise<string> {
  const cert = parseCertificate(input.certPem);
  const chain = (input.chainPems ?? []).map((pem) => parseCertificate(pem));
  const messageDigest = await subtle().digest('SHA-256', toArrayBuffer(input.data));
  const certHash = await subtle().digest('SHA-256', certificateDer(cert));
  const time = new Date(Math.floor((input.signingTime ?? new Date()).getTime() / 1000) * 1000);
  const year = time.getUTCFullYear();
  // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise.
  const timeValue = year >= 1950 && year < 2050 ? new asn1js.UTCTime({ valueDate: time }) : new asn1js.GeneralizedTime({ valueDate: time });

  const attributes = sortDer([
    new pkijs.Attribute({ type: OID_ATTR_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_CT_DATA })] }),
    new pkijs.Attribute({ type: OID_ATTR_SIGNING_TIME, values: [timeValue] }),
    new pkijs.Attribute({ type: OID_ATTR_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: messageDigest })] }),
    new pkijs.Attribute({ type: OID_ATTR_SIGNING_CERT_V2, values: [signingCertificateV2(cert, certHash)] }),
  ]);

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the DER of the attributes with the universal SET tag, not the [0] they travel under.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toBeSigned[0] = 0x31;
  const signature = await rsaSha256Sign(input.privateKey, toBeSigned.buffer);

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    // No eContent: a detached signature. The verifier is handed the data separately.
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_CT_DATA }),
    certificates: [cert, ...chain],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        digestAlgorithm: sha256Algorithm(),
        signedAttrs,
        signatureAlgorithm: rsaSha256Algorithm(),
        signature: new asn1js.OctetString({ valueHex: signature }),
      }),
    ],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_CT_SIGNED_DATA, content: signedData.toSchema(true) });
  return toBase64(new Uint8Array(contentInfo.toSchema().toBER(false)));
}
