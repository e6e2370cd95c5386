// Issue 17: a citizen is reminded once before a deadline they can act on (the vehicle buyer's expiry, an ID-card
// draft's expiry), in their language, linked to the application; a re-run of the job reminds nobody twice.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { outbox } from '@/db/schema/notifications';
import { vehicleApplications } from '@/db/schema/vehicle';
import { PERSONA, REG_POINT } from '@/db/seed/personas-ids';
import { notificationText } from '@/lib/notifications/render';
import { remindNearDeadlines } from '@/lib/ops/deadline-reminders';
import { seededDatabase } from '@/tests/support/db';

let database: Awaited<ReturnType<typeof seededDatabase>>;
const now = new Date();
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);

async function waitingBuyer(number: string, expiresAt: Date) {
  const [app] = await database.db
    .insert(applications)
    .values({ number, pilot: 'vehicle', status: 'awaiting_buyer', applicantIin: PERSONA.buyerErlan, regionCode: '01' })
    .returning();
  const name = { surname: 'Сейтов', givenName: 'Ерлан', patronymic: 'Маратұлы' };
  await database.db.insert(vehicleApplications).values({
    applicationId: app!.id,
    vin: `VINDEADLINE${number.slice(-6)}`,
    dealerBin: '000000000000',
    dealerNameKk: 'т',
    dealerNameRu: 'т',
    vehicle: null,
    buyerIin: PERSONA.buyerErlan,
    buyerNameKk: name,
    buyerNameRu: name,
    expiresAt,
  });
  return app!;
}

const remindersOf = (id: string) =>
  database.db
    .select()
    .from(outbox)
    .where(sql`${outbox.dedupeKey} like ${`deadline:${id}:%`}`);

beforeAll(async () => {
  database = await seededDatabase();
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('near-deadline reminders (issue 17)', () => {
  it('the buyer is reminded once within 24 hours of the expiry, not earlier, in both languages', async () => {
    const near = await waitingBuyer('VR-DL-000001', inHours(3));
    const far = await waitingBuyer('VR-DL-000002', inHours(30));
    await remindNearDeadlines(database.db, now);
    await remindNearDeadlines(database.db, now);
    const rows = await remindersOf(near.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({
      recipientIin: PERSONA.buyerErlan,
      applicationId: near.id,
      kind: 'deadline_near_vehicle_buyer',
      sms: true,
    });
    expect(await remindersOf(far.id)).toHaveLength(0);
    const params = (rows[0]!.payload as { params: Record<string, string> }).params;
    expect(notificationText('deadline_near_vehicle_buyer', params, 'kk')).toContain('VR-DL-000001');
    expect(notificationText('deadline_near_vehicle_buyer', params, 'ru')).toContain(params.until!);
  });

  it('an ID-card draft about to expire is reminded once; touching it moves the deadline, which is reminded anew', async () => {
    const [app] = await database.db
      .insert(applications)
      .values({ number: 'ID-DL-000001', pilot: 'id_card', status: 'draft', applicantIin: PERSONA.citizenAigerim, regionCode: '01' })
      .returning();
    await database.db.insert(idCardApplications).values({
      applicationId: app!.id,
      iin: PERSONA.citizenAigerim,
      consentId: 'c-dl',
      currentCardNumber: '012345678',
      currentCardIssuedOn: '2016-01-10',
      currentCardExpiresOn: '2026-12-31',
      registrationPointId: REG_POINT.astana1,
    });
    // Untouched for 6.5 of its 7 days: it expires in 12 hours.
    await database.db
      .update(applications)
      .set({ updatedAt: new Date(now.getTime() - 6.5 * 86_400_000) })
      .where(eq(applications.id, app!.id));
    await remindNearDeadlines(database.db, now);
    await remindNearDeadlines(database.db, now);
    expect((await remindersOf(app!.id)).map((r) => (r.payload as { kind: string }).kind)).toEqual(['deadline_near_id_card_draft']);
    await database.db
      .update(applications)
      .set({ updatedAt: new Date(now.getTime() - 6.9 * 86_400_000) })
      .where(eq(applications.id, app!.id));
    await remindNearDeadlines(database.db, now);
    expect(await remindersOf(app!.id)).toHaveLength(2);
  });
});
