// ID-card renewal (order 002): step 1 asked of the consent service, step 2's phone checked by BMG, step 7's window
// counted again at signing (p.7), the citizen's withdrawal and the expiry of an untouched draft.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { idCardApplications } from '@/db/schema/id-card';
import { outbox } from '@/db/schema/notifications';
import * as r from '@/db/schema/registry';
import { PERSONA, REG_POINT } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { localDate } from '@/lib/calendar/local';
import {
  citizenApplication,
  payDuty,
  requestDocumentOf,
  saveForm,
  signAndSubmit,
  uploadPhoto,
  uploadSignatureSample,
} from '@/lib/id-card/citizen-service';
import { expireStaleIdCardDrafts } from '@/lib/id-card/draft-expiry';
import { answerConsent, askConsent, startRenewal } from '@/lib/id-card/start-service';
import { withdrawRenewal } from '@/lib/id-card/withdraw-service';
import { notificationText } from '@/lib/notifications/render';
import { getRegistries } from '@/lib/registries';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, makeUser } from '@/tests/support/factories';
import { startWithConsent } from '@/tests/support/id-card';
import { portraitJpeg, signaturePng } from '@/tests/support/images';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const DAY = 86_400_000;
const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });
const load = (actor: Actor, id: string) => citizenApplication(database.db, actor, id);

/** A citizen of Astana whose card expires in `days` (window open for −10 ≤ days ≤ 30), with a BMG number. */
async function renewer(days: number, phone = `+7701${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`) {
  const actor = await makeUser(database.db, 'citizen', {}, { phone });
  const expires = localDate(new Date(Date.now() + days * DAY));
  await database.db
    .update(r.persons)
    .set({ regionCode: '01', addressKk: 'Астана, к-сі 1', addressRu: 'Астана, ул. 1', docIssuedOn: '2016-12-01', docExpiresOn: expires })
    .where(eq(r.persons.iin, actor.iin));
  return { actor, phone };
}

/** Steps 1–11 done: a complete draft, ready to sign. */
async function completeDraft(actor: Actor) {
  const c = ctx(actor);
  const { applicationId: id } = await startWithConsent(c);
  let app = await load(actor, id);
  await saveForm(c, { id, version: app.version, registrationPointId: REG_POINT.astana1, phone: '+77015554433' });
  app = await load(actor, id);
  await uploadPhoto(c, { id, version: app.version, bytes: await portraitJpeg() });
  app = await load(actor, id);
  await uploadSignatureSample(c, { id, version: app.version, bytes: await signaturePng() });
  return load(actor, id);
}

async function signed(actor: Actor) {
  const app = await completeDraft(actor);
  const cms = await pki.sign(
    { iin: actor.iin, surname: actor.surname, givenName: actor.givenName },
    await requestDocumentOf(database.db, app, actor),
  );
  await signAndSubmit(ctx(actor), { id: app.id, version: app.version, cms });
  return load(actor, app.id);
}

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('step 1: consent is asked of the consent service', () => {
  it('a standing refusal in the consent service stops the flow at step 1 and creates nothing', async () => {
    const actor = await actorFor(database.db, PERSONA.idCardConsentRefused);
    const c = ctx(actor);
    const { consentId } = await askConsent(c);
    // The citizen presses "confirm": the service keeps its refusal.
    expect(await answerConsent(c, { consentId, answer: 'grant' })).toEqual({ status: 'refused' });
    const phone = (await c.registries.bmg.findPhone(actor.iin))!;
    const error = await startRenewal(c, { consentId, phone }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'id_card_consent_refused', data: { checks: [{ step: 1, system: 'consent', ok: false }] } });
    expect(await database.db.select().from(idCardApplications).where(eq(idCardApplications.iin, actor.iin))).toEqual([]);
  });

  it('no answer (or someone else’s request) stops it with its own message; the citizen’s refusal is recorded', async () => {
    const { actor, phone } = await renewer(20);
    const c = ctx(actor);
    const { consentId } = await askConsent(c);
    await expect(startRenewal(c, { consentId, phone })).rejects.toMatchObject({ code: 'id_card_consent_unanswered' });
    const other = await renewer(20);
    const theirs = await askConsent(ctx(other.actor));
    await answerConsent(ctx(other.actor), { consentId: theirs.consentId, answer: 'grant' });
    await expect(startRenewal(c, { consentId: theirs.consentId, phone })).rejects.toMatchObject({ code: 'id_card_consent_unanswered' });
    await expect(answerConsent(c, { consentId: theirs.consentId, answer: 'grant' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await answerConsent(c, { consentId, answer: 'refuse' })).toEqual({ status: 'refused' });
    await expect(startRenewal(c, { consentId, phone })).rejects.toMatchObject({ code: 'id_card_consent_refused' });
    const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectIin, actor.iin));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['consent.requested', 'consent.refused']));
    expect(await database.db.select().from(idCardApplications).where(eq(idCardApplications.iin, actor.iin))).toEqual([]);
  });
});

