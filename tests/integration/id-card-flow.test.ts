// ID-card renewal through the service layer on the demo seed (order 002 steps 8–19): the paying path and the
// exempt path to `issued`, photo rejections, annulment with exactly one refund, racing reviewers, in-person issue.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { files } from '@/db/schema/files';
import { idCardApplications } from '@/db/schema/id-card';
import { payments, refunds } from '@/db/schema/payments';
import { productionOrders } from '@/db/schema/registry';
import { PERSONA, REG_POINT, STAFF } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { getFileStore } from '@/lib/files/store';
import {
  citizenApplication,
  payDuty,
  registerWithRpDrn,
  requestDocumentOf,
  saveForm,
  signAndSubmit,
  uploadPhoto,
  uploadSignatureSample,
} from '@/lib/id-card/citizen-service';
import { checkApplicantAtPoint, issueCard } from '@/lib/id-card/officer-service';
import { advanceProduction } from '@/lib/id-card/production-service';
import { annul, approvalDocumentOf, approve, reviewerApplication } from '@/lib/id-card/review-service';
import { startWithConsent } from '@/tests/support/id-card';
import { clearFaults, getRegistries, setFault } from '@/lib/registries';
import { ProductionSimulator } from '@/lib/registries/production/simulator';
import { payThroughGateway } from '@/tests/support/gateway';
import { seededDatabase } from '@/tests/support/db';
import { portraitJpeg, signaturePng } from '@/tests/support/images';
import { trustTestPki } from '@/tests/support/pki';
import { actorFor, makeUser, uniqueIin } from '@/tests/support/factories';
import { recordSignature } from '@/lib/signatures/service';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const actorOf = (iin: string) => actorFor(database.db, iin);
const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });
const person = (a: Actor) => ({ iin: a.iin, surname: a.surname, givenName: a.givenName });

/** Steps 1–12 as the citizen does them; returns the application after submission (steps 13–15 done). */
async function submitted(iin: string, pointId: number) {
  const citizen = await actorOf(iin);
  const c = ctx(citizen);
  const { applicationId: id } = await startWithConsent(c);
  let app = await citizenApplication(database.db, citizen, id);
  await saveForm(c, { id, version: app.version, registrationPointId: pointId, phone: '+77015554433' });
  app = await citizenApplication(database.db, citizen, id);
  await uploadPhoto(c, { id, version: app.version, bytes: await portraitJpeg() });
  app = await citizenApplication(database.db, citizen, id);
  await uploadSignatureSample(c, { id, version: app.version, bytes: await signaturePng() });
  app = await citizenApplication(database.db, citizen, id);
  const cms = await pki.sign(person(citizen), await requestDocumentOf(database.db, app, citizen));
  await signAndSubmit(c, { id, version: app.version, cms });
  return { citizen, app: await citizenApplication(database.db, citizen, id) };
}

async function payViaGateway(citizen: Actor, id: string) {
  const { payUrl } = await payDuty(ctx(citizen), { id, locale: 'kk' });
  return payThroughGateway(database.db, payUrl);
}

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('the citizen’s steps', () => {
  it('rejects a photo that breaks the rules, and stores the accepted one without EXIF', async () => {
    const citizen = await actorOf(PERSONA.idCardExpired3);
    const { applicationId: id } = await startWithConsent(ctx(citizen));
    const app = await citizenApplication(database.db, citizen, id);
    const dark = await uploadPhoto(ctx(citizen), { id, version: app.version, bytes: await portraitJpeg({ wall: '#202020' }) }).catch(
      (e: unknown) => e,
    );
    expect(dark).toMatchObject({ code: 'id_card_photo_rejected', data: { problems: ['dark_background'] } });
    const small = await uploadPhoto(ctx(citizen), {
      id,
      version: app.version,
      bytes: await portraitJpeg({ width: 300, height: 400 }),
    }).catch((e: unknown) => e);
    expect(small).toMatchObject({ code: 'id_card_photo_rejected', data: { problems: ['too_small'] } });
    await uploadPhoto(ctx(citizen), { id, version: app.version, bytes: await portraitJpeg() });
    const [stored] = await database.db.select().from(files).where(eq(files.applicationId, id));
    const bytes = (await getFileStore().read(database.db, stored!.id))!.data;
    expect((await (await import('sharp')).default(bytes).metadata()).exif).toBeUndefined();
  });

  it('a photo that Digital-ID does not match to the person is refused', async () => {
    const citizen = await actorOf(PERSONA.idCardFaceMismatch);
    const { applicationId: id } = await startWithConsent(ctx(citizen));
    const app = await citizenApplication(database.db, citizen, id);
    await expect(uploadPhoto(ctx(citizen), { id, version: app.version, bytes: await portraitJpeg() })).rejects.toMatchObject({
      code: 'id_card_face_mismatch',
    });
  });
});

