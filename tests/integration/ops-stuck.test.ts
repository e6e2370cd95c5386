// Issue 17: each kind of stuck application (a lost job kick, a failing registry) is found by the finder with its last
// event, last error and the job that should move it, and the safe retry finishes it exactly once (a second retry
// refuses). The outbox's dead letters are retried (delivered once) or discarded, each audited.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { idCardApplications } from '@/db/schema/id-card';
import { notifications, outbox, smsMessages } from '@/db/schema/notifications';
import { platePool, plateTypes, serviceCentres } from '@/db/schema/reference';
import { productionOrders } from '@/db/schema/registry';
import { vehicleApplications } from '@/db/schema/vehicle';
import { CON, PERSONA, REG_POINT, STAFF } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { notify } from '@/lib/outbox';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { countStuckApplications, findStuckApplications, findStuckOutbox } from '@/lib/ops/stuck';
import { discardOutboxRow, retryOutboxRow, retryStuckApplication } from '@/lib/ops/retry';
import { clearFaults, getRegistries, invalidateFaultCache, setFault } from '@/lib/registries';
import { ProductionSimulator } from '@/lib/registries/production/simulator';
import { actorFor } from '@/tests/support/factories';
import { seededDatabase } from '@/tests/support/db';
import { portraitJpeg, signaturePng } from '@/tests/support/images';
import { getFileStore } from '@/lib/files/store';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let admin: Actor;
const who = () => ({ actor: admin, grant: admin.grants[0]! });
/** The registries a retry is given (the action builds them for the application, so its calls are logged for it). */
const registriesFor = (id: string) => getRegistries(database.db, { applicationId: id });
/** The same, with a printing house that prints the SRTS at once. */
const printsAtOnce = (id: string) => ({
  ...getRegistries(database.db, { applicationId: id }),
  production: new ProductionSimulator(database.db, { srtsSeconds: 0 }),
});

const age = (id: string, minutes: number) =>
  database.db
    .update(applications)
    .set({ updatedAt: sql`now() - make_interval(mins => ${minutes})` })
    .where(eq(applications.id, id));
const outage = (system: 'production' | 'sms') =>
  setFault(database.db, system, { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 60_000) });
const retries = async (id: string) =>
  (
    await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'ops.retry'), eq(auditEvents.applicationId, id)))
  ).length;
const outboxByKey = (key: string) => database.db.select().from(outbox).where(eq(outbox.dedupeKey, key));
const stuckIds = async () => (await findStuckApplications(database.db, { limit: 100 })).rows.map((r) => r.id);

/** A vehicle application whose buyer signed (step 18) and whose step-19 job was lost: no job will ever move it. */
async function vehicleInProcessing() {
  const db = database.db;
  const [centre] = await db.select().from(serviceCentres).where(eq(serviceCentres.id, CON.astana1));
  await db.insert(plateTypes).values({ code: 'ops_test', nameKk: 'Тест', nameRu: 'Тест', feeCode: 'vehicle.plates' });
  await db.insert(platePool).values({ regionCode: centre!.regionCode, plateType: 'ops_test', number: `777 OPS ${centre!.regionCode}` });
  const [app] = await db
    .insert(applications)
    .values({
      number: 'VR-OPS-1',
      pilot: 'vehicle',
      status: 'processing',
      applicantIin: PERSONA.buyerErlan,
      serviceCentreId: centre!.id,
      regionCode: centre!.regionCode,
    })
    .returning();
  const name = { surname: 'Сейтов', givenName: 'Ерлан', patronymic: 'Маратұлы' };
  await db.insert(vehicleApplications).values({
    applicationId: app!.id,
    vin: 'KMHJ381A5TU2OPS01',
    dealerBin: '000000000000',
    dealerNameKk: 'т',
    dealerNameRu: 'т',
    vehicle: {
      make: 'Hyundai',
      model: 'Tucson',
      year: 2025,
      category: 'M1',
      colourKk: 'ақ',
      colourRu: 'белый',
      engine: 'G4NA',
      bodyNumber: 'B1',
      massKg: 1650,
    },
    buyerIin: PERSONA.buyerErlan,
    buyerNameKk: name,
    buyerNameRu: name,
    pickupCentreId: centre!.id,
    plateType: 'ops_test',
  });
  await db
    .insert(applicationEvents)
    .values({ applicationId: app!.id, type: 'transition', fromStatus: 'awaiting_buyer_signature', toStatus: 'processing' });
  return app!;
}