describe('step 2: BMG by the phone the citizen gives', () => {
  it('a number BMG does not hold for the IIN stops at step 2; the right one opens the draft with it', async () => {
    const { actor, phone } = await renewer(15);
    const c = ctx(actor);
    const { consentId } = await askConsent(c);
    await answerConsent(c, { consentId, answer: 'grant' });
    const error = await startRenewal(c, { consentId, phone: '+77079998877' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'id_card_phone_mismatch' });
    expect((error as { data: { checks: unknown[] } }).data.checks.at(-1)).toMatchObject({ step: 2, system: 'bmg', ok: false });
    const started = await startRenewal(c, { consentId, phone });
    expect((await load(actor, started.applicationId)).card.phone).toBe(phone);
  });
});

describe('p.7: the window at signing', () => {
  it('a draft opened inside the window cannot be signed once the window has closed: refused with the order’s message', async () => {
    const { actor } = await renewer(25);
    const app = await completeDraft(actor);
    const cms = await pki.sign(
      { iin: actor.iin, surname: actor.surname, givenName: actor.givenName },
      await requestDocumentOf(database.db, app, actor),
    );
    // The clock seam: services read "today" from Date (toLocalDate(new Date())); 40 days on, 25 + 10 have passed.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 40 * DAY });
    const error = await signAndSubmit(ctx(actor), { id: app.id, version: app.version, cms }).catch((e: unknown) => e);
    vi.useRealTimers();
    expect(error).toMatchObject({ code: 'id_card_too_late' });
    expect((error as { data: { checks: unknown[] } }).data.checks.at(-1)).toMatchObject({ step: 7, ok: false, code: 'id_card_too_late' });
    const after = await load(actor, app.id);
    expect(after).toMatchObject({ status: 'refused', card: { signatureId: null, rpDrnTicket: null } });
    expect(after.card.closedAt).not.toBeNull();
  });

  it('the draft steps before signing refuse changes once the window has closed', async () => {
    const { actor } = await renewer(2);
    const { applicationId: id } = await startWithConsent(ctx(actor));
    const draft = await load(actor, id);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 13 * DAY });
    const error = await saveForm(ctx(actor), {
      id,
      version: draft.version,
      registrationPointId: REG_POINT.astana1,
      phone: '+77015554433',
    }).catch((e: unknown) => e);
    vi.useRealTimers();
    expect(error).toMatchObject({ code: 'id_card_too_late' });
    expect((await load(actor, id)).version).toBe(draft.version);
  });

  it('inside the window the signing re-check passes and is on the timeline', async () => {
    const { actor } = await renewer(3);
    const app = await signed(actor);
    expect(app.status).toBe('awaiting_payment');
    const lines = await database.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id));
    expect(lines.filter((e) => e.type === 'check' && (e.data as { step: number }).step === 7)).toHaveLength(2);
  });
});

