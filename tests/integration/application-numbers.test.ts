// Issue 16: application numbers come from a sequence per prefix and year, so a createApplication never waits for
// another one's number, and a rolled-back application leaves a gap that breaks nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { applicationNumbers } from '@/db/schema/applications';
import { createApplication, nextApplicationNumber } from '@/lib/applications/core';
import { freshDatabase } from '@/tests/support/db';
import { uniqueIin } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let app: ReturnType<typeof connect>;
beforeAll(async () => {
  database = await freshDatabase();
  // As the portal runs: its own role, which may not create anything in the schema.
  app = connect(database.appUrl, 20);
});
afterAll(async () => {
  await app.client.end();
  await database.drop();
});

const create = (tx: Parameters<Parameters<typeof app.db.transaction>[0]>[0], year: number) =>
  createApplication(tx, { pilot: 'id_card', status: 'draft', applicantIin: uniqueIin(), regionCode: '10', year }, null, null);
const serial = (n: string) => Number(n.slice(-6));

describe('application numbers from a sequence', () => {
  it('50 concurrent createApplication calls give 50 distinct, well-formed numbers', async () => {
    const apps = await Promise.all(Array.from({ length: 50 }, () => app.db.transaction((tx) => create(tx, 2030))));
    const numbers = apps.map((a) => a.number);
    expect(new Set(numbers).size).toBe(50);
    for (const n of numbers) expect(n).toMatch(/^ID-2030-\d{6}$/);
    // None lost: with no rollback the year's numbers are 1…50.
    expect(numbers.map(serial).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('a number does not wait for another open transaction that took one', async () => {
    await app.db.transaction((tx) => create(tx, 2031)); // the year's sequence exists
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let first!: string;
    let taken!: () => void;
    const tookOne = new Promise<void>((r) => (taken = r));
    const open = app.db.transaction(async (tx) => {
      first = (await create(tx, 2031)).number;
      taken();
      await held;
    });
    await tookOne;
    // A counter row held by the open transaction would make this one wait, and fail on the lock timeout.
    const second = await app.db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '3s'`);
      return (await create(tx, 2031)).number;
    });
    release();
    await open;
    expect(second).not.toBe(first);
    expect(serial(second)).toBe(serial(first) + 1);
  });

  it('a rolled-back transaction leaves a gap, and the next application is created as usual', async () => {
    const before = await app.db.transaction((tx) => create(tx, 2032));
    await expect(
      app.db.transaction(async (tx) => {
        await create(tx, 2032);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await app.db.transaction((tx) => create(tx, 2032));
    expect(serial(after.number)).toBe(serial(before.number) + 2);
    const rows = await database.db.execute<{ n: string }>(
      sql`select number as n from applications where number like 'ID-2032-%' order by number`,
    );
    expect(rows.map((r) => r.n)).toEqual([before.number, after.number]);
  });

  it("continues from the year's counter row of the numbers handed out before the sequence", async () => {
    await database.db.insert(applicationNumbers).values({ prefix: 'VR', year: 2033, last: 41 });
    expect(await app.db.transaction((tx) => nextApplicationNumber(tx, 'vehicle', 2033))).toBe('VR-2033-000042');
    expect(await app.db.transaction((tx) => nextApplicationNumber(tx, 'vehicle', 2033))).toBe('VR-2033-000043');
  });

  it('the first numbers of a new year, asked at once, make one sequence and no error', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 10 }, () => app.db.transaction((tx) => nextApplicationNumber(tx, 'residence', 2034))),
    );
    expect(numbers.map(serial).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('refuses a prefix or year that is not a number format', async () => {
    await expect(app.db.execute(sql`select application_number_next('x; drop', 2026)`)).rejects.toThrow();
    await expect(app.db.execute(sql`select application_number_next('ID', 1)`)).rejects.toThrow();
  });
});
