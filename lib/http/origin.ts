import 'server-only';
import { headers } from 'next/headers';

/** The portal's own origin for links that leave the page (gateway callbacks, QR codes): config, else the request. */
export async function publicOrigin(): Promise<string> {
  if (process.env.QYZMET_PUBLIC_URL) return process.env.QYZMET_PUBLIC_URL.replace(/\/+$/, '');
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host')}`;
}
