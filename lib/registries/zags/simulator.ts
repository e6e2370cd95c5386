import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { births, civilChanges, marriages } from '@/db/schema/registry';
import type { CivilAct, CivilChange, Zags } from './port';

export class ZagsSimulator implements Zags {
  constructor(private readonly db: DbOrTx) {}

  async parentsOf(iin: string): Promise<{ mother?: string; father?: string }> {
    const [row] = await this.db.select({ mother: births.motherIin, father: births.fatherIin }).from(births).where(eq(births.childIin, iin));
    // An unknown parent is left out, as the CivilRecords contract says, never returned as null.
    return {
      ...(row?.mother ? { mother: row.mother } : {}),
      ...(row?.father ? { father: row.father } : {}),
    };
  }

  async childrenOf(iin: string): Promise<string[]> {
    const rows = await this.db
      .select({ child: births.childIin })
      .from(births)
      .where(or(eq(births.motherIin, iin), eq(births.fatherIin, iin)))
      .orderBy(asc(births.childIin));
    return rows.map((r) => r.child);
  }

  async spousesOf(iin: string): Promise<string[]> {
    const rows = await this.db
      .select({ a: marriages.spouse1Iin, b: marriages.spouse2Iin })
      .from(marriages)
      .where(and(or(eq(marriages.spouse1Iin, iin), eq(marriages.spouse2Iin, iin)), isNull(marriages.dissolvedOn)))
      .orderBy(asc(marriages.registeredOn));
    return rows.map((r) => (r.a === iin ? r.b : r.a));
  }

  // On or after: a change on the card's issue day may predate the card, so it sends the person to a CON.
  async changesSince(iin: string, sinceDate: string): Promise<CivilChange[]> {
    return this.db
      .select({ kind: civilChanges.kind, changedOn: civilChanges.changedOn, details: civilChanges.details })
      .from(civilChanges)
      .where(and(eq(civilChanges.iin, iin), gte(civilChanges.changedOn, sinceDate)))
      .orderBy(asc(civilChanges.changedOn), asc(civilChanges.id));
  }

  async birthAct(childIin: string): Promise<CivilAct | null> {
    const [row] = await this.db
      .select({ number: births.actNumber, registeredOn: births.registeredOn })
      .from(births)
      .where(eq(births.childIin, childIin));
    return row ?? null;
  }

  async marriageAct(iinA: string, iinB: string): Promise<CivilAct | null> {
    const [row] = await this.db
      .select({ number: marriages.actNumber, registeredOn: marriages.registeredOn })
      .from(marriages)
      .where(
        and(
          or(
            and(eq(marriages.spouse1Iin, iinA), eq(marriages.spouse2Iin, iinB)),
            and(eq(marriages.spouse1Iin, iinB), eq(marriages.spouse2Iin, iinA)),
          ),
          isNull(marriages.dissolvedOn),
        ),
      )
      .limit(1);
    return row ?? null;
  }
}
