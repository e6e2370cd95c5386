// Issue 10 §2 on the demo seed: every pilot service opens applications through loadInScope, so an actor outside
// the application's scope gets `not_found` (never a hint that it exists) and the refusal is audited; and
// transition() refuses an event fired by any party but the one the machine names.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { PERSONA, REG_POINT, STAFF, VIN } from '@/db/seed/personas-ids';
import { transition } from '@/lib/applications/core';
import type { Actor, Grant } from '@/lib/auth/actor';
import { saveForm, signAndSubmit } from '@/lib/id-card/citizen-service';
import { idCardMachine } from '@/lib/id-card/machine';
import { issueCard } from '@/lib/id-card/officer-service';
import { annul, approve, reviewerApplication } from '@/lib/id-card/review-service';
import { startWithConsent } from '@/tests/support/id-card';
import { getRegistries } from '@/lib/registries';
import { acceptOffer, declineOffer } from '@/lib/vehicle-registration/buyer-service';
import { issueDocuments, issueTicket } from '@/lib/vehicle-registration/con-service';
import {
  cancelByDealer,
  dealerApplication,
  reopenDraft,
  sellerDocumentOf,
  setBuyer,
  signAsSeller,
  startRegistration,
} from '@/lib/vehicle-registration/dealer-service';
import { vehicleMachine } from '@/lib/vehicle-registration/machine';
import { seededDatabase } from '@/tests/support/db';
import { actorFor } from '@/tests/support/factories';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;
let idCard: { id: string; version: number };
let vehicle: { id: string; version: number };

const actorOf = (iin: string) => actorFor(database.db, iin);
const grantOf = (a: Actor, role?: Grant['role']) => (role ? a.grants.find((g) => g.role === role) : a.grants[0])!;
const ctx = (actor: Actor, role?: Grant['role']) => ({
  db: database.db,
  registries: getRegistries(database.db),
  actor,
  grant: grantOf(actor, role),
});

/** The refusal's audit row: who, in which role and scope, which view; no IIN anywhere in it. */
async function expectDenialAudited(actor: Actor, applicationId: string, view: string) {
  const rows = await database.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.applicationId, applicationId), eq(auditEvents.actorUserId, actor.userId)),
    );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorRole: actor.grants[0]!.role, subjectIin: null, data: { view } });
  expect(rows[0]!.actorScope).toBeTruthy();
  expect(JSON.stringify(rows[0]!.data)).not.toMatch(/\d{12}/);
}

async function refusedAsNotFound(run: () => Promise<unknown>, actor: Actor, applicationId: string, view: string) {
  await expect(run()).rejects.toMatchObject({ code: 'not_found' });
  await expectDenialAudited(actor, applicationId, view);
}

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
  // An ID-card renewal in Astana with its pickup point chosen (registration point Astana 1).
  const citizen = await actorOf(PERSONA.citizenAigerim);
  const { applicationId } = await startWithConsent(ctx(citizen));
  const [draft] = await database.db.select().from(applications).where(eq(applications.id, applicationId));
  const saved = await saveForm(ctx(citizen), {
    id: applicationId,
    version: draft!.version,
    registrationPointId: REG_POINT.astana1,
    phone: '+77015554433',
  });
  idCard = { id: applicationId, version: saved.version };
  // A vehicle registration of Astana Motors, signed by the dealer and waiting for buyer Erlan.
  const dealer = await actorOf(PERSONA.dealerAstanaMotors);
  const d = ctx(dealer, 'dealer');
  const started = await startRegistration(d, { vin: VIN.good1 });
  const ready = await setBuyer(d, { id: started.id, version: started.version, buyerIin: PERSONA.buyerErlan });
  const app = await dealerApplication(database.db, d.grant, started.id);
  const cms = await pki.sign(
    { iin: dealer.iin, surname: dealer.surname, givenName: dealer.givenName, organisation: app.dealerNameRu, bin: app.dealerBin },
    sellerDocumentOf(app),
  );
  const offer = await signAsSeller(d, { id: started.id, version: ready.version, cms });
  vehicle = { id: offer.id, version: offer.version };
}, 180_000);
afterAll(async () => {
  await database.drop();
});

