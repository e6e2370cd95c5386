// The demo seed (idempotent, valid identifiers), the database-backed working calendar and both file stores.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import {
  machineryActionFees,
  machineryApplications,
  machineryChecklists,
  machineryPlates,
  machineryRefusalReasons,
} from '@/db/schema/machinery';
import { fees, mrpValues } from '@/db/schema/reference';
import { businesses, feePayments, machines, persons } from '@/db/schema/registry';
import { MACHINERY_ACTION_FEES } from '@/db/seed/machinery';
import { BIN, MACHINE, PERSONA } from '@/db/seed/personas-ids';
import { users } from '@/db/schema/people';
import { seed } from '@/db/seed';
import { MACHINERY_CHECKLISTS, MACHINERY_REFUSAL_REASONS } from '@/db/seed/machinery-reference';
import { reviewDeadline } from '@/lib/calendar/deadline';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { DatabaseFileStore, DiskFileStore } from '@/lib/files/store';
import { mrpToTiyn } from '@/lib/format';
import { isValidIin } from '@/lib/kz/iin';
import { freshDatabase } from '@/tests/support/db';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('demo seed', () => {
  it('seeds once: a second run inserts nothing', async () => {
    expect(await seed(database.db, { today: '2026-11-23' })).toEqual({ inserted: true });
    const before = await database.db.select({ n: count() }).from(persons);
    expect(await seed(database.db, { today: '2026-11-23' })).toEqual({ inserted: false });
    expect(await database.db.select({ n: count() }).from(persons)).toEqual(before);
  });

  it('every seeded IIN is valid and every user is a registry person', async () => {
    const iins = await database.db.select({ iin: persons.iin }).from(persons);
    expect(iins.length).toBeGreaterThan(50);
    expect(iins.filter((r) => !isValidIin(r.iin))).toEqual([]);
    const [orphans] = await database.db
      .select({ n: count() })
      .from(users)
      .where(sql`${users.iin} not in (select iin from registry.persons)`);
    expect(orphans!.n).toBe(0);
  });
});

describe('working calendar from the database', () => {
  it('knows the seeded 2026 holidays and weekends', async () => {
    const cal = await loadWorkCalendar(database.db);
    expect(cal.isWorkingDay('2026-03-23')).toBe(false); // Nauryz
    expect(cal.isWorkingDay('2026-03-26')).toBe(true);
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    // Received Friday 20 Mar 2026 at 17:30 local: the count starts at 09:00 on Thu 26 Mar (23–25 are holidays),
    // so the deadline is 09:00 on Fri 27 Mar.
    expect(reviewDeadline(new Date('2026-03-20T12:30:00Z'), cal).toISOString()).toBe('2026-03-27T04:00:00.000Z');
  });
});

describe('machinery schema (orders 001/004)', () => {
  it('the seed wrote every checklist item and refusal reason, once', async () => {
    expect(await database.db.select({ n: count() }).from(machineryChecklists)).toEqual([{ n: MACHINERY_CHECKLISTS.length }]);
    expect(await database.db.select({ n: count() }).from(machineryRefusalReasons)).toEqual([{ n: MACHINERY_REFUSAL_REASONS.length }]);
  });

  it('an owner is identified by the number of its kind; a representative comes with a power of attorney', async () => {
    const [app] = await database.db
      .insert(applications)
      .values({ number: 'AM-2026-999999', pilot: 'machinery', status: 'received', akimatId: 1006, serviceCentreId: 1001 })
      .returning();
    const row = {
      applicationId: app!.id,
      action: 'registration',
      machineKind: 'tractor',
      make: 'Кировец',
      model: 'К-742М',
      year: 2025,
      serialNumber: 'K742M-25-0007731',
    } as const;
    const insert = (v: Partial<typeof machineryApplications.$inferInsert>) =>
      database.db.transaction((tx) => tx.insert(machineryApplications).values({ ...row, ownerKind: 'person', ...v }));
    await expect(insert({ ownerKind: 'person', ownerBin: '123456789012' })).rejects.toThrow();
    await expect(insert({ ownerKind: 'organisation', ownerIin: '123456789012' })).rejects.toThrow();
    await expect(insert({ ownerIin: '123456789012', representativeIin: '210987654321' })).rejects.toThrow();
    await insert({
      ownerIin: '123456789012',
      representativeIin: '210987654321',
      powerOfAttorneyNumber: 'D-1',
      powerOfAttorneyValidUntil: '2027-01-01',
    });
    const [saved] = await database.db.select().from(machineryApplications).where(eq(machineryApplications.applicationId, app!.id));
    expect(saved).toMatchObject({ ownerKind: 'person', checklistTicks: [], powerOfAttorneyNumber: 'D-1' });
  });
});

