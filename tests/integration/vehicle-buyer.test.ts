// Vehicle registration, the buyer part and processing (order 000 steps 10–19) on the demo seed: the whole way
// from the dealer's signature to "ready for pickup", the fines of step 14, the refusal of step 19, decline, expiry, and plate
// allocation under concurrency.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { outbox } from '@/db/schema/notifications';
import { payments, refunds } from '@/db/schema/payments';
import { platePool, plateTypes, serviceCentres } from '@/db/schema/reference';
import { vehicleApplications } from '@/db/schema/vehicle';
import { CON, PERSONA, VIN } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { getRegistries } from '@/lib/registries';
import { ProductionSimulator } from '@/lib/registries/production/simulator';
import { payThroughGateway } from '@/tests/support/gateway';
import {
  acceptOffer,
  buyerApplication,
  buyerDocumentOf,
  declineOffer,
  payFees,
  saveDetails,
  signAsBuyer,
} from '@/lib/vehicle-registration/buyer-service';
import {
  cancelByDealer,
  dealerApplication,
  sellerDocumentOf,
  setBuyer,
  signAsSeller,
  startRegistration,
} from '@/lib/vehicle-registration/dealer-service';
import { processVehicleApplication, sweepBuyerDeadlines } from '@/lib/vehicle-registration/processing';
import { seededDatabase } from '@/tests/support/db';
import { actorFor } from '@/tests/support/factories';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const actorOf = (iin: string) => actorFor(database.db, iin);
const ctx = (actor: Actor, role: 'dealer' | 'citizen') => ({
  db: database.db,
  registries: getRegistries(database.db),
  actor,
  grant: actor.grants.find((g) => g.role === role)!,
});

/** The simulated IPC reports the application's SRTS printed. */
async function printedNow(applicationId: string) {
  const [v] = await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.applicationId, applicationId));
  await new ProductionSimulator(database.db).setStatus(v!.srtsOrderId!, 'ready');
}

const printable = {
  vehicle: {
    make: 'Hyundai',
    model: 'Tucson',
    year: 2025,
    category: 'M1',
    colourKk: 'ақ',
    colourRu: 'белый',
    engine: 'G4NA',
    bodyNumber: 'B1',
    massKg: 1600,
  },
  name: { surname: 'Тест', givenName: 'Тест', patronymic: null },
};

/** Steps 1–9 as the dealer does them, signed with the organisation key: the application waits for the buyer. */
async function offered(dealerIin: string, vin: string, buyerIin: string) {
  const dealer = await actorOf(dealerIin);
  const c = ctx(dealer, 'dealer');
  const draft = await startRegistration(c, { vin });
  const ready = await setBuyer(c, { id: draft.id, version: draft.version, buyerIin });
  const app = await dealerApplication(database.db, c.grant, draft.id);
  const cms = await pki.sign(
    { iin: dealer.iin, surname: dealer.surname, givenName: dealer.givenName, organisation: app.dealerNameRu, bin: app.dealerBin },
    sellerDocumentOf(app),
  );
  return signAsSeller(c, { id: draft.id, version: ready.version, cms });
}