/** An ID-card application in `status` with the row its steps read. */
async function idCard(number: string, status: 'submitted' | 'approved' | 'in_production', iin: string) {
  const db = database.db;
  const [app] = await db
    .insert(applications)
    .values({ number, pilot: 'id_card', status, applicantIin: iin, regionCode: '01', registrationPointId: REG_POINT.astana1 })
    .returning();
  let productionOrderId: string | null = null;
  let rpDrnTicket: string | null = null;
  let files: { photoFileId?: string; signatureFileId?: string } = {};
  if (status === 'approved') {
    // Step 13 done (the ticket), the photo and the signature sample stored: what step 18's order carries.
    rpDrnTicket = (await new ProductionSimulator(db).registerIdCard({ reference: number, iin, registrationPointId: REG_POINT.astana1 }))
      .orderId;
    const store = getFileStore();
    const save = async (data: Uint8Array, purpose: string, type: 'image/jpeg' | 'image/png') =>
      (await store.save(db, { data, purpose, ownerIin: iin, applicationId: app!.id, maxBytes: 5_000_000, allowed: [type] })).id;
    files = {
      photoFileId: await save(await portraitJpeg(), 'id_card_photo', 'image/jpeg'),
      signatureFileId: await save(await signaturePng(), 'id_card_signature', 'image/png'),
    };
  }
  if (status === 'in_production') {
    const factory = new ProductionSimulator(db);
    const order = await factory.registerIdCard({ reference: number, iin, registrationPointId: REG_POINT.astana1 });
    await factory.setStatus(order.orderId, 'ready');
    productionOrderId = order.orderId;
  }
  await db.insert(idCardApplications).values({
    applicationId: app!.id,
    iin,
    consentId: `consent-${number}`,
    currentCardNumber: '012345678',
    currentCardIssuedOn: '2016-01-10',
    currentCardExpiresOn: '2026-01-10',
    registrationPointId: REG_POINT.astana1,
    rpDrnTicket: rpDrnTicket ?? productionOrderId,
    productionOrderId,
    ...files,
  });
  return app!;
}

beforeAll(async () => {
  database = await seededDatabase();
  admin = await actorFor(database.db, STAFF.admin);
}, 120_000);
afterAll(async () => {
  await clearFaults(database.db);
  invalidateFaultCache();
  await database.drop();
});

