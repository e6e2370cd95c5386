// Vehicle registration's branches (order 000 p.1, steps 11–14 and 16) on the demo seed: the rechecks that refuse
// in the buyer's own words, fines that keep the application open until they are paid, an imported vehicle refused
// at step 3, and the SMS of a buyer without a BMG number going to the number they typed (and an ID-card
// applicant's to their contact phone).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { outbox, smsMessages } from '@/db/schema/notifications';
import { fines, mobileNumbers, persons, saleContracts, vehiclePassports } from '@/db/schema/registry';
import { BIN, CON, PERSONA, VIN } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { notify } from '@/lib/outbox';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { getRegistries } from '@/lib/registries';
import {
  acceptOffer,
  buyerApplication,
  buyerDocumentOf,
  payFees,
  payFinesInSimulator,
  recheckFines,
  saveDetails,
  signAsBuyer,
} from '@/lib/vehicle-registration/buyer-service';
import { dealerApplication, sellerDocumentOf, setBuyer, signAsSeller, startRegistration } from '@/lib/vehicle-registration/dealer-service';
import { processVehicleApplication, sweepBuyerDeadlines } from '@/lib/vehicle-registration/processing';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, makeUser } from '@/tests/support/factories';
import { payThroughGateway } from '@/tests/support/gateway';
import { trustTestPki } from '@/tests/support/pki';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { ProductionSimulator } from '@/lib/registries/production/simulator';
import { vehicleApplications } from '@/db/schema/vehicle';

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

/** The buyer's message must not be the dealer's "check the buyer's IIN" (step 7) but the order's "cannot be provided". */
function expectBuyerFacing(code: string) {
  expect(kk.Errors[code as keyof typeof kk.Errors]).toContain('қызмет көрсетілмейді');
  expect(ru.Errors[code as keyof typeof ru.Errors]).toContain('услуга не может быть оказана');
  expect(ru.Errors[code as keyof typeof ru.Errors]).not.toMatch(/ИИН покупателя/);
}

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('steps 11–13: a recheck that fails speaks to the buyer and closes the application', () => {
  it('step 11: the buyer is no longer in GBD FL (deceased since the dealer checked)', async () => {
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.goodPorter, PERSONA.buyerKostanay);
    await database.db.update(persons).set({ deceased: true }).where(eq(persons.iin, PERSONA.buyerKostanay));
    const buyer = await actorOf(PERSONA.buyerKostanay);
    const refused = await acceptOffer(ctx(buyer, 'citizen'), { id: offer.id, version: offer.version });
    expect(refused.status).toBe('refused');
    const app = await buyerApplication(database.db, buyer, offer.id);
    expect(app.refusalCode).toBe('vehicle_recheck_person_missing');
    expect(app.vinReleasedAt).not.toBeNull();
    expectBuyerFacing(app.refusalCode!);
    await database.db.update(persons).set({ deceased: false }).where(eq(persons.iin, PERSONA.buyerKostanay));
  });

  it('step 12: the e-passport is no longer active', async () => {
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.good1, PERSONA.buyerErlan);
    await database.db.update(vehiclePassports).set({ status: 'cancelled' }).where(eq(vehiclePassports.vin, VIN.good1));
    const buyer = await actorOf(PERSONA.buyerErlan);
    const c = ctx(buyer, 'citizen');
    expect((await acceptOffer(c, { id: offer.id, version: offer.version })).status).toBe('refused');
    // A second click on the same "accept" finds the refusal, not an error.
    expect((await acceptOffer(c, { id: offer.id, version: offer.version })).status).toBe('refused');
    const app = await buyerApplication(database.db, buyer, offer.id);
    expect(app.refusalCode).toBe('vehicle_recheck_no_passport');
    expectBuyerFacing(app.refusalCode!);
  });

  it('step 13: the sale contract is gone', async () => {
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.good2, PERSONA.buyerErlan);
    await database.db.delete(saleContracts).where(and(eq(saleContracts.vin, VIN.good2), eq(saleContracts.buyerIin, PERSONA.buyerErlan)));
    const buyer = await actorOf(PERSONA.buyerErlan);
    expect((await acceptOffer(ctx(buyer, 'citizen'), { id: offer.id, version: offer.version })).status).toBe('refused');
    const app = await buyerApplication(database.db, buyer, offer.id);
    expect(app.refusalCode).toBe('vehicle_recheck_no_contract');
    expectBuyerFacing(app.refusalCode!);
  });
});

