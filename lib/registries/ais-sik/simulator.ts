import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { socialStatuses } from '@/db/schema/registry';
import type { SocialStatus, SocialStatuses } from './port';

export class AisSikSimulator implements SocialStatuses {
  constructor(private readonly db: DbOrTx) {}

  async socialStatuses(iin: string): Promise<SocialStatus[]> {
    return this.db
      .select({ status: socialStatuses.status, since: socialStatuses.since })
      .from(socialStatuses)
      .where(eq(socialStatuses.iin, iin))
      .orderBy(asc(socialStatuses.status));
  }
}
