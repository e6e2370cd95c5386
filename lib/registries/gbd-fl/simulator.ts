import { and, count, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { persons, temporaryRegistrations } from '@/db/schema/registry';
import { toLocalDate } from '@/lib/calendar/deadline';
import {
  addressRegistrationSchema,
  type AddressRegistration,
  type Person,
  type PopulationRegistry,
  type RegistrationReceipt,
} from './port';

type PersonRow = typeof persons.$inferSelect;

function toPerson(r: PersonRow): Person {
  const { regionCode, addressKk, addressRu } = r;
  return {
    iin: r.iin,
    names: {
      kk: { surname: r.surnameKk, givenName: r.givenNameKk, patronymic: r.patronymicKk },
      ru: { surname: r.surnameRu, givenName: r.givenNameRu, patronymic: r.patronymicRu },
      lat: { surname: r.surnameLat, givenName: r.givenNameLat },
    },
    birthDate: r.birthDate,
    sex: r.sex,
    citizenship: r.citizenship,
    birthCountry: r.birthCountry,
    capable: r.capable,
    deceased: r.deceased,
    permanentAddress:
      regionCode !== null && addressKk !== null && addressRu !== null
        ? { regionCode, addressKk, addressRu, cadastralNumber: r.cadastralNumber }
        : null,
    document: { type: r.docType, number: r.docNumber, issuedOn: r.docIssuedOn, expiresOn: r.docExpiresOn },
    photoSeed: r.photoSeed,
  };
}

export class GbdFlSimulator implements PopulationRegistry {
  constructor(private readonly db: DbOrTx) {}

  async findPerson(iin: string): Promise<Person | null> {
    const [row] = await this.db.select().from(persons).where(eq(persons.iin, iin));
    return row ? toPerson(row) : null;
  }

  async findPersonByDocument(documentNumber: string): Promise<Person | null> {
    const [row] = await this.db.select().from(persons).where(eq(persons.docNumber, documentNumber.trim().toUpperCase()));
    return row ? toPerson(row) : null;
  }

  async countRegisteredAt(cadastralNumber: string, onDate: string = toLocalDate(new Date())): Promise<number> {
    // A union, not a sum: someone registered both permanently and temporarily at one dwelling is one person.
    // The deceased are deregistered in life, so they do not take up the Astana norm (§6 step 2).
    const registered = this.db
      .select({ iin: persons.iin })
      .from(persons)
      .where(and(eq(persons.cadastralNumber, cadastralNumber), eq(persons.deceased, false)))
      .union(
        this.db
          .select({ iin: temporaryRegistrations.iin })
          .from(temporaryRegistrations)
          .where(
            and(
              eq(temporaryRegistrations.cadastralNumber, cadastralNumber),
              lte(temporaryRegistrations.fromDate, onDate),
              gte(temporaryRegistrations.toDate, onDate),
            ),
          ),
      )
      .as('registered');
    const [row] = await this.db.select({ n: count() }).from(registered);
    return row?.n ?? 0;
  }

  async registerAddress(input: AddressRegistration): Promise<RegistrationReceipt | null> {
    const reg = addressRegistrationSchema.parse(input);
    if (reg.kind === 'permanent') {
      const updated = await this.db
        .update(persons)
        .set({ ...reg.address })
        .where(eq(persons.iin, reg.iin))
        .returning({ iin: persons.iin });
      return updated.length ? { kind: 'permanent', cadastralNumber: reg.address.cadastralNumber } : null;
    }
    const [person] = await this.db.select({ iin: persons.iin }).from(persons).where(eq(persons.iin, reg.iin));
    if (!person) return null;
    const row = { iin: reg.iin, cadastralNumber: reg.cadastralNumber, fromDate: reg.fromDate, toDate: reg.toDate };
    // A retry after a timeout must not register the person twice.
    const [existing] = await this.db
      .select({ id: temporaryRegistrations.id })
      .from(temporaryRegistrations)
      .where(
        and(
          eq(temporaryRegistrations.iin, row.iin),
          eq(temporaryRegistrations.cadastralNumber, row.cadastralNumber),
          eq(temporaryRegistrations.fromDate, row.fromDate),
          eq(temporaryRegistrations.toDate, row.toDate),
        ),
      );
    if (!existing) await this.db.insert(temporaryRegistrations).values(row);
    return { kind: 'temporary', cadastralNumber: row.cadastralNumber };
  }
}