describe('stuck applications (issue 17)', () => {
  it('a fresh application is not stuck, and its retry refuses: the threshold is the state’s own', async () => {
    const app = await vehicleInProcessing();
    expect(await stuckIds()).not.toContain(app.id);
    await expect(
      retryStuckApplication(database.db, printsAtOnce(app.id), who(), { id: app.id, status: 'processing' }),
    ).rejects.toMatchObject({
      code: 'ops_not_stuck',
    });
    expect(await retries(app.id)).toBe(0);
  });

  it('step 19 with its job lost: found with its last event and queue; the retry allocates one plate, once', async () => {
    const [app] = await database.db.select().from(applications).where(eq(applications.number, 'VR-OPS-1'));
    await age(app!.id, 20);
    const page = await findStuckApplications(database.db, { limit: 100 });
    const row = page.rows.find((r) => r.id === app!.id)!;
    expect(row).toMatchObject({
      pilot: 'vehicle',
      status: 'processing',
      step: 'vehicle_step19',
      queue: 'vehicle-process',
      lastEvent: 'transition',
    });
    expect(row.applicant).not.toBe(PERSONA.buyerErlan);
    expect(row.applicant).toBe(`••••••••${PERSONA.buyerErlan.slice(-4)}`);
    expect(await countStuckApplications(database.db)).toBeGreaterThanOrEqual(1);

    expect(await retryStuckApplication(database.db, printsAtOnce(app!.id), who(), { id: app!.id, status: 'processing' })).toEqual({
      outcome: 'moved',
      status: 'ready_for_pickup',
    });
    await expect(
      retryStuckApplication(database.db, printsAtOnce(app!.id), who(), { id: app!.id, status: 'processing' }),
    ).rejects.toMatchObject({
      code: 'ops_not_stuck',
    });
    const plates = await database.db.select().from(platePool).where(eq(platePool.applicationId, app!.id));
    expect(plates).toHaveLength(1);
    expect(await outboxByKey(`vehicle:${app!.id}:ready`)).toHaveLength(1);
    expect(await retries(app!.id)).toBe(1);
    expect(await stuckIds()).not.toContain(app!.id);
  });

  it('RP DRN ticket (steps 13–15) with RP DRN down: the last error shows it; after the outage one retry registers it once', async () => {
    const app = await idCard('ID-OPS-1', 'submitted', PERSONA.citizenAigerim);
    await age(app.id, 30);
    await outage('production');
    expect(await retryStuckApplication(database.db, registriesFor(app.id), who(), { id: app.id, status: 'submitted' })).toEqual({
      outcome: 'still_stuck',
      status: 'submitted',
    });
    const row = (await findStuckApplications(database.db, { limit: 100 })).rows.find((r) => r.id === app.id)!;
    expect(row).toMatchObject({ step: 'rp_drn_ticket', queue: 'id-card-sweep', lastError: { system: 'production', outcome: 'outage' } });

    await clearFaults(database.db);
    const first = await retryStuckApplication(database.db, registriesFor(app.id), who(), { id: app.id, status: 'submitted' });
    expect(first.outcome).toBe('moved');
    await expect(
      retryStuckApplication(database.db, registriesFor(app.id), who(), { id: app.id, status: 'submitted' }),
    ).rejects.toMatchObject({
      code: 'ops_not_stuck',
    });
    expect(await database.db.select().from(productionOrders).where(eq(productionOrders.reference, 'ID-OPS-1'))).toHaveLength(1);
    const notices = await database.db
      .select()
      .from(outbox)
      .where(sql`${outbox.dedupeKey} like ${`id_card:${app.id}:%`}`);
    expect(notices).toHaveLength(1);
    expect(await retries(app.id)).toBe(2);
  });

  it('ID-card production order (step 18) with RP DRN down at approval: the retry orders it once', async () => {
    const app = await idCard('ID-OPS-4', 'approved', PERSONA.idCardExempt);
    await age(app.id, 15);
    await outage('production');
    expect((await retryStuckApplication(database.db, registriesFor(app.id), who(), { id: app.id, status: 'approved' })).outcome).toBe(
      'still_stuck',
    );
    expect((await findStuckApplications(database.db, { limit: 100 })).rows.find((r) => r.id === app.id)).toMatchObject({
      step: 'id_card_production_order',
      lastError: { system: 'production', outcome: 'outage' },
    });
    await clearFaults(database.db);
    expect(await retryStuckApplication(database.db, registriesFor(app.id), who(), { id: app.id, status: 'approved' })).toEqual({
      outcome: 'moved',
      status: 'in_production',
    });
    await expect(
      retryStuckApplication(database.db, registriesFor(app.id), who(), { id: app.id, status: 'approved' }),
    ).rejects.toMatchObject({
      code: 'ops_not_stuck',
    });
    const [order] = await database.db.select().from(productionOrders).where(eq(productionOrders.reference, 'ID-OPS-4'));
    expect(order!.status).toBe('in_production');
    const started = await database.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.toStatus, 'in_production')));
    expect(started).toHaveLength(1);
  });

  it('ID-card production with RP DRN failing: the poll is retried after the outage and the card is ready once', async () => {
    const app = await idCard('ID-OPS-2', 'in_production', PERSONA.idCardBornAbroad);
    await age(app.id, 25 * 60);
    expect(await stuckIds()).toContain(app.id);
    await outage('production');
    expect((await retryStuckApplication(database.db, registriesFor(app.id), who(), { id: app.id, status: 'in_production' })).outcome).toBe(
      'still_stuck',
    );
    await clearFaults(database.db);
    expect(await retryStuckApplication(database.db, registriesFor(app.id), who(), { id: app.id, status: 'in_production' })).toEqual({
      outcome: 'moved',
      status: 'ready_for_pickup',
    });
    await expect(
      retryStuckApplication(database.db, registriesFor(app.id), who(), { id: app.id, status: 'in_production' }),
    ).rejects.toMatchObject({ code: 'ops_not_stuck' });
    expect(await outboxByKey(`id_card:${app.id}:ready`)).toHaveLength(1);
    const produced = await database.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.toStatus, 'ready_for_pickup')));
    expect(produced).toHaveLength(1);
  });
});