describe('out of scope is not found, and audited', () => {
  it('ID card: another citizen, a reviewer of another region, an officer of another point', async () => {
    const other = await actorOf(PERSONA.idCardExempt);
    await refusedAsNotFound(
      () => signAndSubmit(ctx(other), { id: idCard.id, version: idCard.version, cms: 'x' }),
      other,
      idCard.id,
      'id_card.applicant',
    );
    const reviewer = await actorOf(STAFF.umsKostanay);
    await refusedAsNotFound(
      () => approve(ctx(reviewer), { id: idCard.id, version: idCard.version, cms: 'x' }),
      reviewer,
      idCard.id,
      'id_card.reviewer',
    );
    const officer = await actorOf(STAFF.migrationKostanay);
    await refusedAsNotFound(
      () =>
        issueCard(ctx(officer), {
          id: idCard.id,
          version: idCard.version,
          documentNumber: '000000001',
          source: 'id_document',
          newCardNumber: '000000001',
        }),
      officer,
      idCard.id,
      'id_card.officer',
    );
  });

  it('vehicle: another dealer, another citizen, reception and issuance desk of another CON', async () => {
    const dealer = await actorOf(PERSONA.dealerAlatau);
    await refusedAsNotFound(() => cancelByDealer(ctx(dealer, 'dealer'), vehicle), dealer, vehicle.id, 'vehicle.dealer');
    const citizen = await actorOf(PERSONA.buyerWithFines);
    await refusedAsNotFound(() => acceptOffer(ctx(citizen, 'citizen'), vehicle), citizen, vehicle.id, 'vehicle.buyer');
    const reception = await actorOf(STAFF.conReceptionAlmaty);
    await refusedAsNotFound(() => issueTicket(ctx(reception), { applicationId: vehicle.id }), reception, vehicle.id, 'vehicle.centre');
    const desk = await actorOf(STAFF.conIssuanceAlmaty);
    await refusedAsNotFound(
      () => issueDocuments(ctx(desk), { ...vehicle, documentNumber: '000000001', source: 'id_document', srtsBlankSerial: 'AA0000001' }),
      desk,
      vehicle.id,
      'vehicle.centre',
    );
  });

  it('the pages’ loaders say who was refused too (a UMS reviewer of another region opening the review page)', async () => {
    const reviewer = await actorOf(STAFF.umsKostanay);
    const before = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorUserId, reviewer.userId)));
    await expect(reviewerApplication(database.db, grantOf(reviewer), idCard.id, reviewer)).rejects.toMatchObject({ code: 'not_found' });
    const after = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorUserId, reviewer.userId)));
    expect(after).toHaveLength(before.length + 1);
  });

  it('a malformed or unknown id is not found too, audited as a miss (issue 14), not as a refusal', async () => {
    const other = await actorOf(PERSONA.idCardExempt);
    await expect(declineOffer(ctx(other, 'citizen'), { id: 'not-a-uuid', version: 1, reason: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      declineOffer(ctx(other, 'citizen'), { id: '00000000-0000-4000-8000-000000000000', version: 1, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(
      await database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorUserId, other.userId))),
    ).toHaveLength(1);
    const misses = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.not_found'), eq(auditEvents.actorUserId, other.userId)))
      .orderBy(auditEvents.id);
    expect(misses.map((m) => m.data)).toEqual([
      { view: 'vehicle.buyer', malformed: true },
      { view: 'vehicle.buyer', id: '00000000-0000-4000-8000-000000000000' },
    ]);
    expect(misses[0]).toMatchObject({ actorRole: 'citizen', actorScope: 'self', subjectIin: null });
  });

  it('in scope, the same services work (the scope check is not a blanket refusal)', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    await expect(reopenDraft(ctx(dealer, 'dealer'), vehicle)).rejects.toMatchObject({ code: 'illegal_transition' }); // found, but awaiting the buyer
    const reviewer = await actorOf(STAFF.umsAstana);
    await expect(annul(ctx(reviewer), { ...idCard, reason: 'photo', comment: 'x' })).rejects.toMatchObject({ code: 'illegal_transition' }); // found, still a draft
  });
});