async function payViaGateway(applicationId: string, buyer: Actor, outcome: 'paid' | 'declined' = 'paid') {
  const { payUrl } = await payFees(ctx(buyer, 'citizen'), { id: applicationId, locale: 'ru' });
  return payThroughGateway(database.db, payUrl, outcome);
}

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('the buyer’s part', () => {
  it('accept → checks 11–14 → CON, plate type, phone → pay → sign → step 19 → ready for pickup, with a plate and an SRTS', async () => {
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.good1, PERSONA.buyerErlan);
    const buyer = await actorOf(PERSONA.buyerErlan);
    const c = ctx(buyer, 'citizen');
    // Another citizen cannot see it.
    await expect(buyerApplication(database.db, await actorOf(PERSONA.buyerWithFines), offer.id)).rejects.toMatchObject({
      code: 'not_found',
    });

    const filling = await acceptOffer(c, { id: offer.id, version: offer.version });
    expect(filling.status).toBe('buyer_filling');
    await expect(
      saveDetails(c, { id: offer.id, version: filling.version, centreId: CON.astana1, plateType: 'high_demand' }),
    ).rejects.toMatchObject({ code: 'vehicle_plate_type_not_offered' });
    const paying = await saveDetails(c, { id: offer.id, version: filling.version, centreId: CON.astana1, plateType: 'standard_person' });
    expect(paying).toMatchObject({ status: 'awaiting_payment', serviceCentreId: CON.astana1 });

    expect((await payViaGateway(offer.id, buyer, 'declined')).outcome).toBe('applied');
    expect((await buyerApplication(database.db, buyer, offer.id)).status).toBe('awaiting_payment'); // a declined payment can be retried
    expect((await payViaGateway(offer.id, buyer)).outcome).toBe('applied');
    await expect(payFees(c, { id: offer.id, locale: 'ru' })).rejects.toMatchObject({ code: 'illegal_transition' }); // no paying twice
    const toSign = await buyerApplication(database.db, buyer, offer.id);
    expect(toSign.status).toBe('awaiting_buyer_signature');

    const document = await buyerDocumentOf(database.db, toSign);
    expect(document.sellerDocumentSha256).toMatch(/^[0-9a-f]{64}$/);
    const cms = await pki.sign({ iin: buyer.iin, surname: buyer.surname, givenName: buyer.givenName }, document);
    const signed = await signAsBuyer(c, { id: offer.id, version: toSign.version, cms });
    expect(signed.status).toBe('processing');

    // Ready only once the IPC has printed the SRTS (order 000 p.6): the simulator prints after a while.
    expect(await processVehicleApplication(database.db, getRegistries(database.db), offer.id)).toBe('printing');
    await printedNow(offer.id);
    expect(await processVehicleApplication(database.db, getRegistries(database.db), offer.id)).toBe('ready');
    expect(await processVehicleApplication(database.db, getRegistries(database.db), offer.id)).toBe('skipped'); // twice = once
    const done = await buyerApplication(database.db, buyer, offer.id);
    expect(done.status).toBe('ready_for_pickup');
    expect(done.plateNumber).toMatch(/^\d{3} [A-Z]{3} 01$/);
    expect(done.srtsNumber).toMatch(/^SR-\d{4}-\d{6}$/);
    const [plate] = await database.db.select().from(platePool).where(eq(platePool.number, done.plateNumber!));
    expect(plate).toMatchObject({ status: 'reserved', applicationId: offer.id });
    expect(
      await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, `vehicle:${offer.id}:ready`)),
    ).toHaveLength(1);
  });

  it('step 14: unpaid fines keep the application open and list them (paying and re-running: vehicle-branches.test.ts)', async () => {
    const offer = await offered(PERSONA.dealerAlatau, VIN.fines, PERSONA.buyerWithFines);
    const buyer = await actorOf(PERSONA.buyerWithFines);
    const waiting = await acceptOffer(ctx(buyer, 'citizen'), { id: offer.id, version: offer.version });
    expect(waiting.status).toBe('awaiting_fines_payment');
    const app = await buyerApplication(database.db, buyer, offer.id);
    expect(app.unpaidFines?.length).toBeGreaterThan(0);
    expect(app.vinReleasedAt).toBeNull();
  });

  it('the buyer declines with a reason; the dealer is told', async () => {
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.good2, PERSONA.buyerErlan);
    const buyer = await actorOf(PERSONA.buyerErlan);
    const declined = await declineOffer(ctx(buyer, 'citizen'), { id: offer.id, version: offer.version, reason: 'Передумал' });
    expect(declined.status).toBe('declined_by_buyer');
    expect(
      await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, `vehicle:${offer.id}:declined`)),
    ).toHaveLength(1);
  });

  it('a buyer who does nothing is reminded once, then the application expires and both are told', async () => {
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.good3, PERSONA.buyerErlan);
    const [v] = await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.applicationId, offer.id));
    const soon = new Date(v!.expiresAt!.getTime() - 86_400_000);
    expect((await sweepBuyerDeadlines(database.db, soon)).reminded).toBeGreaterThanOrEqual(1);
    await sweepBuyerDeadlines(database.db, soon);
    expect(
      await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, `vehicle:${offer.id}:reminder`)),
    ).toHaveLength(1);
    await sweepBuyerDeadlines(database.db, new Date(v!.expiresAt!.getTime() + 60_000));
    const [row] = await database.db.select().from(applications).where(eq(applications.id, offer.id));
    expect(row!.status).toBe('expired');
    expect(
      await database.db
        .select()
        .from(outbox)
        .where(inArray(outbox.dedupeKey, [`vehicle:${offer.id}:vehicle_expired`, `vehicle:${offer.id}:expired:dealer`])),
    ).toHaveLength(2);
  });
});

