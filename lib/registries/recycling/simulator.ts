import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { recyclingFees } from '@/db/schema/registry';
import type { RecyclingFee, RecyclingFees } from './port';

export class RecyclingSimulator implements RecyclingFees {
  constructor(private readonly db: DbOrTx) {}

  async findFee(vin: string): Promise<RecyclingFee | null> {
    const [row] = await this.db.select().from(recyclingFees).where(eq(recyclingFees.vin, vin));
    return row ?? null;
  }
}