describe('machinery register, plate archive and payment registry (p.6 (3), p.10 (3))', () => {
  it('every plate of a registered machine is assigned to it in the archive, and each pilot region has free blanks', async () => {
    const registered = await database.db.select().from(machines).where(eq(machines.status, 'registered'));
    expect(registered.length).toBeGreaterThan(0);
    for (const m of registered) {
      expect(m.documentNumber).toMatch(/TP\d{7}$/);
      const [plate] = await database.db.select().from(machineryPlates).where(eq(machineryPlates.number, m.plate!));
      expect(plate).toMatchObject({ status: 'assigned', machineSerial: m.serialNumber, regionCode: m.registeredRegionCode });
    }
    const free = await database.db
      .select({ region: machineryPlates.regionCode, n: count() })
      .from(machineryPlates)
      .where(eq(machineryPlates.status, 'free'))
      .groupBy(machineryPlates.regionCode)
      .orderBy(machineryPlates.regionCode);
    expect(free.map((f) => f.region)).toEqual(['02', '10']);
    expect(free.every((f) => f.n > 50)).toBe(true);
  });

  it('each action costs the fees of its reference row; the farmer has paid the registration fees in full', async () => {
    const rows = await database.db.select().from(machineryActionFees);
    const expected = Object.values(MACHINERY_ACTION_FEES).reduce((n, codes) => n + codes.length, 0);
    expect(rows).toHaveLength(expected);
    const [mrp] = await database.db.select().from(mrpValues).where(eq(mrpValues.year, 2026));
    const paid = await database.db
      .select({ code: feePayments.feeCode, tiyn: feePayments.amountTiyn, milli: fees.mrpMilli })
      .from(feePayments)
      .innerJoin(fees, eq(fees.code, feePayments.feeCode))
      .where(eq(feePayments.payer, PERSONA.farmerSerik));
    expect(paid.map((p) => p.code).sort()).toEqual([...MACHINERY_ACTION_FEES.registration].sort());
    for (const p of paid) expect(p.tiyn).toBe(mrpToTiyn(p.milli, mrp!.valueTenge));
  });

  it('the road contractor is an organisation owner: in the business registry, owning machines by BIN, paid by BIN', async () => {
    const [org] = await database.db.select().from(businesses).where(eq(businesses.bin, BIN.kostanayDorStroy));
    expect(org).toMatchObject({ regionCode: '10', nameRu: 'ТОО «КостанайДорСтрой»' });
    const owned = await database.db.select().from(machines).where(eq(machines.ownerBin, BIN.kostanayDorStroy));
    expect(owned.map((m) => [m.serialNumber, m.ownerIin, m.status]).sort()).toEqual(
      [
        [MACHINE.graderDorStroy, null, 'registered'],
        [MACHINE.rollerDorStroy, null, 'new'],
      ].sort(),
    );
    const paid = await database.db
      .select({ code: feePayments.feeCode })
      .from(feePayments)
      .where(eq(feePayments.payer, BIN.kostanayDorStroy));
    expect(paid.map((p) => p.code).sort()).toEqual([...MACHINERY_ACTION_FEES.registration].sort());
    // Its representative is a person GBD FL knows, who signs in as a citizen.
    const [rep] = await database.db.select().from(persons).where(eq(persons.iin, PERSONA.contractorRepDaulet));
    expect(rep?.regionCode).toBe('10');
  });
});

describe('file stores', () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  const opts = { purpose: 'test', maxBytes: 1024, allowed: ['image/jpeg'] as const };

  it('the database store keeps the bytes and the sniffed type', async () => {
    const store = new DatabaseFileStore();
    const saved = await store.save(database.db, { ...opts, data: jpeg });
    expect(saved.contentType).toBe('image/jpeg');
    expect([...(await store.read(database.db, saved.id))!.data]).toEqual([...jpeg]);
  });

  it('the disk store writes under its root and reads back', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'qz-files-'));
    const store = new DiskFileStore(root);
    const saved = await store.save(database.db, { ...opts, data: jpeg });
    expect([...(await store.read(database.db, saved.id))!.data]).toEqual([...jpeg]);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('refuses a disguised file before storing anything', async () => {
    const store = new DatabaseFileStore();
    await expect(store.save(database.db, { ...opts, data: new TextEncoder().encode('MZ fake.jpg') })).rejects.toMatchObject({
      code: 'file_type_not_allowed',
    });
  });
});