describe('outbox dead letters (issue 17)', () => {
  it('a delivery that failed until the worker gave up is retried once: one notification, one SMS; a second retry refuses', async () => {
    await notify(database.db, 'ops-test:dead', {
      recipientIin: PERSONA.citizenAigerim,
      kind: 'id_card_ready',
      sms: true,
      params: { number: 'ID-OPS-3' },
    });
    const [row] = await outboxByKey('ops-test:dead');
    await database.db.update(outbox).set({ attempts: 9 }).where(eq(outbox.id, row!.id));
    await outage('sms');
    await deliverOutbox(database.db);
    const stuck = await findStuckOutbox(database.db);
    expect(stuck.find((r) => r.id === row!.id)).toMatchObject({ dead: true, attempts: 10, kind: 'id_card_ready' });
    // The worker leaves a dead letter alone.
    await clearFaults(database.db);
    await deliverOutbox(database.db);
    expect(await database.db.select().from(notifications).where(eq(notifications.outboxId, row!.id))).toHaveLength(0);

    expect(await retryOutboxRow(database.db, who(), row!.id)).toBe(true);
    await expect(retryOutboxRow(database.db, who(), row!.id)).rejects.toMatchObject({ code: 'ops_not_stuck' });
    expect(await database.db.select().from(notifications).where(eq(notifications.outboxId, row!.id))).toHaveLength(1);
    expect(await database.db.select().from(smsMessages).where(eq(smsMessages.outboxId, row!.id))).toHaveLength(1);
    const audited = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'ops.outbox_retry'));
    expect(audited.map((a) => (a.data as { outboxId: number }).outboxId)).toEqual([row!.id]);
  });

  it('a dead letter can be discarded (audited); a pending row can be neither retried nor discarded', async () => {
    await notify(database.db, 'ops-test:discard', { recipientIin: PERSONA.citizenAigerim, kind: 'id_card_ready', params: { number: 'X' } });
    await notify(database.db, 'ops-test:pending', { recipientIin: PERSONA.citizenAigerim, kind: 'id_card_ready', params: { number: 'Y' } });
    const [dead] = await outboxByKey('ops-test:discard');
    const [pending] = await outboxByKey('ops-test:pending');
    await database.db.update(outbox).set({ attempts: 10, lastError: 'Error' }).where(eq(outbox.id, dead!.id));
    await expect(discardOutboxRow(database.db, who(), pending!.id)).rejects.toMatchObject({ code: 'ops_not_stuck' });
    await expect(retryOutboxRow(database.db, who(), pending!.id)).rejects.toMatchObject({ code: 'ops_not_stuck' });
    await discardOutboxRow(database.db, who(), dead!.id);
    await expect(discardOutboxRow(database.db, who(), dead!.id)).rejects.toMatchObject({ code: 'ops_not_stuck' });
    expect((await findStuckOutbox(database.db)).map((r) => r.id)).not.toContain(dead!.id);
    expect(await database.db.select().from(notifications).where(eq(notifications.outboxId, dead!.id))).toHaveLength(0);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'ops.outbox_discarded'))).toHaveLength(1);
  });
});
