// Demo and reference seed. Idempotent: a cheap early check, one transaction under an advisory lock, and
// ON CONFLICT DO NOTHING (or a natural-key check for serial-keyed tables) on every insert.
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client';
import { persons, users } from '../schema';
import { seedCalendar } from './calendar';
import { isLocalDate } from '../../lib/calendar/local';
import { almatyToday } from './dates';
import { seedFamily } from './family';
import { seedMachinery } from './machinery';
import { seedMachineryApplications } from './machinery-applications';
import { seedMachineryReference } from './machinery-reference';
import { seedOffices } from './offices';
import { ALL_PEOPLE, seedPeople } from './people';
import { documentFor } from './people-model';
import { STAFF } from './personas-ids';
import { seedPersonas } from './personas';
import { seedPlates } from './plates';
import { seedTemporaryRegistrations } from './property';
import { seedReference } from './reference';
import { seedResidenceOnline } from './residence-online';
import { seedResidenceConsents } from './residence-consents';
import { seedSocial } from './social';
import { seedVehicles } from './vehicles';

export { AKIMAT, BIN, CADASTRE, CON, DISTRICT, MACHINE, PERSONA, PLATES, REGION, REG_POINT, STAFF, VIN } from './personas-ids';
export { makeBin, makeIin } from './iin-factory';

export interface SeedOptions {
  /** `YYYY-MM-DD` in Asia/Almaty; ID-card expiries, contracts and study periods are relative to it. */
  today?: string;
}

const LOCK_KEY = 0x51_59_5a_4d; // "QYZM": one seeder at a time

async function alreadySeeded(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.iin, STAFF.admin)).limit(1);
  return row !== undefined;
}

export async function seed(db: Db, opts: SeedOptions = {}): Promise<{ inserted: boolean }> {
  const today = opts.today ?? almatyToday();
  if (!isLocalDate(today)) throw new Error(`seed: today must be YYYY-MM-DD, got ${today}`);
  if (await alreadySeeded(db)) return { inserted: false };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    if (await alreadySeeded(tx)) return { inserted: false }; // another process won the race
    await seedReference(tx, today);
    await seedOffices(tx);
    await seedCalendar(tx);
    await seedPlates(tx);
    await seedPeople(tx, today);
    await seedFamily(tx);
    await seedSocial(tx, today);
    await seedTemporaryRegistrations(tx, today);
    await seedVehicles(tx, today);
    await seedMachinery(tx, today);
    await seedMachineryReference(tx);
    await seedMachineryApplications(tx, today);
    await seedResidenceOnline(tx);
    await seedResidenceConsents(tx, today);
    await seedPersonas(tx); // last: the admin user is the "already seeded" marker
    return { inserted: true };
  });
}

/**
 * Moves the relative ID-card dates (expires in 5/25/40 days, expired 3/20 days ago, …) to a new `today`,
 * for a long-lived demo database. Not called by `seed`: it would undo a renewal made in the demo.
 */
export async function refreshRelativeDates(db: Db, today: string = almatyToday()): Promise<number> {
  const relative = ALL_PEOPLE.filter((p) => p.cardExpiresInDays !== undefined);
  await db.transaction(async (tx) => {
    for (const spec of relative) {
      const { docIssuedOn, docExpiresOn } = documentFor(spec, today);
      await tx.update(persons).set({ docIssuedOn, docExpiresOn }).where(eq(persons.iin, spec.iin));
    }
  });
  return relative.length;
}
