import 'server-only';
import { publicUrl } from '@/lib/config';

/**
 * The portal's own origin for links that leave the page (gateway callbacks, QR codes): configuration only
 * (`QYZMET_PUBLIC_URL`; in demo mode the local port), never the request's Host or X-Forwarded-* headers.
 */
export async function publicOrigin(): Promise<string> {
  return publicUrl();
}
