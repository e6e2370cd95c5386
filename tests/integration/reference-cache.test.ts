// Issue 16: reference data is cached per process, and an edit — the admin's reference editor in this process, or
// any write from another one — is seen by the next read. Each of these fails if the cache were not invalidated.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDays, fees, pilotSettings, regions } from '@/db/schema/reference';
import { seededDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof seededDatabase>>;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => {
  await database.drop();
});

const load = async () => {
  const [queries, cache] = await Promise.all([import('@/lib/reference/queries'), import('@/lib/reference/cache')]);
  return { ...queries, ...cache };
};

describe('reference data cached per process', () => {
  it('a second read of unchanged data loads nothing', async () => {
    const { allRegions, allPilotSettings, referenceLoads } = await load();
    await Promise.all([allRegions(), allPilotSettings()]);
    const before = referenceLoads();
    const [a, b] = await Promise.all([allRegions(), allRegions(), allPilotSettings()]);
    expect(referenceLoads()).toBe(before);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(10);
  });

  it("the admin's reference editor saves a region: the next read has the new name", async () => {
    const { allRegions } = await load();
    const { saveReferenceRow } = await import('@/lib/admin/reference-service');
    const [astana] = (await allRegions()).filter((r) => r.code === '02');
    expect(astana).toBeDefined();
    const admin = await makeUser(database.db, 'admin');
    await saveReferenceRow(admin, admin.grants[0]!, 'regions', '02', {
      nameKk: 'Астана қ. (жаңа)',
      nameRu: astana!.nameRu,
      kind: astana!.kind,
    });
    expect((await allRegions()).find((r) => r.code === '02')?.nameKk).toBe('Астана қ. (жаңа)');
  });

  it('a write from another process (another connection) is seen by the next read', async () => {
    const { allPilotSettings } = await load();
    expect((await allPilotSettings()).get('residence')?.enabled).toBe(true);
    await database.db.update(regions).set({ nameRu: 'г. Астана (новое)' }).where(eq(regions.code, '02'));
    const { allRegions } = await load();
    expect((await allRegions()).find((r) => r.code === '02')?.nameRu).toBe('г. Астана (новое)');
    await database.db.update(pilotSettings).set({ enabled: false }).where(eq(pilotSettings.pilot, 'residence'));
    expect((await allPilotSettings()).get('residence')?.enabled).toBe(false);
  });

  it('the fee table and the working calendar follow an edit too', async () => {
    const { billFor } = await import('@/lib/payments/purpose');
    const { loadWorkCalendar } = await import('@/lib/calendar/work-calendar');
    const { db } = await import('@/db');
    const [fee] = await database.db.select().from(fees).limit(1);
    const year = 2026;
    const before = await billFor(db, [fee!.code], year);
    expect(before).not.toBeNull();
    await database.db
      .update(fees)
      .set({ mrpMilli: fee!.mrpMilli + 1000 })
      .where(eq(fees.code, fee!.code));
    const after = await billFor(db, [fee!.code], year);
    expect(after!.totalTiyn).toBeGreaterThan(before!.totalTiyn);

    const day = '2026-12-09'; // a Wednesday
    expect((await loadWorkCalendar(db)).isWorkingDay(day)).toBe(true);
    await database.db.insert(calendarDays).values({ day, kind: 'holiday' }).onConflictDoNothing();
    expect((await loadWorkCalendar(db)).isWorkingDay(day)).toBe(false);
  });
});
