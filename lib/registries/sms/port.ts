import { z } from 'zod';

export const smsStatusSchema = z.enum(['accepted', 'delivered', 'failed']);
export type SmsStatus = z.infer<typeof smsStatusSchema>;
export type SmsReceipt = { gatewayId: string; status: SmsStatus };

/** The SMS gateway (SPEC §2.5): the notification job sends to the BMG number and records the receipt. */
export interface SmsGateway {
  send(phone: string, text: string): Promise<SmsReceipt>;
  /** The delivery status later on; null = the gateway never saw that id. */
  status(gatewayId: string): Promise<SmsReceipt | null>;
}
