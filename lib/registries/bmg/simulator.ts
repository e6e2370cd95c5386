import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { mobileNumbers } from '@/db/schema/registry';
import type { MobileCitizens } from './port';

export class BmgSimulator implements MobileCitizens {
  constructor(private readonly db: DbOrTx) {}

  async findPhone(iin: string): Promise<string | null> {
    const [row] = await this.db.select({ phone: mobileNumbers.phone }).from(mobileNumbers).where(eq(mobileNumbers.iin, iin));
    return row?.phone ?? null;
  }

  async verifyPhone(iin: string, phone: string): Promise<boolean> {
    const [row] = await this.db
      .select({ iin: mobileNumbers.iin })
      .from(mobileNumbers)
      .where(and(eq(mobileNumbers.iin, iin), eq(mobileNumbers.phone, phone)));
    return row !== undefined;
  }
}