describe('to issued', () => {
  it('paying path: ticket → duty paid → approved with EDS → production → issued in person', async () => {
    const { citizen, app } = await submitted(PERSONA.citizenAigerim, REG_POINT.astana1);
    expect(app.status).toBe('awaiting_payment');
    expect(app.card.rpDrnTicket).toBeTruthy();
    expect(app.regionCode).toBe('01');
    await expect(payViaGateway(citizen, app.id)).resolves.toMatchObject({ outcome: 'applied' });
    const reviewer = await actorOf(STAFF.umsAstana);
    await expect(reviewerApplication(database.db, (await actorOf(STAFF.umsKostanay)).grants[0]!, app.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    const review = await reviewerApplication(database.db, reviewer.grants[0]!, app.id);
    expect(review.status).toBe('under_review');
    await expectUmsDeadline(app.id);
    const cms = await pki.sign(person(reviewer), await approvalDocumentOf(database.db, review, reviewer.iin));
    await approve(ctx(reviewer), { id: app.id, version: review.version, cms });
    const ordered = await citizenApplication(database.db, citizen, app.id);
    expect(ordered.status).toBe('in_production');
    // RP DRN says when the card is made: the factory finishing is the simulator's, then the job's poll sees it.
    await new ProductionSimulator(database.db).finishNow(ordered.card.productionOrderId!);
    await advanceProduction(database.db, getRegistries(database.db));
    const ready = await citizenApplication(database.db, citizen, app.id);
    expect(ready.status).toBe('ready_for_pickup');

    const officer = await actorOf(STAFF.migrationAstana);
    const documentOf = async (iin: string) => (await getRegistries(database.db).gbdFl.findPerson(iin))!.document.number;
    // In person only (point 19, point 5 (3)): a representative's own document is refused, and the refusal recorded.
    const representative = { documentNumber: await documentOf(PERSONA.idCardExempt), source: 'id_document' as const };
    await expect(checkApplicantAtPoint(ctx(officer), { id: app.id, ...representative })).rejects.toMatchObject({
      code: 'issuance_not_in_person',
    });
    await expect(
      issueCard(ctx(officer), { id: app.id, version: ready.version, newCardNumber: '012345678', ...representative }),
    ).rejects.toMatchObject({ code: 'issuance_not_in_person' });
    const refusals = await database.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.type, 'issuance_refused_not_in_person')));
    expect(refusals).toHaveLength(1);
    const [audited] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, app.id), eq(auditEvents.action, 'issuance.refused')));
    expect(audited).toMatchObject({ subjectIin: PERSONA.idCardExempt, data: { purpose: 'id_card.issuance', code: 'not_in_person' } });
    // A number GBD FL does not hold as the applicant's current card (an old card, a typo).
    await expect(
      checkApplicantAtPoint(ctx(officer), { id: app.id, documentNumber: '099999998', source: 'id_document' }),
    ).rejects.toMatchObject({ code: 'issuance_document_not_current' });
    // The applicant's current card, shown in Digital documents: the officer then sees who it is.
    const presented = { documentNumber: await documentOf(citizen.iin), source: 'digital_document' as const };
    await expect(checkApplicantAtPoint(ctx(officer), { id: app.id, ...presented })).resolves.toMatchObject({ iin: citizen.iin });
    const issued = await issueCard(ctx(officer), {
      id: app.id,
      version: ready.version,
      newCardNumber: '012345678',
      ...presented,
    });
    expect(issued.status).toBe('issued');
  });

  it('exempt path: AIS SIK status → no duty, straight to review', async () => {
    const { app } = await submitted(PERSONA.idCardExempt, REG_POINT.almaty1);
    expect(app).toMatchObject({ status: 'under_review', card: { exemptStatus: 'disability_group_2' } });
    expect(await database.db.select().from(payments).where(eq(payments.applicationId, app.id))).toEqual([]);
    await expectUmsDeadline(app.id);
  });
});

/** Reaching UMS DP (paid or exempt) sets its decision deadline: one working day, after the moment it arrived. */
async function expectUmsDeadline(id: string) {
  const [row] = await database.db.select({ deadlineAt: applications.deadlineAt }).from(applications).where(eq(applications.id, id));
  expect(row!.deadlineAt).toBeInstanceOf(Date);
  const ahead = row!.deadlineAt!.getTime() - Date.now();
  // The same clock time on the next working day after the count starts (never earlier than now): a day or more
  // ahead, less a minute for the test itself; at most a long holiday run away.
  expect(ahead).toBeGreaterThan(24 * 3_600_000 - 60_000);
  expect(ahead).toBeLessThan(12 * 24 * 3_600_000);
}

describe('RP DRN down at submission', () => {
  it('the signed request stays submitted, and the retry gives the ticket once RP DRN answers', async () => {
    await setFault(database.db, 'production', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 60_000) });
    let app;
    try {
      // Aigerim's first renewal was issued above, so she may start another (her card is still in the window).
      ({ app } = await submitted(PERSONA.citizenAigerim, REG_POINT.astana1));
      expect(app.status).toBe('submitted');
      expect(app.card.rpDrnTicket).toBeNull();
    } finally {
      await clearFaults(database.db);
    }
    const retried = await registerWithRpDrn(database.db, getRegistries(database.db), app.id);
    expect(retried?.status).toMatch(/^(awaiting_payment|under_review)$/);
  });
});

