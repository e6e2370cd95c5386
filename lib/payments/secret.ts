/** The HMAC secret shared with the payment gateway; `npm start` generates one for the simulator when unset. */
export function paymentSecret(): string {
  const s = process.env.PAYMENT_GATEWAY_SECRET;
  if (!s || s.length < 16) throw new Error('PAYMENT_GATEWAY_SECRET is not set (16+ characters)');
  return s;
}
