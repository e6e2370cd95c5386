// Order 002 with RP DRN in the order's sequence (steps 13, 18; p.11 ¶1): registration at step 13 (or a refusal from
// seeded data), the production order only after UMS DP approves and carrying the application's data (the country of
// birth from GBD FL, p.5 (4)), production status from RP DRN; Digital-ID given the images themselves; point 12 at
// step 11; the registration point's lookup by ticket (p.11 ¶4); annulments that refund nothing.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents } from '@/db/schema/applications';
import { outbox } from '@/db/schema/notifications';
import { payments, refunds } from '@/db/schema/payments';
import { productionOrders } from '@/db/schema/registry';
import { PERSONA, REG_POINT, STAFF } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { getFileStore } from '@/lib/files/store';
import {
  citizenApplication,
  payDuty,
  requestDocumentOf,
  saveForm,
  signAndSubmit,
  uploadPhoto,
  uploadSignatureSample,
} from '@/lib/id-card/citizen-service';
import { findAtPoint } from '@/lib/id-card/officer-service';
import { advanceProduction } from '@/lib/id-card/production-service';
import { annul, approvalDocumentOf, approve, reviewerApplication } from '@/lib/id-card/review-service';
import { notificationText } from '@/lib/notifications/render';
import { clearFaults, getRegistries, invalidateFaultCache, setFault, type Registries } from '@/lib/registries';
import type { BiometricSample } from '@/lib/registries/digital-id/port';
import { ProductionSimulator } from '@/lib/registries/production/simulator';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { actorFor } from '@/tests/support/factories';
import { payThroughGateway } from '@/tests/support/gateway';
import { seededDatabase } from '@/tests/support/db';
import { portraitJpeg, signaturePng } from '@/tests/support/images';
import { trustTestPki } from '@/tests/support/pki';
import { startWithConsent } from '@/tests/support/id-card';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const actorOf = (iin: string) => actorFor(database.db, iin);
const ctx = (actor: Actor, registries: Registries = getRegistries(database.db)) => ({
  db: database.db,
  registries,
  actor,
  grant: actor.grants[0]!,
});
const signer = (a: Actor) => ({ iin: a.iin, surname: a.surname, givenName: a.givenName });
const orderRow = async (ticket: string) => (await database.db.select().from(productionOrders).where(eq(productionOrders.id, ticket)))[0]!;
const kinds = async (applicationId: string) =>
  (
    await database.db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'applicationId' = ${applicationId}`)
  ).map((o) => (o.payload as { kind: string }).kind);

async function draft(iin: string, pointId: number) {
  const citizen = await actorOf(iin);
  const { applicationId: id } = await startWithConsent(ctx(citizen));
  let app = await citizenApplication(database.db, citizen, id);
  await saveForm(ctx(citizen), { id, version: app.version, registrationPointId: pointId, phone: '+77015554433' });
  app = await citizenApplication(database.db, citizen, id);
  return { citizen, app };
}

/** Steps 1–12, then 13–15 as signAndSubmit runs them. */
async function submitted(iin: string, pointId: number) {
  const { citizen, app: started } = await draft(iin, pointId);
  const id = started.id;
  await uploadPhoto(ctx(citizen), { id, version: started.version, bytes: await portraitJpeg() });
  let app = await citizenApplication(database.db, citizen, id);
  await uploadSignatureSample(ctx(citizen), { id, version: app.version, bytes: await signaturePng() });
  app = await citizenApplication(database.db, citizen, id);
  const cms = await pki.sign(signer(citizen), await requestDocumentOf(database.db, app, citizen));
  await signAndSubmit(ctx(citizen), { id, version: app.version, cms });
  return { citizen, app: await citizenApplication(database.db, citizen, id) };
}

async function pay(citizen: Actor, id: string) {
  const { payUrl } = await payDuty(ctx(citizen), { id, locale: 'kk' });
  await payThroughGateway(database.db, payUrl);
}

async function approveAs(reviewerIin: string, id: string) {
  const reviewer = await actorOf(reviewerIin);
  const review = await reviewerApplication(database.db, reviewer.grants[0]!, id);
  const cms = await pki.sign(signer(reviewer), await approvalDocumentOf(database.db, review, reviewer.iin));
  await approve(ctx(reviewer), { id, version: review.version, cms });
}

async function annulAs(reviewerIin: string, id: string, reason: 'photo' | 'signature' | 'more_checks') {
  const reviewer = await actorOf(reviewerIin);
  const review = await reviewerApplication(database.db, reviewer.grants[0]!, id);
  await annul(ctx(reviewer), { id, version: review.version, reason, comment: 'Проверка' });
}

const refundsOf = (applicationId: string) =>
  database.db
    .select()
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(payments.applicationId, applicationId));

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
  invalidateFaultCache();
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('RP DRN in the order’s sequence (steps 13, 18; p.11 ¶1)', () => {
  let ticket = '';
  let applicationId = '';

  it('step 13 only registers the request; the production order goes out when UMS DP approves, with the application’s data', async () => {
    const { citizen, app } = await submitted(PERSONA.idCardBornAbroad, REG_POINT.astana1);
    expect(app.status).toBe('awaiting_payment');
    ticket = app.card.rpDrnTicket!;
    applicationId = app.id;
    expect(await orderRow(ticket)).toMatchObject({ kind: 'id_card', reference: app.number, status: 'registered', payload: null });
    expect(app.card.productionOrderId).toBeNull();

    await pay(citizen, app.id);
    expect((await orderRow(ticket)).status).toBe('registered'); // paid and under review: still nothing to produce

    await approveAs(STAFF.umsAstana, app.id);
    const ordered = await citizenApplication(database.db, citizen, app.id);
    expect(ordered).toMatchObject({ status: 'in_production', card: { productionOrderId: ticket, birthCountry: 'UZ' } });
    const store = getFileStore();
    const photo = (await store.read(database.db, ordered.card.photoFileId!))!;
    const sample = (await store.read(database.db, ordered.card.signatureFileId!))!;
    // Order 002 p.5 (4): the card prints the country of birth GBD FL has (Uzbekistan), not an assumed Kazakhstan.
    expect((await orderRow(ticket)).payload).toMatchObject({
      person: { iin: PERSONA.idCardBornAbroad, surname: 'Юсупова', birthCountry: 'UZ', sex: 'female' },
      photo: { sha256: photo.file.sha256, bytes: photo.data.byteLength, mimeType: 'image/jpeg' },
      signatureSample: { sha256: sample.file.sha256, bytes: sample.data.byteLength },
      registrationPointId: REG_POINT.astana1,
    });
  });

  it('production status comes from RP DRN: not ready until the factory says so, whatever the portal’s clock', async () => {
    const registries = getRegistries(database.db);
    await advanceProduction(database.db, registries, new Date(Date.now() + 7 * 86_400_000));
    const citizen = await actorOf(PERSONA.idCardBornAbroad);
    expect((await citizenApplication(database.db, citizen, applicationId)).status).toBe('in_production');
    await new ProductionSimulator(database.db).finishNow(ticket);
    await advanceProduction(database.db, registries);
    expect((await citizenApplication(database.db, citizen, applicationId)).status).toBe('ready_for_pickup');
    expect(await kinds(applicationId)).toContain('id_card_ready');
  });

  it('p.11 ¶4: the registration point finds the application by its ticket number; another point does not', async () => {
    const officer = await actorOf(STAFF.migrationAstana);
    const typed = ` ${ticket.toLowerCase().slice(0, 8)} ${ticket.toLowerCase().slice(8)} `;
    expect(await findAtPoint(database.db, officer.grants[0]!, typed)).toMatchObject([{ id: applicationId, ticket }]);
    const elsewhere = await actorOf(STAFF.migrationKostanay);
    expect(await findAtPoint(database.db, elsewhere.grants[0]!, ticket)).toEqual([]);
  });

  it('step 13 refused for the seeded person: refused and closed, no duty, the reason told in Kazakh and Russian', async () => {
    const { app } = await submitted(PERSONA.idCardRpDrnRefused, REG_POINT.almaty1);
    expect(app.status).toBe('refused');
    expect(app.card.closedAt).not.toBeNull();
    expect(await orderRow(app.card.rpDrnTicket!)).toMatchObject({ status: 'refused', refusalReason: 'document_invalidated' });
    expect(await database.db.select().from(payments).where(eq(payments.applicationId, app.id))).toEqual([]);
    const lines = await database.db
      .select({ data: applicationEvents.data })
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.type, 'check')));
    const line = lines.map((l) => l.data as { step: number; ok: boolean; code: string }).find((l) => l.step === 13)!;
    expect(line).toMatchObject({ ok: false, code: 'id_card_rp_drn_refused_document_invalidated' });
    expect(kk.Checks[line.code as keyof typeof kk.Checks]).toContain('жарамсыз');
    expect(ru.Checks[line.code as keyof typeof ru.Checks]).toContain('недействительным');
    expect(await kinds(app.id)).toEqual(['id_card_rp_drn_refused']);
    const params = { number: app.number, ticket: app.card.rpDrnTicket! };
    expect(notificationText('id_card_rp_drn_refused', params, 'kk')).toContain('ХҚКО');
    expect(notificationText('id_card_rp_drn_refused', params, 'ru')).toContain('ЦОН');
  });

  it('RP DRN down at approval: the card stays approved and the job sends the order once RP DRN answers', async () => {
    const { citizen, app } = await submitted(PERSONA.citizenAigerim, REG_POINT.astana1);
    await pay(citizen, app.id);
    await setFault(database.db, 'production', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 60_000) });
    try {
      await approveAs(STAFF.umsAstana, app.id);
      expect((await citizenApplication(database.db, citizen, app.id)).status).toBe('approved');
    } finally {
      await clearFaults(database.db);
    }
    await advanceProduction(database.db, getRegistries(database.db));
    expect((await citizenApplication(database.db, citizen, app.id)).status).toBe('in_production');
    expect((await orderRow(app.card.rpDrnTicket!)).status).toBe('in_production');
  });
});

describe('Digital-ID is given the images themselves (steps 3, 11)', () => {
  it('the liveness capture and the uploaded photo reach the port as bytes', async () => {
    const seen: { op: string; sample: BiometricSample }[] = [];
    const base = getRegistries(database.db);
    const registries: Registries = {
      ...base,
      digitalId: {
        liveness: (iin, sample) => (seen.push({ op: 'liveness', sample }), base.digitalId.liveness(iin, sample)),
        faceMatch: (iin, photo) => (seen.push({ op: 'faceMatch', sample: photo }), base.digitalId.faceMatch(iin, photo)),
        verifySample: (iin, sample) => base.digitalId.verifySample(iin, sample),
      },
    };
    const citizen = await actorOf(PERSONA.idCardExpired3);
    const capture = await portraitJpeg({ width: 480, height: 640 });
    const { applicationId: id } = await startWithConsent(ctx(citizen, registries), { livenessSample: capture });
    expect(seen[0]).toMatchObject({ op: 'liveness', sample: { mimeType: 'image/jpeg' } });
    expect(Buffer.from(seen[0]!.sample.bytes).equals(Buffer.from(capture))).toBe(true);

    const app = await citizenApplication(database.db, citizen, id);
    await uploadPhoto(ctx(citizen, registries), { id, version: app.version, bytes: await portraitJpeg() });
    const stored = (await getFileStore().read(database.db, (await citizenApplication(database.db, citizen, id)).card.photoFileId!))!;
    const match = seen.find((s) => s.op === 'faceMatch')!;
    expect(match.sample.mimeType).toBe('image/jpeg');
    expect(Buffer.from(match.sample.bytes).equals(stored.data)).toBe(true); // the stored (EXIF-stripped) photo itself
  });
});

describe('point 12 at step 11: Digital-ID down for more than 10 minutes', () => {
  it('a short outage is "try again"; a long one sends the citizen to a CON with the start’s message', async () => {
    const { citizen, app } = await draft(PERSONA.idCardExempt, REG_POINT.astana1);
    const upload = async () => uploadPhoto(ctx(citizen), { id: app.id, version: app.version, bytes: await portraitJpeg() });
    try {
      await setFault(database.db, 'digital_id', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 2 * 60_000) });
      await expect(upload()).rejects.toMatchObject({ code: 'registry_unavailable', system: 'digital_id' });
      await setFault(database.db, 'digital_id', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 11 * 60_000) });
      await expect(upload()).rejects.toMatchObject({ code: 'id_card_outage_go_to_con', params: { system: 'digital_id' } });
    } finally {
      await clearFaults(database.db);
    }
    expect(ru.Errors.id_card_outage_go_to_con).toContain('оформление не доступно, обратитесь в ЦОН');
    expect(kk.Errors.id_card_outage_go_to_con).toContain('рәсімдеу қолжетімсіз, ХҚКО-ға жүгініңіз');
    await upload(); // Digital-ID back: the same draft goes on
    expect((await citizenApplication(database.db, citizen, app.id)).card.faceMatched).toBe(true);
  });
});

describe('annulments that refund nothing (step 18 ¶3)', () => {
  it('"more checks needed" refunds no paid duty and does not tell of a refund', async () => {
    // The draft of the Digital-ID test goes on here.
    const { citizen, app } = await submitted(PERSONA.idCardExpired3, REG_POINT.kostanay1);
    await pay(citizen, app.id);
    expect(await database.db.select().from(payments).where(eq(payments.applicationId, app.id))).not.toEqual([]);
    await annulAs(STAFF.umsKostanay, app.id, 'more_checks');
    expect(await refundsOf(app.id)).toEqual([]);
    expect(await kinds(app.id)).toContain('id_card_annulled');
    expect(await kinds(app.id)).not.toContain('id_card_annulled_refund');
  });

  it('an exempt applicant annulled for the photo is never told about a refund', async () => {
    // The exempt person's draft from the point-12 test goes on here.
    const { app } = await submitted(PERSONA.idCardExempt, REG_POINT.astana1);
    expect(app).toMatchObject({ status: 'under_review', card: { exemptStatus: 'disability_group_2' } });
    await annulAs(STAFF.umsAstana, app.id, 'photo');
    expect(await refundsOf(app.id)).toEqual([]);
    const sent = await kinds(app.id);
    expect(sent).toContain('id_card_annulled');
    expect(sent).not.toContain('id_card_annulled_refund');
    for (const locale of ['kk', 'ru'])
      for (const kind of sent) expect(notificationText(kind, { number: app.number, ticket: 'T' }, locale)).not.toMatch(/возвра|қайтар/i);
  });
});