describe('who may act: transition() refuses another party', () => {
  const fire = <S extends string, E extends string, P extends string>(
    id: string,
    version: number,
    machine: Parameters<typeof transition<S, E, P>>[1]['machine'],
    event: E,
    actor: Actor | null,
    grant: Grant | null,
  ) => database.db.transaction((tx) => transition(tx, { id, expectedVersion: version, machine, event, actor, grant }));
  const status = async (id: string) => (await database.db.select().from(applications).where(eq(applications.id, id)))[0]!;

  it('vehicle: the dealer cannot accept for the buyer, the buyer cannot cancel, nobody fires the payment callback’s event', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    const buyer = await actorOf(PERSONA.buyerErlan);
    const before = await status(vehicle.id);
    await expect(
      fire(vehicle.id, before.version, vehicleMachine, 'buyer_accepted', dealer, grantOf(dealer, 'dealer')),
    ).rejects.toMatchObject({ code: 'not_your_step' });
    await expect(fire(vehicle.id, before.version, vehicleMachine, 'cancel', buyer, grantOf(buyer, 'citizen'))).rejects.toMatchObject({
      code: 'not_your_step',
    });
    await expect(fire(vehicle.id, before.version, vehicleMachine, 'buyer_accepted', null, null)).rejects.toMatchObject({
      code: 'not_your_step',
    });
    await expect(fire(vehicle.id, before.version, vehicleMachine, 'expire', buyer, grantOf(buyer, 'citizen'))).rejects.toMatchObject({
      code: 'not_your_step',
    });
    // A grant without a person is neither a person nor the system.
    await expect(fire(vehicle.id, before.version, vehicleMachine, 'expire', null, grantOf(buyer, 'citizen'))).rejects.toMatchObject({
      code: 'not_your_step',
    });
    expect(await status(vehicle.id)).toMatchObject({ status: 'awaiting_buyer', version: before.version });
    // The buyer's own event goes through.
    await expect(
      fire(vehicle.id, before.version, vehicleMachine, 'buyer_accepted', buyer, grantOf(buyer, 'citizen')),
    ).resolves.toMatchObject({ status: 'buyer_filling' });
  });

  it('ID card: the citizen cannot approve or fire the system’s events, the reviewer cannot submit', async () => {
    const citizen = await actorOf(PERSONA.citizenAigerim);
    const reviewer = await actorOf(STAFF.umsAstana);
    const before = await status(idCard.id);
    await expect(fire(idCard.id, before.version, idCardMachine, 'submit', reviewer, grantOf(reviewer))).rejects.toMatchObject({
      code: 'not_your_step',
    });
    await expect(fire(idCard.id, before.version, idCardMachine, 'submit', null, null)).rejects.toMatchObject({ code: 'not_your_step' });
    await expect(fire(idCard.id, before.version, idCardMachine, 'approve', citizen, grantOf(citizen))).rejects.toMatchObject({
      code: 'not_your_step',
    });
    await expect(fire(idCard.id, before.version, idCardMachine, 'duty_required', citizen, grantOf(citizen))).rejects.toMatchObject({
      code: 'not_your_step',
    });
    expect(await status(idCard.id)).toMatchObject({ status: 'draft', version: before.version });
    await expect(fire(idCard.id, before.version, idCardMachine, 'withdraw', citizen, grantOf(citizen))).resolves.toMatchObject({
      status: 'withdrawn',
    });
  });
});
