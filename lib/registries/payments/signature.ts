import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CallbackPayload } from './port';

/** The header the gateway puts the signature in: lowercase hex HMAC-SHA256 of the raw body. */
export const CALLBACK_SIGNATURE_HEADER = 'x-gateway-signature';

/** The exact body the gateway posts; keys in a fixed order so a payload always signs the same. */
export function callbackBody(p: CallbackPayload): string {
  return JSON.stringify({
    eventId: p.eventId,
    invoiceId: p.invoiceId,
    merchantRef: p.merchantRef,
    outcome: p.outcome,
    amountTiyn: p.amountTiyn,
    at: p.at,
  });
}

function hmac(body: string, secret: string): Buffer {
  // An empty secret would let anyone compute a valid signature.
  if (!secret) throw new Error('payment gateway callback secret is not set');
  return createHmac('sha256', secret).update(body, 'utf8').digest();
}

/** Signs a payload (serialized with callbackBody) or a raw body string. */
export function signCallback(payload: CallbackPayload | string, secret: string): string {
  return hmac(typeof payload === 'string' ? payload : callbackBody(payload), secret).toString('hex');
}

/**
 * Checks the signature over the raw body as received (verify before parsing: a re-serialized object
 * need not match the bytes that were signed). Constant-time, so the signature cannot be guessed bytewise.
 */
export function verifyCallback(body: string, signature: string, secret: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
  return timingSafeEqual(hmac(body, secret), Buffer.from(signature, 'hex'));
}
