import { NextResponse } from 'next/server';
import { isDemoMode } from '@/lib/auth/config';
import { demoKeyFileOf } from '@/lib/signatures/queries';

/**
 * Demo mode only: a persona's password-protected PKCS#12 key file, the form real NUC keys come in. Public like
 * the persona picker itself (the password is shown there); a production deployment has no demo keys at all.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ serial: string }> }) {
  if (!isDemoMode()) return new NextResponse(null, { status: 404 });
  const { serial } = await params;
  if (!/^[0-9a-f]{2,64}$/.test(serial)) return new NextResponse(null, { status: 404 });
  const row = await demoKeyFileOf(serial);
  if (!row) return new NextResponse(null, { status: 404 });
  // NUC names key files AUTH_RSA256_… / RSA256_…; we keep that shape with the IIN (or BIN) and purpose.
  const name = `${row.purpose === 'authentication' ? 'AUTH_RSA256' : 'RSA256'}_${row.bin ?? row.iin}.p12`;
  return new NextResponse(new Uint8Array(row.pkcs12), {
    headers: {
      'content-type': 'application/x-pkcs12',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}
