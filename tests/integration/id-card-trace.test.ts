// Order 002 points that docs/traceability.md marks `done`, each with an assertion that goes red when the point
// breaks: the pilot's dates and regions (order p.7), the form (step 8, p.8), the citizen's own EDS (step 12),
// the duty of 0.2 MRP (step 15), a notice at each change (step 16) and the UMS DP queue (step 17).
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { outbox } from '@/db/schema/notifications';
import { payments } from '@/db/schema/payments';
import { mrpValues, pilotSettings } from '@/db/schema/reference';
import { auditEvents } from '@/db/schema/audit';
import { PERSONA, REG_POINT, STAFF } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { toLocalDate } from '@/lib/calendar/deadline';
import { localYear } from '@/lib/calendar/local';
import {
  citizenApplication,
  payDuty,
  requestDocumentOf,
  saveForm,
  signAndSubmit,
  uploadPhoto,
  uploadSignatureSample,
} from '@/lib/id-card/citizen-service';
import { ageHours, umsCounts, umsQueue } from '@/lib/id-card/queries';
import { recordView, reviewerApplication } from '@/lib/id-card/review-service';
import { getRegistries } from '@/lib/registries';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, uniqueIin } from '@/tests/support/factories';
import { payThroughGateway } from '@/tests/support/gateway';
import { portraitJpeg, signaturePng } from '@/tests/support/images';
import { trustTestPki } from '@/tests/support/pki';
import { startWithConsent } from '@/tests/support/id-card';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const actorOf = (iin: string) => actorFor(database.db, iin);
const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });
const person = (a: Actor) => ({ iin: a.iin, surname: a.surname, givenName: a.givenName });
const dayOffset = (days: number) => toLocalDate(new Date(Date.now() + days * 86_400_000));

/** Steps 1–11 as the citizen does them: the draft ready to sign. */
async function readyToSign(iin: string, pointId: number) {
  const citizen = await actorOf(iin);
  const c = ctx(citizen);
  const { applicationId: id } = await startWithConsent(c);
  let app = await citizenApplication(database.db, citizen, id);
  await saveForm(c, { id, version: app.version, registrationPointId: pointId, phone: '+77015554433' });
  app = await citizenApplication(database.db, citizen, id);
  await uploadPhoto(c, { id, version: app.version, bytes: await portraitJpeg() });
  app = await citizenApplication(database.db, citizen, id);
  await uploadSignatureSample(c, { id, version: app.version, bytes: await signaturePng() });
  return { citizen, app: await citizenApplication(database.db, citizen, id) };
}

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('order p.7: the pilot runs only within its dates and regions (settings are data)', () => {
  async function withSettings(values: Partial<typeof pilotSettings.$inferInsert>, run: () => Promise<void>) {
    const [saved] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'id_card'));
    await database.db.update(pilotSettings).set(values).where(eq(pilotSettings.pilot, 'id_card'));
    try {
      await run();
    } finally {
      const { startsOn, endsOn, regionCodes, enabled } = saved!;
      await database.db.update(pilotSettings).set({ startsOn, endsOn, regionCodes, enabled }).where(eq(pilotSettings.pilot, 'id_card'));
    }
  }
  const start = async (iin: string) => startWithConsent(ctx(await actorOf(iin)));
  const draftsOf = (iin: string) => database.db.select().from(idCardApplications).where(eq(idCardApplications.iin, iin));

  it('closed when switched off, after its last day, before its first day, and outside its regions; nothing is created', async () => {
    for (const values of [
      { enabled: false },
      { endsOn: dayOffset(-1) },
      { startsOn: dayOffset(1) },
      { regionCodes: ['99'] }, // Aigerim lives in Astana (01)
    ]) {
      await withSettings(values, async () => {
        await expect(start(PERSONA.citizenAigerim)).rejects.toMatchObject({ code: 'id_card_pilot_closed' });
      });
    }
    expect(await draftsOf(PERSONA.citizenAigerim)).toEqual([]);
  });

  it('open on its first and its last day', async () => {
    await withSettings({ startsOn: dayOffset(0), endsOn: dayOffset(0) }, async () => {
      await expect(start(PERSONA.citizenAigerim)).resolves.toMatchObject({ existed: false });
    });
  });
});

