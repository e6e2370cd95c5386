import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customsPayments } from '@/db/schema/registry';
import type { CustomsPayment, CustomsPayments } from './port';

export class CustomsSimulator implements CustomsPayments {
  constructor(private readonly db: DbOrTx) {}

  async findPayment(vin: string): Promise<CustomsPayment | null> {
    const [row] = await this.db.select().from(customsPayments).where(eq(customsPayments.vin, vin));
    return row ?? null;
  }
}
