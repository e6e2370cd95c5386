import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { persons } from '@/db/schema/registry';
import type { DigitalId } from './port';

/** Outcomes are seeded per person (persons.liveness_ok / face_match_ok) so demo data can show both branches. */
export class DigitalIdSimulator implements DigitalId {
  constructor(private readonly db: DbOrTx) {}

  private async flags(iin: string) {
    const [row] = await this.db
      .select({ livenessOk: persons.livenessOk, faceMatchOk: persons.faceMatchOk })
      .from(persons)
      .where(eq(persons.iin, iin));
    return row ?? null;
  }

  async liveness(iin: string): Promise<{ passed: boolean } | null> {
    const f = await this.flags(iin);
    return f ? { passed: f.livenessOk } : null;
  }

  // The real system compares the photo; the simulator ignores the bytes (the port's 2nd argument) and answers from the seed.
  async faceMatch(iin: string): Promise<{ matched: boolean } | null> {
    const f = await this.flags(iin);
    return f ? { matched: f.faceMatchOk } : null;
  }

  // Passes only when both seeded flags do; the sample (2nd argument) is ignored by the simulator.
  async verifySample(iin: string): Promise<{ passed: boolean } | null> {
    const f = await this.flags(iin);
    return f ? { passed: f.livenessOk && f.faceMatchOk } : null;
  }
}
