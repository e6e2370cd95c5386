import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { guardianships } from '@/db/schema/registry';
import type { Guardianship, SocialProtection } from './port';

export class ESobesSimulator implements SocialProtection {
  constructor(private readonly db: DbOrTx) {}

  async guardianship(iin: string): Promise<Guardianship | null> {
    const [row] = await this.db
      .select({
        incapable: guardianships.incapable,
        guardianIin: guardianships.guardianIin,
        basisKk: guardianships.basisKk,
        basisRu: guardianships.basisRu,
      })
      .from(guardianships)
      .where(eq(guardianships.iin, iin));
    return row ?? null;
  }
}