describe('fees and a closed application', () => {
  it('fees paid on the gateway page after the dealer cancelled come back as a refund; the application stays cancelled', async () => {
    const offer = await offered(PERSONA.dealerAlatau, VIN.goodAlmaty, PERSONA.buyerAlmatyAndrey);
    const buyer = await actorOf(PERSONA.buyerAlmatyAndrey);
    const c = ctx(buyer, 'citizen');
    const filling = await acceptOffer(c, { id: offer.id, version: offer.version });
    const paying = await saveDetails(c, { id: offer.id, version: filling.version, centreId: CON.almaty1, plateType: 'standard_person' });
    const { payUrl } = await payFees(c, { id: offer.id, locale: 'ru' });
    await cancelByDealer(ctx(await actorOf(PERSONA.dealerAlatau), 'dealer'), { id: offer.id, version: paying.version });
    expect((await payThroughGateway(database.db, payUrl)).outcome).toBe('applied');
    const [row] = await database.db.select().from(applications).where(eq(applications.id, offer.id));
    expect(row!.status).toBe('cancelled_by_dealer');
    const refunded = await database.db
      .select()
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(eq(payments.applicationId, offer.id));
    expect(refunded.map((r) => [r.refunds.reason, r.payments.status])).toEqual([['paid_after_close', 'refunded']]);
  });
});

describe('step 19 under concurrency', () => {
  it('20 buyers, 10 free plates: 10 are ready with distinct plates, 10 get a motivated refusal with a refund', async () => {
    const { db } = database;
    const [centre] = await db.select().from(serviceCentres).where(eq(serviceCentres.id, CON.karaganda1));
    await db.insert(plateTypes).values({ code: 'test_pool', nameKk: 'Тест', nameRu: 'Тест', feeCode: 'vehicle.plates' });
    await db.insert(platePool).values(
      Array.from({ length: 10 }, (_, i) => ({
        regionCode: centre!.regionCode,
        plateType: 'test_pool',
        number: `${String(100 + i)} TST ${centre!.regionCode}`,
      })),
    );
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [app] = await db
        .insert(applications)
        .values({
          number: `VR-TEST-${i}`,
          pilot: 'vehicle',
          status: 'processing',
          applicantIin: PERSONA.buyerKaraganda,
          serviceCentreId: centre!.id,
          regionCode: centre!.regionCode,
        })
        .returning();
      await db.insert(vehicleApplications).values({
        applicationId: app!.id,
        vin: `TESTVIN${String(i).padStart(10, '0')}`,
        dealerBin: '000000000000',
        dealerNameKk: 'т',
        dealerNameRu: 'т',
        buyerIin: PERSONA.buyerKaraganda,
        pickupCentreId: centre!.id,
        plateType: 'test_pool',
        // What the SRTS print order carries (order 000 p.6).
        vehicle: printable.vehicle,
        buyerNameRu: printable.name,
      });
      const [p] = await db
        .insert(payments)
        .values({
          applicationId: app!.id,
          payerIin: PERSONA.buyerKaraganda,
          lines: [],
          amountTiyn: 100,
          status: 'paid',
          purposeKey: `vehicle:${app!.id}:fees`,
          gatewayInvoiceId: randomUUID(),
        })
        .returning();
      expect(p).toBeDefined();
      ids.push(app!.id);
    }
    const outcomes = await Promise.all(ids.map((id) => processVehicleApplication(db, getRegistries(db), id)));
    expect(outcomes.filter((o) => o === 'printing')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(10);
    const plates = await db.select().from(vehicleApplications).where(inArray(vehicleApplications.applicationId, ids));
    const given = plates.map((p) => p.plateNumber).filter(Boolean);
    expect(new Set(given).size).toBe(10);
    expect(plates.filter((p) => p.refusalCode === 'vehicle_no_free_plates')).toHaveLength(10);
    const refunded = await db
      .select()
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(inArray(payments.applicationId, ids));
    expect(refunded).toHaveLength(10);
    expect(
      await db
        .select()
        .from(platePool)
        .where(and(eq(platePool.plateType, 'test_pool'), eq(platePool.status, 'free'))),
    ).toEqual([]);
  });
});
