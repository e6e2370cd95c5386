import 'server-only';
import { db } from '@/db';
import { handlePaymentCallback } from '@/lib/payments/callback';
import { paymentSecret } from '@/lib/payments/secret';

/** The gateway's callback, checked against the portal's secret and applied to the portal's database. */
export const receivePaymentCallback = (raw: string, signature: string, ip: string | null) =>
  handlePaymentCallback(db, raw, signature, paymentSecret(), ip);