describe('step 14: pay the fines and submit again', () => {
  it('fines keep the application open with the list; after paying in ERAP the buyer re-runs step 14 and goes on', async () => {
    const offer = await offered(PERSONA.dealerAlatau, VIN.fines, PERSONA.buyerWithFines);
    const buyer = await actorOf(PERSONA.buyerWithFines);
    const c = ctx(buyer, 'citizen');
    const waiting = await acceptOffer(c, { id: offer.id, version: offer.version });
    expect(waiting.status).toBe('awaiting_fines_payment');
    const held = await buyerApplication(database.db, buyer, offer.id);
    expect(held.vinReleasedAt).toBeNull(); // still holds its VIN: not closed
    expect(held.refusalCode).toBeNull();
    expect(held.unpaidFines?.map((f) => f.amountTiyn).sort()).toEqual([1_966_000, 4_325_000]);

    // Still unpaid: told so, the application waits on.
    await expect(recheckFines(c, { id: offer.id, version: waiting.version })).rejects.toMatchObject({
      code: 'vehicle_fines_still_unpaid',
      params: { count: 2 },
    });
    expect((await buyerApplication(database.db, buyer, offer.id)).status).toBe('awaiting_fines_payment');

    // The buyer pays both fines (the ERAP simulator marks them paid) and asks again: same application, same dealer signature.
    // Demo mode's ERAP simulator pays only this buyer's own fines, and only while the application waits for them.
    expect(await payFinesInSimulator(c, { id: offer.id })).toBe(2);
    const filling = await recheckFines(c, { id: offer.id, version: waiting.version });
    expect(filling.status).toBe('buyer_filling');
    expect((await recheckFines(c, { id: offer.id, version: waiting.version })).status).toBe('buyer_filling'); // double submit
    const after = await buyerApplication(database.db, buyer, offer.id);
    expect(after.dealerSignatureId).toBe(held.dealerSignatureId);
    expect(after.unpaidFines).toBeNull();
    await expect(payFinesInSimulator(c, { id: offer.id })).rejects.toMatchObject({ code: 'illegal_transition' });
    const checks = await database.db
      .select({ data: applicationEvents.data })
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, offer.id), eq(applicationEvents.type, 'check')));
    expect(checks.map((e) => (e.data as { code: string }).code).filter((code) => code.includes('fines'))).toEqual([
      'vehicle_unpaid_fines',
      'vehicle_unpaid_fines',
      'vehicle_no_fines',
    ]);
    const paying = await saveDetails(c, { id: offer.id, version: filling.version, centreId: CON.almaty1, plateType: 'standard_person' });
    expect(paying.status).toBe('awaiting_payment');
  });

  it('an application waiting for fines expires with the buyer’s time like any other', async () => {
    await database.db.update(fines).set({ paid: false }).where(eq(fines.iin, PERSONA.buyerWithFines));
    const buyer = await actorOf(PERSONA.buyerWithFines);
    const c = ctx(buyer, 'citizen');
    // The previous test's application holds VIN.fines: a second sale contract, on a VIN nobody else uses here.
    await database.db.insert(saleContracts).values({
      sellerBin: BIN.astanaMotors,
      buyerIin: PERSONA.buyerWithFines,
      vin: VIN.noContract,
      number: 'ДКП-TEST-FINES',
      signedOn: '2026-01-01',
      priceTiyn: 100,
    });
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.noContract, PERSONA.buyerWithFines);
    const waiting = await acceptOffer(c, { id: offer.id, version: offer.version });
    expect(waiting.status).toBe('awaiting_fines_payment');
    const held = await buyerApplication(database.db, buyer, offer.id);
    await sweepBuyerDeadlines(database.db, new Date(held.expiresAt!.getTime() + 60_000));
    const closed = await buyerApplication(database.db, buyer, offer.id);
    expect(closed.status).toBe('expired');
    expect(closed.vinReleasedAt).not.toBeNull();
    await expect(recheckFines(c, { id: offer.id, version: waiting.version })).rejects.toMatchObject({ code: 'illegal_transition' });
  });
});

describe('p.1: only vehicles made in Kazakhstan', () => {
  it('an imported vehicle is refused at step 3 with its own message, and no draft is made', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    await expect(startRegistration(ctx(dealer, 'dealer'), { vin: VIN.imported })).rejects.toMatchObject({
      code: 'vehicle_not_domestic',
      data: {
        checks: expect.arrayContaining([
          expect.objectContaining({ step: 3, ok: true, code: 'vehicle_passport_found' }),
          expect.objectContaining({ step: 3, ok: false, code: 'vehicle_not_domestic' }),
        ]),
      },
    });
    expect(ru.Errors.vehicle_not_domestic).toMatch(/произведённые на территории Республики Казахстан/);
    expect(kk.Errors.vehicle_not_domestic).toMatch(/Қазақстан Республикасының аумағында шығарылған/);
  });
});

