// Order 000 points that docs/traceability.md marks `done`, each with an assertion that goes red when the point
// breaks: the pilot's dates and regions (order p.5), the offer's SMS (step 10), the CON list and plate types
// (step 15, p.2), and the buyer's signature bound to the dealer's (step 18).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { outbox } from '@/db/schema/notifications';
import { pilotSettings } from '@/db/schema/reference';
import { signatures } from '@/db/schema/signatures';
import { vehicleApplications } from '@/db/schema/vehicle';
import { CON, PERSONA, VIN } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { toLocalDate } from '@/lib/calendar/deadline';
import { getRegistries } from '@/lib/registries';
import { canonicalBytes, sha256Hex } from '@/lib/signatures';
import {
  acceptOffer,
  buyerApplication,
  buyerDocumentOf,
  payFees,
  saveDetails,
  signAsBuyer,
} from '@/lib/vehicle-registration/buyer-service';
import { detailsOptions } from '@/lib/vehicle-registration/buyer-queries';
import { dealerApplication, sellerDocumentOf, setBuyer, signAsSeller, startRegistration } from '@/lib/vehicle-registration/dealer-service';
import { processVehicleApplication } from '@/lib/vehicle-registration/processing';
import { seededDatabase } from '@/tests/support/db';
import { actorFor } from '@/tests/support/factories';
import { payThroughGateway } from '@/tests/support/gateway';
import { trustTestPki } from '@/tests/support/pki';
import { ProductionSimulator } from '@/lib/registries/production/simulator';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const actorOf = (iin: string) => actorFor(database.db, iin);
const ctx = (actor: Actor, role: 'dealer' | 'citizen') => ({
  db: database.db,
  registries: getRegistries(database.db),
  actor,
  grant: actor.grants.find((g) => g.role === role)!,
});

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

const dayOffset = (days: number) => toLocalDate(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('order p.5: the pilot runs only within its dates and regions (settings are data)', () => {
  async function withSettings(values: Partial<typeof pilotSettings.$inferInsert>, run: () => Promise<void>) {
    const [saved] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'vehicle'));
    await database.db.update(pilotSettings).set(values).where(eq(pilotSettings.pilot, 'vehicle'));
    try {
      await run();
    } finally {
      const { startsOn, endsOn, regionCodes, enabled } = saved!;
      await database.db.update(pilotSettings).set({ startsOn, endsOn, regionCodes, enabled }).where(eq(pilotSettings.pilot, 'vehicle'));
    }
  }
  const start = async () => startRegistration(ctx(await actorOf(PERSONA.dealerAstanaMotors), 'dealer'), { vin: VIN.goodPorter });

  it('closed the day after its last day and the day before its first; open on both of those days themselves', async () => {
    await withSettings({ endsOn: dayOffset(-1) }, async () => {
      await expect(start()).rejects.toMatchObject({ code: 'vehicle_pilot_closed' });
    });
    await withSettings({ startsOn: dayOffset(1) }, async () => {
      await expect(start()).rejects.toMatchObject({ code: 'vehicle_pilot_closed' });
    });
    expect(await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.vin, VIN.goodPorter))).toEqual([]);
    await withSettings({ startsOn: dayOffset(0), endsOn: dayOffset(0) }, async () => {
      await expect(start()).resolves.toMatchObject({ status: 'draft' });
    });
  });

  it('closed for a dealer outside its regions, and a draft started while open cannot be signed once it closes', async () => {
    await withSettings({ regionCodes: ['99'] }, async () => {
      await expect(startRegistration(ctx(await actorOf(PERSONA.dealerAstanaMotors), 'dealer'), { vin: VIN.good2 })).rejects.toMatchObject({
        code: 'vehicle_pilot_closed',
      });
    });
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    const c = ctx(dealer, 'dealer');
    const draft = await startRegistration(c, { vin: VIN.good2 });
    const ready = await setBuyer(c, { id: draft.id, version: draft.version, buyerIin: PERSONA.buyerErlan });
    const app = await dealerApplication(database.db, c.grant, draft.id);
    const cms = await pki.sign(
      { iin: dealer.iin, surname: dealer.surname, givenName: dealer.givenName, organisation: app.dealerNameRu, bin: app.dealerBin },
      sellerDocumentOf(app),
    );
    await withSettings({ endsOn: dayOffset(-1) }, async () => {
      await expect(signAsSeller(c, { id: draft.id, version: ready.version, cms })).rejects.toMatchObject({ code: 'vehicle_pilot_closed' });
    });
    const [row] = await database.db.select().from(applications).where(eq(applications.id, draft.id));
    expect(row).toMatchObject({ status: 'awaiting_seller_signature', version: ready.version });
  });
});

describe('steps 9–10: what the dealer signs; the buyer is told in the cabinet and by SMS', () => {
  it('the dealer’s signed document holds the VIN, the e-passport data, the contract and the buyer; the offer notice goes to the buyer with an SMS', async () => {
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.good1, PERSONA.buyerErlan);
    const [v] = await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.applicationId, offer.id));
    const [signed] = await database.db.select().from(signatures).where(eq(signatures.id, v!.dealerSignatureId!));
    expect(JSON.parse(signed!.document)).toMatchObject({
      vin: VIN.good1,
      vehicle: { make: v!.vehicle!.make, model: v!.vehicle!.model, bodyNumber: v!.vehicle!.bodyNumber },
      contract: { number: v!.contract!.number, priceTiyn: v!.contract!.priceTiyn },
      buyer: { iin: PERSONA.buyerErlan },
    });
    const [row] = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `vehicle:${offer.id}:offer`));
    expect(row!.payload).toMatchObject({ recipientIin: PERSONA.buyerErlan, kind: 'vehicle_offer', sms: true });
    // Issue 15: the dealer's name travels in both languages, so a Kazakh SMS has no «ТОО …».
    expect(row!.payload).toMatchObject({ params: { dealerKk: v!.dealerNameKk, dealerRu: v!.dealerNameRu } });
    // Issue 15: the offer states the buyer's days to accept and the last moment.
    expect(row!.payload).toMatchObject({ params: { days: expect.any(Number), untilAt: v!.expiresAt!.toISOString() } });
  });
});