describe('annulment and racing reviewers', () => {
  it('annulment for the photo refunds the paid duty exactly once; a new application may follow', async () => {
    // The draft of the first test (photo checks) goes on here: starting again finds it.
    const { citizen, app } = await submitted(PERSONA.idCardExpired3, REG_POINT.kostanay1);
    await payViaGateway(citizen, app.id);
    const reviewer = await actorOf(STAFF.umsKostanay);
    const review = await reviewerApplication(database.db, reviewer.grants[0]!, app.id);
    await annul(ctx(reviewer), { id: app.id, version: review.version, reason: 'photo', comment: 'Тень на лице' });
    const refund = await database.db
      .select()
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(eq(payments.applicationId, app.id));
    expect(refund).toHaveLength(1);
    const again = await startWithConsent(ctx(citizen));
    expect(again.existed).toBe(false);
  });

  it('10 concurrent approve/annul pairs, each on its own application: exactly one decision each time', async () => {
    const reviewerA = await actorOf(STAFF.umsKostanay);
    const reviewerB = await makeUser(database.db, 'ums_reviewer', { regionCode: '10' });
    for (let i = 0; i < 10; i++) {
      const iin = uniqueIin();
      const [app] = await database.db
        .insert(applications)
        .values({ number: `ID-RACE-${i}`, pilot: 'id_card', status: 'under_review', applicantIin: iin, regionCode: '10' })
        .returning();
      const request = { number: app!.number, n: i };
      const signature = await recordSignature(database.db, {
        applicationId: app!.id,
        documentNumber: app!.number,
        purpose: 'id_card.request',
        party: { role: 'applicant', iin },
        document: request,
        cms: await pki.sign({ iin, surname: 'Тестов', givenName: 'Тест' }, request),
      });
      await database.db.insert(idCardApplications).values({
        applicationId: app!.id,
        iin,
        consentId: 'c',
        currentCardNumber: '000000001',
        currentCardIssuedOn: '2016-01-01',
        currentCardExpiresOn: '2026-12-20',
        signatureId: signature.id,
      });
      const review = await reviewerApplication(database.db, reviewerA.grants[0]!, app!.id);
      const cms = await pki.sign(person(reviewerA), await approvalDocumentOf(database.db, review, reviewerA.iin));
      const results = await Promise.allSettled([
        approve(ctx(reviewerA), { id: app!.id, version: review.version, cms }),
        annul(ctx(reviewerB), { id: app!.id, version: review.version, reason: 'more_checks', comment: 'Проверка' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((lost.reason as { code: string }).code).toBe('id_card_already_decided');
      const [row] = await database.db.select().from(applications).where(eq(applications.id, app!.id));
      expect(['approved', 'annulled']).toContain(row!.status);
    }
  }, 120_000);
});

describe('production queue', () => {
  it('a card RP DRN finished becomes ready even behind more than a batch of cards still in production', async () => {
    const later = new Date(Date.now() + 86_400_000);
    const earlier = new Date(Date.now() - 60_000);
    const rows = Array.from({ length: 260 }, (_, i) => ({
      number: `ID-PROD-${i}`,
      pilot: 'id_card' as const,
      status: 'in_production',
      applicantIin: uniqueIin(),
      regionCode: '10',
    }));
    const apps = await database.db.insert(applications).values(rows).returning();
    const orderId = (i: number) => `RPD-TEST-${String(i).padStart(9, '0')}`;
    await database.db.insert(productionOrders).values(
      apps.map((a, i) => ({
        id: orderId(i),
        kind: 'id_card' as const,
        reference: a.number,
        status: 'in_production' as const,
        readyAt: i === apps.length - 1 ? earlier : later,
      })),
    );
    await database.db.insert(idCardApplications).values(
      apps.map((a, i) => ({
        applicationId: a.id,
        iin: a.applicantIin!,
        consentId: 'c',
        currentCardNumber: '000000001',
        currentCardIssuedOn: '2016-01-01',
        currentCardExpiresOn: '2026-12-20',
        productionOrderId: orderId(i),
      })),
    );
    // One run asks 200 of them; the ones asked go to the back, so the next run reaches the rest.
    await advanceProduction(database.db, getRegistries(database.db));
    await advanceProduction(database.db, getRegistries(database.db));
    const [done] = await database.db
      .select()
      .from(applications)
      .where(eq(applications.id, apps.at(-1)!.id));
    expect(done!.status).toBe('ready_for_pickup');
    const [waiting] = await database.db.select().from(applications).where(eq(applications.id, apps[0]!.id));
    expect(waiting!.status).toBe('in_production');
  });
});
