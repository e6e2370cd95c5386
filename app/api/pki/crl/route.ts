import { asc, eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { db } from '@/db';
import { demoPkiAuthorities } from '@/db/schema/pki';
import { revokedCertificates } from '@/db/schema/signatures';
import { buildCrl } from '@/lib/signatures/crl';

/** The demo PKI's certificate revocation list (DER), public like every CA's CRL distribution point. */
export async function GET() {
  const [issuer] = await db.select().from(demoPkiAuthorities).where(eq(demoPkiAuthorities.name, 'intermediate'));
  if (!issuer) return new NextResponse(null, { status: 404 });
  const revoked = await db.select().from(revokedCertificates).orderBy(asc(revokedCertificates.revokedAt));
  const der = await buildCrl({ issuerCertPem: issuer.certPem, issuerKeyPkcs8: new Uint8Array(issuer.keyPkcs8), revoked });
  return new NextResponse(new Uint8Array(der), {
    headers: { 'content-type': 'application/pkix-crl', 'content-disposition': 'inline; filename="qyzmet-demo.crl"', 'cache-control': 'public, max-age=300' },
  });
}
