import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { properties, propertyOwners } from '@/db/schema/registry';
import { splitAddress } from './address';
import type { AddressEntry, AddressQuery, Cadastre, Property } from './port';

const byName = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

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

  /**
   * The register's structure, read back from the address lines of the region's dwellings (the simulator keeps one
   * line per language); a line of another shape is left out rather than guessed at.
   */
  async searchAddresses(q: AddressQuery): Promise<AddressEntry[]> {
    const rows = await this.db
      .select({
        cadastralNumber: properties.cadastralNumber,
        regionCode: properties.regionCode,
        kind: properties.kind,
        addressKk: properties.addressKk,
        addressRu: properties.addressRu,
      })
      .from(properties)
      .where(eq(properties.regionCode, q.regionCode));
    const entries: AddressEntry[] = [];
    for (const r of rows) {
      const parts = splitAddress(r.addressKk, r.addressRu);
      if (!parts) continue;
      if (q.locality !== undefined && parts.locality.ru !== q.locality) continue;
      if (q.street !== undefined && parts.street.ru !== q.street) continue;
      if (q.house !== undefined && parts.house !== q.house) continue;
      entries.push({ cadastralNumber: r.cadastralNumber, regionCode: r.regionCode, kind: r.kind, ...parts });
    }
    entries.sort(
      (a, b) =>
        byName.compare(a.locality.ru, b.locality.ru) ||
        byName.compare(a.street.ru, b.street.ru) ||
        byName.compare(a.house, b.house) ||
        byName.compare(a.flat ?? '', b.flat ?? ''),
    );
    return entries.slice(0, 500);
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
