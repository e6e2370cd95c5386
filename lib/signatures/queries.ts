import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { certificates, demoKeyFiles, demoPkiAuthorities } from '@/db/schema/pki';
import { revokedCertificates } from '@/db/schema/signatures';
import { buildCrl } from './crl';
import { signatureReport, verifyByCode } from './service';

// The pages' and routes' reads, bound to the portal's database (the services take `db`, so tests pass their own).

/** Public verification: every signature under the document number, if the code matches one of them. */
export const verifyDocumentSignatures = (documentNumber: string, code: string) => verifyByCode(db, documentNumber, code);

export const signatureReportFor = (id: string, signerIin: string) => signatureReport(db, id, signerIin);

/** The demo PKI's CRL (DER), signed by the intermediate CA; null when the demo PKI has not been seeded. */
export async function demoCrl() {
  const [issuer] = await db.select().from(demoPkiAuthorities).where(eq(demoPkiAuthorities.name, 'intermediate'));
  if (!issuer) return null;
  const revoked = await db.select().from(revokedCertificates).orderBy(asc(revokedCertificates.revokedAt));
  return buildCrl({ issuerCertPem: issuer.certPem, issuerKeyPkcs8: new Uint8Array(issuer.keyPkcs8), revoked });
}

/** A demo persona's PKCS#12 key file with whose it is (one joined query); null for an unknown serial. */
export async function demoKeyFileOf(serial: string) {
  const [row] = await db
    .select({ pkcs12: demoKeyFiles.pkcs12, purpose: demoKeyFiles.purpose, iin: certificates.iin, bin: certificates.bin })
    .from(demoKeyFiles)
    .innerJoin(certificates, eq(certificates.serial, demoKeyFiles.certificateSerial))
    .where(eq(demoKeyFiles.certificateSerial, serial));
  return row ?? null;
}