describe('withdraw', () => {
  it('a draft: withdrawn through the machine, audited, idempotent on a double click; a new renewal can start', async () => {
    const { actor } = await renewer(10);
    const { applicationId: id } = await startWithConsent(ctx(actor));
    const draft = await load(actor, id);
    const first = await withdrawRenewal(ctx(actor), { id, version: draft.version });
    expect(first.status).toBe('withdrawn');
    const again = await withdrawRenewal(ctx(actor), { id, version: draft.version });
    expect(again).toMatchObject({ status: 'withdrawn', version: first.version });
    const events = await database.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, id), eq(applicationEvents.type, 'withdraw')));
    expect(events).toHaveLength(1);
    const audits = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, id), eq(auditEvents.action, 'application.withdraw')));
    expect(audits).toHaveLength(1);
    const next = await startWithConsent(ctx(actor));
    expect(next).toMatchObject({ existed: false });
    expect(next.applicationId).not.toBe(id);
  });

  it('an unpaid application can be withdrawn; the duty can no longer be paid', async () => {
    const { actor } = await renewer(-3);
    const app = await signed(actor);
    expect(app.status).toBe('awaiting_payment');
    await expect(withdrawRenewal(ctx(actor), { id: app.id, version: app.version })).resolves.toMatchObject({ status: 'withdrawn' });
    await expect(payDuty(ctx(actor), { id: app.id, locale: 'ru' })).rejects.toMatchObject({ code: 'illegal_transition' });
  });

  it('a stale version is refused (paid ones: tests/integration/id-card-withdraw.test.ts)', async () => {
    const { actor } = await renewer(5);
    const app = await signed(actor);
    await expect(withdrawRenewal(ctx(actor), { id: app.id, version: app.version - 1 })).rejects.toMatchObject({
      code: 'application_changed',
    });
    expect((await load(actor, app.id)).status).toBe('awaiting_payment');
  });

  it('someone else’s application is not found', async () => {
    const { actor } = await renewer(8);
    const { applicationId: id } = await startWithConsent(ctx(actor));
    const stranger = await renewer(8);
    await expect(withdrawRenewal(ctx(stranger.actor), { id, version: 1 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('draft expiry (the pilot’s draftTtlDays, default 7)', () => {
  it('a draft untouched for the TTL expires with a cabinet and SMS notice; a younger one stays', async () => {
    const old = await renewer(12);
    const young = await renewer(12);
    const { applicationId: oldId } = await startWithConsent(ctx(old.actor));
    const { applicationId: youngId } = await startWithConsent(ctx(young.actor));
    const backdate = (id: string, days: number) =>
      database.db
        .update(applications)
        .set({ updatedAt: sql`now() - make_interval(days => ${days})` })
        .where(eq(applications.id, id));
    await backdate(oldId, 8);
    await backdate(youngId, 6);
    expect(await expireStaleIdCardDrafts(database.db)).toBeGreaterThanOrEqual(1);
    expect((await load(old.actor, oldId)).status).toBe('expired');
    expect((await load(young.actor, youngId)).status).toBe('draft');
    const [notice] = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `id_card:${oldId}:expired`));
    expect(notice?.payload).toMatchObject({ kind: 'id_card_expired', sms: true, recipientIin: old.actor.iin, params: { days: 7 } });
    for (const locale of ['kk', 'ru'])
      expect(notificationText('id_card_expired', { number: 'ID-2026-000001', days: 7 }, locale)).toMatch(/ID-2026-000001.*7/);
    // Closed: the citizen may start again; a second sweep changes nothing.
    expect(await startWithConsent(ctx(old.actor))).toMatchObject({ existed: false });
    await expireStaleIdCardDrafts(database.db);
    expect((await load(old.actor, oldId)).status).toBe('expired');
  });
});