describe('step 16: the phone the buyer gives is used', () => {
  it('a buyer with no BMG number gets this application’s SMS at the number they entered', async () => {
    const [bmg] = await database.db.select().from(mobileNumbers).where(eq(mobileNumbers.iin, PERSONA.buyerNoBmg));
    expect(bmg).toBeUndefined();
    const offer = await offered(PERSONA.dealerAstanaMotors, VIN.goodNoBmg, PERSONA.buyerNoBmg);
    // Step 10's notice comes before any number is known: the cabinet only.
    await deliverOutbox(database.db);
    const offerSms = await database.db
      .select()
      .from(smsMessages)
      .innerJoin(outbox, eq(outbox.id, smsMessages.outboxId))
      .where(eq(outbox.dedupeKey, `vehicle:${offer.id}:offer`));
    expect(offerSms).toEqual([]);
    const buyer = await actorOf(PERSONA.buyerNoBmg);
    const c = ctx(buyer, 'citizen');
    const filling = await acceptOffer(c, { id: offer.id, version: offer.version });
    const phone = '+77015550142';
    const paying = await saveDetails(c, {
      id: offer.id,
      version: filling.version,
      centreId: CON.astana1,
      plateType: 'standard_person',
      phone,
    });
    expect(paying.status).toBe('awaiting_payment');
    const { payUrl } = await payFees(c, { id: offer.id, locale: 'ru' });
    await payThroughGateway(database.db, payUrl);
    const toSign = await buyerApplication(database.db, buyer, offer.id);
    const cms = await pki.sign(
      { iin: buyer.iin, surname: buyer.surname, givenName: buyer.givenName },
      await buyerDocumentOf(database.db, toSign),
    );
    await signAsBuyer(c, { id: offer.id, version: toSign.version, cms });
    // Ready only once the IPC has printed the SRTS (order 000 p.6).
    expect(await processVehicleApplication(database.db, getRegistries(database.db), offer.id)).toBe('printing');
    const [printing] = await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.applicationId, offer.id));
    await new ProductionSimulator(database.db).setStatus(printing!.srtsOrderId!, 'ready');
    expect(await processVehicleApplication(database.db, getRegistries(database.db), offer.id)).toBe('ready');
    await deliverOutbox(database.db);
    const sent = await database.db
      .select({ phone: smsMessages.phone, text: smsMessages.text })
      .from(smsMessages)
      .innerJoin(outbox, eq(outbox.id, smsMessages.outboxId))
      .where(eq(outbox.dedupeKey, `vehicle:${offer.id}:ready`));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.phone).toBe(phone);
    expect(sent[0]!.text).toContain(offer.number);
  });

  it('an ID-card applicant with no BMG number gets SMS at the contact phone of step 8; nobody else does', async () => {
    const applicant = await makeUser(database.db, 'citizen', {}, { phone: null });
    const other = await makeUser(database.db, 'citizen', {}, { phone: null });
    const [app] = await database.db
      .insert(applications)
      .values({ number: `ID-TEST-${applicant.iin}`, pilot: 'id_card', status: 'under_review', applicantIin: applicant.iin })
      .returning();
    await database.db.insert(idCardApplications).values({
      applicationId: app!.id,
      iin: applicant.iin,
      consentId: 'test',
      currentCardNumber: '000000001',
      currentCardIssuedOn: '2016-01-01',
      currentCardExpiresOn: '2026-01-01',
      phone: '+77015550177',
    });
    await database.db.transaction(async (tx) => {
      await notify(tx, `test:${app!.id}:applicant`, {
        recipientIin: applicant.iin,
        applicationId: app!.id,
        kind: 'id_card_ready',
        sms: true,
        params: { number: app!.number },
      });
      await notify(tx, `test:${app!.id}:other`, {
        recipientIin: other.iin,
        applicationId: app!.id,
        kind: 'id_card_ready',
        sms: true,
        params: { number: app!.number },
      });
    });
    await deliverOutbox(database.db);
    const sent = await database.db
      .select({ key: outbox.dedupeKey, phone: smsMessages.phone })
      .from(smsMessages)
      .innerJoin(outbox, eq(outbox.id, smsMessages.outboxId))
      .where(eq(outbox.dedupeKey, `test:${app!.id}:applicant`));
    expect(sent).toEqual([{ key: `test:${app!.id}:applicant`, phone: '+77015550177' }]);
    const toOther = await database.db
      .select()
      .from(smsMessages)
      .innerJoin(outbox, eq(outbox.id, smsMessages.outboxId))
      .where(eq(outbox.dedupeKey, `test:${app!.id}:other`));
    expect(toOther).toEqual([]);
  });
});
