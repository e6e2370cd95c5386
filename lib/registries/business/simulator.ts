import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { businesses } from '@/db/schema/registry';
import type { Business, BusinessRegistry } from './port';

export class BusinessSimulator implements BusinessRegistry {
  constructor(private readonly db: DbOrTx) {}

  async findByBin(bin: string): Promise<Business | null> {
    const [row] = await this.db.select().from(businesses).where(eq(businesses.bin, bin));
    return row ?? null;
  }
}