describe('step 8 and p.8: the applicant fills in the form themself', () => {
  it('the phone comes from BMG and can be changed; the e-mail is kept; the point’s region is the application’s', async () => {
    const citizen = await actorOf(PERSONA.idCardExpired3);
    const { applicationId: id } = await startWithConsent(ctx(citizen));
    const bmg = await getRegistries(database.db).bmg.findPhone(citizen.iin);
    let app = await citizenApplication(database.db, citizen, id);
    expect(bmg).toBeTruthy();
    expect(app.card.phone).toBe(bmg);
    await expect(
      saveForm(ctx(citizen), { id, version: app.version, registrationPointId: 999_999, phone: '+77015554433' }),
    ).rejects.toMatchObject({ code: 'id_card_point_unknown' });
    await saveForm(ctx(citizen), {
      id,
      version: app.version,
      registrationPointId: REG_POINT.karaganda1,
      phone: '+77019998877',
      email: 'a@example.kz',
    });
    app = await citizenApplication(database.db, citizen, id);
    expect(app).toMatchObject({
      regionCode: '09',
      card: { phone: '+77019998877', email: 'a@example.kz', registrationPointId: REG_POINT.karaganda1 },
    });
  });

  it('nobody else can open or fill in a citizen’s application', async () => {
    const owner = await actorOf(PERSONA.idCardExpired3);
    const [card] = await database.db.select().from(idCardApplications).where(eq(idCardApplications.iin, owner.iin));
    const other = await actorOf(PERSONA.idCardExempt);
    await expect(citizenApplication(database.db, other, card!.applicationId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      saveForm(ctx(other), { id: card!.applicationId, version: 99, registrationPointId: REG_POINT.almaty1, phone: '+77015554433' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('steps 12, 15, 16: signing, the duty, the notices', () => {
  it('another person’s EDS is refused and nothing is submitted; the citizen’s own is accepted', async () => {
    const { citizen, app } = await readyToSign(PERSONA.citizenAigerim, REG_POINT.astana1);
    // Order p.4 (1): the citizen's actions are logged — the form and the signature sample too, without the phone.
    const logged = await database.db.select().from(auditEvents).where(eq(auditEvents.applicationId, app.id));
    expect(logged.map((e) => e.action)).toEqual(expect.arrayContaining(['id_card.form_saved', 'id_card.signature_sample_saved']));
    expect(JSON.stringify(logged.map((e) => e.data))).not.toContain('5554433');
    const document = await requestDocumentOf(database.db, app, citizen);
    const other = await actorOf(PERSONA.idCardExempt);
    const foreign = await pki.sign(person(other), document);
    await expect(signAndSubmit(ctx(citizen), { id: app.id, version: app.version, cms: foreign })).rejects.toMatchObject({
      code: 'signature_wrong_signer',
    });
    expect((await citizenApplication(database.db, citizen, app.id)).status).toBe('draft');
    const own = await pki.sign(person(citizen), document);
    const submitted = await signAndSubmit(ctx(citizen), { id: app.id, version: app.version, cms: own });
    expect(submitted?.status).not.toBe('draft');
  });

  it('the duty is 0.2 MRP of this year in tenge, and paying it sends the application to review', async () => {
    const citizen = await actorOf(PERSONA.citizenAigerim);
    const [card] = await database.db.select().from(idCardApplications).where(eq(idCardApplications.iin, citizen.iin));
    const id = card!.applicationId;
    expect((await citizenApplication(database.db, citizen, id)).status).toBe('awaiting_payment');
    const { payUrl } = await payDuty(ctx(citizen), { id, locale: 'ru' });
    const [mrp] = await database.db.select().from(mrpValues).where(eq(mrpValues.year, localYear()));
    const duty = Math.round(mrp!.valueTenge * 0.2) * 100;
    const [payment] = await database.db
      .select()
      .from(payments)
      .where(and(eq(payments.applicationId, id), eq(payments.status, 'pending')));
    expect(payment!.lines).toEqual([{ code: 'id_card.duty', mrpMilli: 200, amountTiyn: duty }]);
    expect(payment!.amountTiyn).toBe(duty);
    await payThroughGateway(database.db, payUrl);
    expect((await citizenApplication(database.db, citizen, id)).status).toBe('under_review');
    // Step 16: the citizen is told the duty arrived (the page then says the UMS DP is reviewing it).
    const [notice] = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `payment:${payment!.id}:paid`));
    expect(notice!.payload).toMatchObject({ recipientIin: citizen.iin, applicationId: id, kind: 'payment_received', sms: true });
    // Issue 15: named by the application's human number, not a fragment of the payment id.
    const [app] = await database.db.select({ number: applications.number }).from(applications).where(eq(applications.id, id));
    expect((notice!.payload as { params: { number: string } }).params.number).toBe(app!.number);
  });

  it('the result of steps 13–15 reaches the citizen as a notice with an SMS', async () => {
    const citizen = await actorOf(PERSONA.citizenAigerim);
    const [card] = await database.db.select().from(idCardApplications).where(eq(idCardApplications.iin, citizen.iin));
    const notices = await database.db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `id_card:${card!.applicationId}:%`));
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices)
      expect(n.payload).toMatchObject({ recipientIin: citizen.iin, sms: true, params: { ticket: card!.rpDrnTicket } });
  });
});

describe('step 17: the UMS DP queue of one region', () => {
  it('filters by status, registration point and ticket, pages by keyset without gaps or repeats, counts by status', async () => {
    const region = '10';
    const rows = await database.db
      .insert(applications)
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          number: `ID-QUEUE-${i}`,
          pilot: 'id_card' as const,
          status: i < 5 ? 'under_review' : 'annulled',
          applicantIin: uniqueIin(),
          regionCode: i === 6 ? '09' : region,
          registrationPointId: i % 2 ? REG_POINT.kostanay1 : null,
          // Submitted one hour apart, newest first; the deadlines run the other way round, so the two orders differ.
          submittedAt: new Date(Date.UTC(2026, 2, 2, 12 - i)),
          deadlineAt: new Date(Date.UTC(2026, 2, 3, 3 + i)),
        })),
      )
      .returning();
    await database.db.insert(idCardApplications).values(
      rows.map((a, i) => ({
        applicationId: a.id,
        iin: a.applicantIin!,
        consentId: 'c',
        currentCardNumber: '000000001',
        currentCardIssuedOn: '2016-01-01',
        currentCardExpiresOn: '2026-12-20',
        rpDrnTicket: `QUEUE-T-${i}`,
      })),
    );
    const mine = rows.filter((r) => r.regionCode === region).map((r) => r.id);
    const base = { regionCode: region, statuses: ['under_review'], limit: 2 };

    const seen: string[] = [];
    let after: { at: string; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await umsQueue(database.db, { ...base, after });
      seen.push(...result.rows.map((r) => r.id));
      if (!result.next) break;
      after = result.next;
    }
    const reviewing = rows.filter((r) => r.regionCode === region && r.status === 'under_review').map((r) => r.id);
    expect(seen.filter((s) => mine.includes(s)).sort()).toEqual(reviewing.sort());
    expect(new Set(seen).size).toBe(seen.length);

    const atPoint = await umsQueue(database.db, { ...base, limit: 50, registrationPointId: REG_POINT.kostanay1 });
    expect(atPoint.rows.every((r) => r.registrationPointId === REG_POINT.kostanay1)).toBe(true);
    expect(atPoint.rows.map((r) => r.id)).toEqual(expect.arrayContaining([rows[1]!.id, rows[3]!.id]));
    expect(atPoint.rows.map((r) => r.id)).not.toContain(rows[0]!.id);

    expect((await umsQueue(database.db, { ...base, ticket: 'QUEUE-T-2' })).rows.map((r) => r.id)).toEqual([rows[2]!.id]);
    expect((await umsQueue(database.db, { ...base, ticket: 'QUEUE-T-6' })).rows).toEqual([]); // another region's
    expect((await umsQueue(database.db, { ...base, statuses: ['annulled'], limit: 50 })).rows.map((r) => r.id)).toContain(rows[5]!.id);

    // Nearest deadline first, or by submission either way; each page continues where the last one ended.
    const reviewingRows = rows.filter((r) => r.regionCode === region && r.status === 'under_review');
    const byDeadline = [...reviewingRows].sort((a, b) => a.deadlineAt!.getTime() - b.deadlineAt!.getTime()).map((r) => r.id);
    const bySubmission = [...reviewingRows].sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime()).map((r) => r.id);
    expect(byDeadline).not.toEqual(bySubmission);
    const walk = async (sort: 'deadline' | 'oldest' | 'newest') => {
      const ids: string[] = [];
      let cursor: { at: string; id: string } | undefined;
      for (let n = 0; n < 20; n++) {
        const result = await umsQueue(database.db, { ...base, sort, after: cursor });
        ids.push(...result.rows.map((r) => r.id));
        if (!result.next) break;
        cursor = result.next;
      }
      return ids.filter((x) => reviewingRows.some((r) => r.id === x));
    };
    expect(await walk('deadline')).toEqual(byDeadline);
    expect(await walk('oldest')).toEqual(bySubmission);
    expect(await walk('newest')).toEqual([...bySubmission].reverse());
    // Submitted at or after `from` and before `to`: 08:00 (i = 4) and 09:00 (i = 3), nearest deadline first.
    const inRange = await umsQueue(database.db, {
      ...base,
      limit: 50,
      from: new Date(Date.UTC(2026, 2, 2, 8)),
      to: new Date(Date.UTC(2026, 2, 2, 9, 30)),
    });
    expect(inRange.rows.map((r) => r.id).filter((x) => mine.includes(x))).toEqual([rows[3]!.id, rows[4]!.id]);

    const counts = new Map((await umsCounts(database.db, region)).map((c) => [c.status, Number(c.n)]));
    expect(counts.get('annulled')).toBeGreaterThanOrEqual(1);
    expect(counts.get('under_review')).toBeGreaterThanOrEqual(5);
  });
});

describe('p.4 (1): the UMS DP checks the e-applications', () => {
  it('the reviewer of the region opens an application under review, and the view is audited for the citizen', async () => {
    const citizen = await actorOf(PERSONA.citizenAigerim);
    const [card] = await database.db.select().from(idCardApplications).where(eq(idCardApplications.iin, citizen.iin));
    const reviewer = await actorOf(STAFF.umsAstana);
    const app = await reviewerApplication(database.db, reviewer.grants[0]!, card!.applicationId);
    expect(app.status).toBe('under_review');
    await recordView(database.db, reviewer, reviewer.grants[0]!, app);
    const views = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'person.viewed'), eq(auditEvents.applicationId, app.id)));
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ subjectIin: citizen.iin });
  });

  it('the dashboard’s age is whole hours waited, never negative', () => {
    const since = new Date('2026-03-02T08:00:00Z');
    expect(ageHours(since, new Date('2026-03-02T08:59:59Z'))).toBe(0);
    expect(ageHours(since, new Date('2026-03-02T09:00:00Z'))).toBe(1);
    expect(ageHours(since, new Date('2026-03-01T08:00:00Z'))).toBe(0);
  });
});
