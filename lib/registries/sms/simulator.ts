import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { smsGateway } from '@/db/schema/registry';
import { normalizeKzMobile } from '@/lib/kz/phone';
import type { SmsGateway, SmsReceipt } from './port';

/**
 * Messages land in registry.sms_gateway, which the demo SMS outbox page lists. A KZ mobile number is
 * "delivered" at once; anything else fails, as an operator would reject it.
 */
export class SmsSimulator implements SmsGateway {
  constructor(private readonly db: DbOrTx) {}

  async send(phone: string, text: string): Promise<SmsReceipt> {
    const status = normalizeKzMobile(phone) ? 'delivered' : 'failed';
    const gatewayId = randomUUID();
    await this.db.insert(smsGateway).values({ id: gatewayId, phone, text, status });
    return { gatewayId, status };
  }

  async status(gatewayId: string): Promise<SmsReceipt | null> {
    const [row] = await this.db
      .select({ gatewayId: smsGateway.id, status: smsGateway.status })
      .from(smsGateway)
      .where(eq(smsGateway.id, gatewayId));
    return row ?? null;
  }
}
