// GBD FL (registry.persons), BMG (registry.mobile_numbers) and the cadastre rows of everyone's home.
import type { DbOrTx } from '../client';
import { mobileNumbers, persons } from '../schema';
import { generatedHome, type GeneratedHome } from './addresses';
import { BACKGROUND } from './background';
import { CITIZENS } from './citizens';
import { FAMILY } from './family';
import { personRow, phoneFor, type Home, type PersonSpec } from './people-model';
import { explicitHome, explicitOwnerRows, explicitPropertyRows, seedProperties } from './property';
import { DEALER_EMPLOYEES, STAFF_PEOPLE } from './staff';

/** Everyone in GBD FL, in a fixed order (photo seeds follow it). */
export const ALL_PEOPLE: readonly PersonSpec[] = [...CITIZENS, ...FAMILY, ...DEALER_EMPLOYEES, ...STAFF_PEOPLE, ...BACKGROUND];

interface Built {
  persons: (typeof persons.$inferInsert)[];
  generated: GeneratedHome[];
  generatedOwners: { cadastralNumber: string; iin: string; shareMilli: number }[];
}

export function buildPeople(today: string): Built {
  const seen = new Set<string>();
  const explicit = new Set(explicitPropertyRows().map((p) => p.cadastralNumber));
  const out: Built = { persons: [], generated: [], generatedOwners: [] };
  ALL_PEOPLE.forEach((spec, i) => {
    if (seen.has(spec.iin)) throw new Error(`Duplicate seed IIN ${spec.iin}`);
    seen.add(spec.iin);
    let home: Home | null = null;
    if (spec.home) {
      home = explicitHome(spec.home);
    } else if (spec.region) {
      const g = generatedHome(spec.iin, spec.region, spec.district);
      // A clash would silently change someone's registered count (the Astana norm): refuse it.
      if (explicit.has(g.cadastralNumber) || out.generated.some((x) => x.cadastralNumber === g.cadastralNumber)) {
        throw new Error(`Generated home clash for ${spec.iin}: ${g.cadastralNumber}`);
      }
      out.generated.push(g);
      out.generatedOwners.push({ cadastralNumber: g.cadastralNumber, iin: spec.iin, shareMilli: 1000 });
      home = g;
    }
    out.persons.push(personRow(spec, home, today, i + 1));
  });
  return out;
}

export async function seedPeople(db: DbOrTx, today: string) {
  const built = buildPeople(today);
  for (let i = 0; i < built.persons.length; i += 200) {
    await db
      .insert(persons)
      .values(built.persons.slice(i, i + 200))
      .onConflictDoNothing();
  }
  const phones = ALL_PEOPLE.filter((p) => p.phone !== null && !p.deceased).map((p) => ({ iin: p.iin, phone: p.phone ?? phoneFor(p.iin) }));
  await db.insert(mobileNumbers).values(phones).onConflictDoNothing();
  await seedProperties(
    db,
    [
      ...explicitPropertyRows(),
      ...built.generated.map(({ cadastralNumber, regionCode, addressKk, addressRu, kind, totalAreaM2 }) => ({
        cadastralNumber,
        regionCode,
        addressKk,
        addressRu,
        kind,
        totalAreaM2,
      })),
    ],
    [...explicitOwnerRows(), ...built.generatedOwners],
  );
}
