import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cryptoEngine, parseCertificate, toBytes } from './encoding';
import { importPrivateKey } from './sign';

// RFC 5280 §5.3.1 reason codes.
const REASON_CODES: Record<string, number> = { keyCompromise: 1, affiliationChanged: 3, superseded: 4, cessationOfOperation: 5 };
const OID_CRL_REASON = '2.5.29.21';

/**
 * An X.509 v2 CRL of the revoked serials, signed by the issuing CA (the demo intermediate), valid for a day:
 * what relying parties outside the portal download to check the demo certificates.
 */
export async function buildCrl(input: {
  issuerCertPem: string;
  issuerKeyPkcs8: Uint8Array;
  revoked: { serial: string; revokedAt: Date; reason: string }[];
  now?: Date;
}): Promise<Uint8Array> {
  const now = input.now ?? new Date();
  const issuer = parseCertificate(input.issuerCertPem);
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuer.subject;
  crl.thisUpdate = new pkijs.Time({ type: 0, value: now });
  crl.nextUpdate = new pkijs.Time({ type: 0, value: new Date(now.getTime() + 86_400_000) });
  if (input.revoked.length) {
    crl.revokedCertificates = input.revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: Uint8Array.from(Buffer.from(r.serial, 'hex')).buffer }),
          revocationDate: new pkijs.Time({ type: 0, value: r.revokedAt }),
          crlEntryExtensions: new pkijs.Extensions({
            extensions: [
              new pkijs.Extension({
                extnID: OID_CRL_REASON,
                critical: false,
                extnValue: new asn1js.Enumerated({ value: REASON_CODES[r.reason] ?? 0 }).toBER(false),
              }),
            ],
          }),
        }),
    );
  }
  await crl.sign(await importPrivateKey(input.issuerKeyPkcs8), 'SHA-256', cryptoEngine());
  return toBytes(crl.toSchema().toBER(false));
}