describe('step 15 and p.2: what the buyer may choose', () => {
  it('the CONs of the region of the buyer’s registered address come first, each with address and hours; no high-demand or stored plates', async () => {
    const registries = getRegistries(database.db);
    const person = await registries.gbdFl.findPerson(PERSONA.buyerKostanay);
    const home = person!.permanentAddress!.regionCode;
    const options = await detailsOptions(database.db, registries, PERSONA.buyerKostanay);
    expect(options.home.length).toBeGreaterThan(0);
    expect(options.home.every((c) => c.regionCode === home)).toBe(true);
    expect(options.others.length).toBeGreaterThan(0);
    expect(options.others.some((c) => c.regionCode === home)).toBe(false);
    for (const c of [...options.home, ...options.others]) {
      expect(c.addressKk && c.addressRu && c.hoursKk && c.hoursRu).toBeTruthy();
    }
    const codes = options.plates.map((p) => p.code);
    expect(codes).toContain('standard_person');
    expect(codes).not.toContain('high_demand');
    expect(codes).not.toContain('stored');
  });

  it('a plate kept in storage is refused when saved, like a high-demand one', async () => {
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.good3, PERSONA.buyerErlan);
    const buyer = await actorOf(PERSONA.buyerErlan);
    const filling = await acceptOffer(ctx(buyer, 'citizen'), { id: offer.id, version: offer.version });
    for (const plateType of ['stored', 'high_demand'])
      await expect(
        saveDetails(ctx(buyer, 'citizen'), { id: offer.id, version: filling.version, centreId: CON.astana1, plateType }),
      ).rejects.toMatchObject({ code: 'vehicle_plate_type_not_offered' });
  });
});

describe('step 18: the buyer signs the whole application, bound to the dealer’s signature', () => {
  it('the signed document carries the hash of the dealer’s signed bytes; another person’s key is refused', async () => {
    const offer = await offered(PERSONA.dealerAlatau, VIN.goodAlmaty, PERSONA.buyerAlmatyAndrey);
    const buyer = await actorOf(PERSONA.buyerAlmatyAndrey);
    const c = ctx(buyer, 'citizen');
    const filling = await acceptOffer(c, { id: offer.id, version: offer.version });
    await saveDetails(c, { id: offer.id, version: filling.version, centreId: CON.almaty1, plateType: 'standard_person' });
    const { payUrl } = await payFees(c, { id: offer.id, locale: 'kk' });
    await payThroughGateway(database.db, payUrl);
    const app = await buyerApplication(database.db, buyer, offer.id);
    expect(app.status).toBe('awaiting_buyer_signature');

    const document = await buyerDocumentOf(database.db, app);
    const [dealerSignature] = await database.db.select().from(signatures).where(eq(signatures.id, app.dealerSignatureId!));
    expect(document.sellerDocumentSha256).toBe(dealerSignature!.dataSha256);
    expect(document.sellerDocumentSha256).toBe(await sha256Hex(canonicalBytes(sellerDocumentOf(app))));
    expect(document).toMatchObject({ pickup: { centreId: CON.almaty1 }, plateType: 'standard_person', phone: expect.any(String) });

    const other = await actorOf(PERSONA.buyerErlan);
    const foreign = await pki.sign({ iin: other.iin, surname: other.surname, givenName: other.givenName }, document);
    await expect(signAsBuyer(c, { id: offer.id, version: app.version, cms: foreign })).rejects.toMatchObject({
      code: 'signature_wrong_signer',
    });
    expect((await buyerApplication(database.db, buyer, offer.id)).status).toBe('awaiting_buyer_signature');
    const own = await pki.sign({ iin: buyer.iin, surname: buyer.surname, givenName: buyer.givenName }, document);
    await expect(signAsBuyer(c, { id: offer.id, version: app.version, cms: own })).resolves.toMatchObject({ status: 'processing' });

    // p.7: after step 19 the buyer is told, in the cabinet and by SMS, to collect at the chosen CON.
    // Ready only once the IPC has printed the SRTS (order 000 p.6).
    expect(await processVehicleApplication(database.db, getRegistries(database.db), offer.id)).toBe('printing');
    const [printing] = await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.applicationId, offer.id));
    await new ProductionSimulator(database.db).setStatus(printing!.srtsOrderId!, 'ready');
    expect(await processVehicleApplication(database.db, getRegistries(database.db), offer.id)).toBe('ready');
    const [ready] = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `vehicle:${offer.id}:ready`));
    expect(ready!.payload).toMatchObject({ recipientIin: buyer.iin, kind: 'vehicle_ready', sms: true });
    expect((await buyerApplication(database.db, buyer, offer.id)).pickupCentreId).toBe(CON.almaty1);
  });
});
