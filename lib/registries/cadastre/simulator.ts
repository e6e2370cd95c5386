import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { properties, propertyOwners } from '@/db/schema/registry';
import type { Cadastre, Property } from './port';

export class CadastreSimulator implements Cadastre {
  constructor(private readonly db: DbOrTx) {}

  async findProperty(cadastralNumber: string): Promise<Property | null> {
    const [found] = await this.withOwners([cadastralNumber]);
    return found ?? null;
  }

  async propertiesOf(iin: string): Promise<Property[]> {
    const owned = await this.db.select({ n: propertyOwners.cadastralNumber }).from(propertyOwners).where(eq(propertyOwners.iin, iin));
    return this.withOwners(owned.map((o) => o.n));
  }

  // Two queries whatever the number of dwellings, instead of one per dwelling.
  private async withOwners(numbers: string[]): Promise<Property[]> {
    if (numbers.length === 0) return [];
    const [props, owners] = await Promise.all([
      this.db.select().from(properties).where(inArray(properties.cadastralNumber, numbers)).orderBy(asc(properties.cadastralNumber)),
      this.db.select().from(propertyOwners).where(inArray(propertyOwners.cadastralNumber, numbers)).orderBy(asc(propertyOwners.iin)),
    ]);
    return props.map((p) => ({
      ...p,
      owners: owners.filter((o) => o.cadastralNumber === p.cadastralNumber).map((o) => ({ iin: o.iin, shareMilli: o.shareMilli })),
    }));
  }
}
