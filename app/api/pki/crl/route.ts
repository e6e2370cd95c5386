import { NextResponse } from 'next/server';
import { demoCrl } from '@/lib/signatures/queries';

/** The demo PKI's certificate revocation list (DER), public like every CA's CRL distribution point. */
export async function GET() {
  const der = await demoCrl();
  if (!der) return new NextResponse(null, { status: 404 });
  return new NextResponse(new Uint8Array(der), {
    headers: {
      'content-type': 'application/pkix-crl',
      'content-disposition': 'inline; filename="qyzmet-demo.crl"',
      'cache-control': 'public, max-age=300',
    },
  });
}
