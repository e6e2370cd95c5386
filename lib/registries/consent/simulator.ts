import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { consentRequests } from '@/db/schema/registry';
import type { Consent, ConsentService } from './port';

const columns = {
  id: consentRequests.id,
  iin: consentRequests.iin,
  purpose: consentRequests.purpose,
  status: consentRequests.status,
  requestedAt: consentRequests.requestedAt,
  answeredAt: consentRequests.answeredAt,
};
/** The purpose of a standing answer ("no one may access my data"), not of a service's request. */
export const STANDING = '*';

type Row = { id: number } & Omit<Consent, 'id'>;
const toConsent = (r: Row): Consent => ({ ...r, id: String(r.id) });

/** Ids outside the serial range are "no such request", not a database error. */
function parseId(id: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(id) && Number(id) <= 2_147_483_647 ? Number(id) : null;
}

export class ConsentSimulator implements ConsentService {
  constructor(private readonly db: DbOrTx) {}

  async request(iin: string, purpose: string): Promise<{ id: string }> {
    // The simulated standing refusal: a row with purpose '*' the person refused (seeded, db/seed/social.ts).
    const [standing] = await this.db
      .select({ id: consentRequests.id })
      .from(consentRequests)
      .where(and(eq(consentRequests.iin, iin), eq(consentRequests.purpose, STANDING), eq(consentRequests.status, 'refused')))
      .limit(1);
    const [row] = await this.db
      .insert(consentRequests)
      .values(standing ? { iin, purpose, status: 'refused', answeredAt: new Date() } : { iin, purpose })
      .returning({ id: consentRequests.id });
    if (!row) throw new Error('consent request not stored');
    return { id: String(row.id) };
  }

  grant(id: string): Promise<Consent | null> {
    return this.answer(id, 'granted');
  }

  refuse(id: string): Promise<Consent | null> {
    return this.answer(id, 'refused');
  }

  async status(id: string): Promise<Consent | null> {
    const n = parseId(id);
    if (n === null) return null;
    const [row] = await this.db.select(columns).from(consentRequests).where(eq(consentRequests.id, n));
    return row ? toConsent(row) : null;
  }

  // Compare-and-set on `requested`: a double click or a late second answer cannot flip the first.
  private async answer(id: string, status: 'granted' | 'refused'): Promise<Consent | null> {
    const n = parseId(id);
    if (n === null) return null;
    const [row] = await this.db
      .update(consentRequests)
      .set({ status, answeredAt: new Date() })
      .where(and(eq(consentRequests.id, n), eq(consentRequests.status, 'requested')))
      .returning(columns);
    return row ? toConsent(row) : this.status(id);
  }
}
