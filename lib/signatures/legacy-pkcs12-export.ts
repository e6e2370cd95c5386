// Writes a PKCS#12 key file in exactly the scheme NUC issues (see pkcs12.ts): key bag
// pbeWithSHAAnd3-KeyTripleDES-CBC, certificate bags in one pbeWithSHAAnd40BitRC2-CBC EncryptedData, MAC
// HMAC-SHA1, 1024 iterations. Only tests and the demo use it, so the path real key files take is exercised
// without committing a third-party key file. Never offer it as the portal's own export: 40-bit RC2 is weak.
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { certificateDer, parseCertificate, subtle, toArrayBuffer, toBytes } from './encoding';
import { OID_PBE_SHA1_3DES, OID_PBE_SHA1_RC2_40 } from './legacy-pbe-oids';
import { pbe } from './legacy-pbe';
import { OID_CERT_BAG, OID_CT_DATA, OID_FRIENDLY_NAME, OID_LOCAL_KEY_ID, OID_PKCS8_SHROUDED_KEY_BAG } from './oids';

const OID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const OID_SHA1 = '1.3.14.3.2.26';
const ITERATIONS = 1024;

const binary = (bytes: Uint8Array) => forge.util.binary.raw.encode(bytes);
const bytesOf = (s: string) => forge.util.binary.raw.decode(s);
const octets = (b: Uint8Array) => new asn1js.OctetString({ valueHex: toArrayBuffer(b) });
const derOf = (a: { toBER(sizeOnly?: boolean): ArrayBuffer }) => new Uint8Array(a.toBER(false));

// forge has `des` at runtime; @types/node-forge does not declare it.
type Des = { createEncryptionCipher(key: forge.util.ByteStringBuffer): forge.cipher.BlockCipher };
const des = (forge as unknown as { des: Des }).des;

function pkcs12Key(password: string, salt: string, id: number, n: number) {
  return pbe.generatePkcs12Key(password, forge.util.createBuffer(salt), id, ITERATIONS, n);
}

function encrypt(oid: string, plain: Uint8Array, password: string) {
  const salt = forge.random.getBytesSync(20);
  const key = pkcs12Key(password, salt, 1, oid === OID_PBE_SHA1_3DES ? 24 : 5);
  const iv = pkcs12Key(password, salt, 2, 8);
  const cipher = oid === OID_PBE_SHA1_3DES ? des.createEncryptionCipher(key) : forge.rc2.createEncryptionCipher(key, 40);
  cipher.start(iv);
  cipher.update(forge.util.createBuffer(binary(plain)));
  cipher.finish();
  const params = new asn1js.Sequence({ value: [octets(bytesOf(salt)), new asn1js.Integer({ value: ITERATIONS })] });
  return {
    algorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid, algorithmParams: params }),
    encrypted: octets(bytesOf(cipher.output.getBytes())),
  };
}

export async function exportLegacyPkcs12(input: {
  certPem: string;
  keyPkcs8Der: Uint8Array;
  chainPems?: string[];
  password: string;
}): Promise<Uint8Array> {
  const cert = parseCertificate(input.certPem);
  const localKeyId = toBytes(await subtle().digest('SHA-1', toArrayBuffer(certificateDer(cert))));
  const attributes = () => [
    new pkijs.Attribute({ type: OID_FRIENDLY_NAME, values: [new asn1js.BmpString({ value: 'Qyzmet legacy-scheme key' })] }),
    new pkijs.Attribute({ type: OID_LOCAL_KEY_ID, values: [octets(localKeyId)] }),
  ];

  const key = encrypt(OID_PBE_SHA1_3DES, input.keyPkcs8Der, input.password);
  const keyBag = new pkijs.SafeBag({
    bagId: OID_PKCS8_SHROUDED_KEY_BAG,
    bagValue: new pkijs.PKCS8ShroudedKeyBag({ encryptionAlgorithm: key.algorithm, encryptedData: key.encrypted }),
    bagAttributes: attributes(),
  });
  const keySafe = new pkijs.ContentInfo({
    contentType: OID_CT_DATA,
    content: octets(derOf(new pkijs.SafeContents({ safeBags: [keyBag] }).toSchema())),
  });

  const certBags = [cert, ...(input.chainPems ?? []).map((pem) => parseCertificate(pem))].map(
    (c, i) =>
      new pkijs.SafeBag({
        bagId: OID_CERT_BAG,
        bagValue: new pkijs.CertBag({ parsedValue: c }),
        ...(i === 0 ? { bagAttributes: attributes() } : {}),
      }),
  );
  const certs = encrypt(OID_PBE_SHA1_RC2_40, derOf(new pkijs.SafeContents({ safeBags: certBags }).toSchema()), input.password);
  const certSafe = new pkijs.ContentInfo({
    contentType: OID_ENCRYPTED_DATA,
    content: new pkijs.EncryptedData({
      version: 0,
      encryptedContentInfo: new pkijs.EncryptedContentInfo({
        contentType: OID_CT_DATA,
        contentEncryptionAlgorithm: certs.algorithm,
        encryptedContent: certs.encrypted,
      }),
    }).toSchema(),
  });

  const authSafe = derOf(new asn1js.Sequence({ value: [keySafe.toSchema(), certSafe.toSchema()] }));
  const macSalt = forge.random.getBytesSync(20);
  const hmac = forge.hmac.create();
  hmac.start('sha1', pkcs12Key(input.password, macSalt, 3, 20));
  hmac.update(binary(authSafe));
  const macData = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA1, algorithmParams: new asn1js.Null() }).toSchema(),
          octets(bytesOf(hmac.digest().getBytes())),
        ],
      }),
      octets(bytesOf(macSalt)),
      new asn1js.Integer({ value: ITERATIONS }),
    ],
  });
  const pfx = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 3 }),
      new pkijs.ContentInfo({ contentType: OID_CT_DATA, content: octets(authSafe) }).toSchema(),
      macData,
    ],
  });
  return derOf(pfx);
}
