// The owners' consent of the residence pilot (order 003, SPEC §6) on the demo seed: an owner consents with EDS or
// declines with a reason; the last consent makes the application ready to sign, a refusal ends it; co-owners
// answering at once are both recorded and the application moves once; a double submit is a no-op; nobody but the
// addressed owner may answer; the sweep reminds once before the end and expires at the end.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { notifications, outbox, smsMessages } from '@/db/schema/notifications';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import { signatures } from '@/db/schema/signatures';
import { PERSONA } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { getRegistries } from '@/lib/registries';
import { declineConsentAction } from '@/lib/residence/consent-actions';
import { consentDetails } from '@/lib/residence/consent-document';
import { ownerConsentList, openConsentCount } from '@/lib/residence/consent-queries';
import { loadConsentCase } from '@/lib/residence/consent-scope';
import { answerConsent } from '@/lib/residence/consent-service';
import { sweepConsents } from '@/lib/residence/consent-sweep';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, makeUser } from '@/tests/support/factories';
import { trustTestPki } from '@/tests/support/pki';
import { makeResidenceApplication } from '@/tests/support/residence';

let current: Actor | null = null;
vi.mock('@/lib/auth/session', () => ({ getActor: async () => current }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const HOUR = 3_600_000;
const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

/** Consent as `owner` with their EDS over exactly the document the service rebuilds. */
async function consentAs(owner: Actor, consentId: string, locale: 'kk' | 'ru' = 'kk') {
  const c = (await loadConsentCase(database.db, consentId))!;
  const { document } = await consentDetails(getRegistries(database.db), c, locale);
  const cms = await pki.sign({ iin: owner.iin, surname: owner.surname, givenName: owner.givenName }, document);
  return answerConsent(ctx(owner), { consentId, version: c.consent.version, locale, answer: 'consent', cms });
}

async function declineAs(owner: Actor, consentId: string, reason: string) {
  const c = (await loadConsentCase(database.db, consentId))!;
  return answerConsent(ctx(owner), { consentId, version: c.consent.version, locale: 'ru', answer: 'decline', reason });
}

async function stateOf(id: string) {
  const [app] = await database.db.select().from(applications).where(eq(applications.id, id));
  const [res] = await database.db.select().from(residenceApplications).where(eq(residenceApplications.applicationId, id));
  const consents = await database.db.select().from(residenceConsents).where(eq(residenceConsents.applicationId, id));
  const events = await database.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
  return { app: app!, res: res!, consents, events, status: (iin: string) => consents.find((c) => c.ownerIin === iin)?.status };
}

const consentOf = (a: Awaited<ReturnType<typeof makeResidenceApplication>>, iin: string) => a.consents.find((c) => c.ownerIin === iin)!.id;

async function applicantNotes(iin: string, applicationId: string) {
  await deliverOutbox(database.db);
  return database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientIin, iin), eq(notifications.applicationId, applicationId)));
}

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('answering a request', () => {
  it('one owner consents, the next declines: declined_by_owner, the reason kept, the third request cancelled, the applicant told', async () => {
    const [a, b, c, applicant] = await Promise.all([1, 2, 3, 4].map(() => makeUser(database.db, 'citizen', {}, { locale: 'ru' })));
    const app = await makeResidenceApplication(database.db, {
      applicantIin: applicant!.iin,
      applicantLocale: 'ru',
      owners: [
        { iin: a!.iin, shareMilli: 500 },
        { iin: b!.iin, shareMilli: 250 },
        { iin: c!.iin, shareMilli: 250 },
      ],
    });
    expect(await consentAs(a!, consentOf(app, a!.iin))).toEqual({
      consent: 'consented',
      application: 'awaiting_owner_consent',
      repeated: false,
    });
    expect((await stateOf(app.id)).app.status).toBe('awaiting_owner_consent');
    const reason = 'Квартира продаётся, регистрировать никого не буду';
    expect(await declineAs(b!, consentOf(app, b!.iin), `  ${reason} `)).toMatchObject({
      consent: 'declined',
      application: 'declined_by_owner',
    });

    const s = await stateOf(app.id);
    expect(s.app.status).toBe('declined_by_owner');
    expect(s.app.decidedAt).not.toBeNull();
    expect(s.res).toMatchObject({ refusalCode: 'owner_declined', refusalDetails: { reason } });
    expect(s.res.closedAt).not.toBeNull();
    expect([s.status(a!.iin), s.status(b!.iin), s.status(c!.iin)]).toEqual(['consented', 'declined', 'cancelled']);
    expect(s.consents.find((x) => x.ownerIin === b!.iin)!.declineReason).toBe(reason);
    // A's consent is signed and linked; the timeline has both answers and the decision, with the owner masked.
    const signed = s.consents.find((x) => x.ownerIin === a!.iin)!;
    const [sig] = await database.db.select().from(signatures).where(eq(signatures.id, signed.signatureId!));
    expect(sig).toMatchObject({ signerIin: a!.iin, purpose: 'residence.owner_consent', partyRole: 'owner' });
    expect(JSON.parse(sig!.document)).toMatchObject({ kind: 'residence.owner_consent', consentId: signed.id, shareMilli: 500 });
    expect(s.events.map((e) => e.type)).toEqual(expect.arrayContaining(['consent_given', 'consent_declined', 'owner_declined']));
    expect(s.events.find((e) => e.type === 'owner_declined')!.data).toMatchObject({ owner: 'Тест Т.', reason });
    const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.applicationId, app.id));
    expect(audits.map((x) => x.action)).toEqual(
      expect.arrayContaining(['residence.consent_given', 'residence.consent_declined', 'application.owner_declined']),
    );

    const notes = await applicantNotes(applicant!.iin, app.id);
    expect(notes.map((n) => n.kind).sort()).toEqual(['residence_consent_declined', 'residence_consent_given']);
    expect(notes.find((n) => n.kind === 'residence_consent_declined')!.params).toMatchObject({ reason, number: app.number });
    const sms = await database.db.select().from(smsMessages).where(eq(smsMessages.locale, 'ru'));
    expect(sms.some((m) => m.text.includes(reason) && m.text.includes(app.number))).toBe(true);
    expect((await applicantNotes(c!.iin, app.id)).map((n) => n.kind)).toEqual(['residence_consent_cancelled']);
    // Now closed for C, and B's answer cannot be turned into a consent.
    expect(await codeOf(consentAs(c!, consentOf(app, c!.iin)))).toBe('residence_consent_closed');
    expect(await codeOf(consentAs(b!, consentOf(app, b!.iin)))).toBe('residence_consent_already_answered');
  });

  it('both owners consent at the same moment: both recorded, ready_to_sign exactly once, the applicant told once', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => makeUser(database.db, 'citizen')));
    const app = await makeResidenceApplication(database.db, {
      owners: [
        { iin: a!.iin, shareMilli: 500 },
        { iin: b!.iin, shareMilli: 500 },
      ],
    });
    const results = await Promise.all([consentAs(a!, consentOf(app, a!.iin)), consentAs(b!, consentOf(app, b!.iin))]);
    expect(results.map((r) => r.consent)).toEqual(['consented', 'consented']);
    expect(results.map((r) => r.application).sort()).toEqual(['awaiting_owner_consent', 'ready_to_sign']);
    const s = await stateOf(app.id);
    expect(s.app.status).toBe('ready_to_sign');
    expect(s.app.version).toBe(app.version + 1);
    expect(s.consents.every((c) => c.status === 'consented' && c.signatureId && c.version === 2)).toBe(true);
    expect(s.events.filter((e) => e.type === 'all_consented')).toHaveLength(1);
    expect(s.events.filter((e) => e.type === 'consent_given')).toHaveLength(2);
    const notes = await applicantNotes(app.applicantIin, app.id);
    expect(notes.filter((n) => n.kind === 'residence_consent_all_given')).toHaveLength(1);
  });

  it('a double submit of the same answer is a no-op with the same result; the other answer after it is refused', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => makeUser(database.db, 'citizen')));
    const app = await makeResidenceApplication(database.db, {
      owners: [
        { iin: a!.iin, shareMilli: 500 },
        { iin: b!.iin, shareMilli: 500 },
      ],
    });
    const id = consentOf(app, a!.iin);
    const twice = await Promise.all([consentAs(a!, id), consentAs(a!, id)]);
    expect(twice.map((r) => r.consent)).toEqual(['consented', 'consented']);
    expect(twice.map((r) => r.repeated).sort()).toEqual([false, true]);
    expect(await consentAs(a!, id)).toEqual({ consent: 'consented', application: 'awaiting_owner_consent', repeated: true });
    expect(await database.db.select().from(signatures).where(eq(signatures.applicationId, app.id))).toHaveLength(1);
    expect((await stateOf(app.id)).events.filter((e) => e.type === 'consent_given')).toHaveLength(1);
    expect(await codeOf(declineAs(a!, id, 'Передумала, не согласна'))).toBe('residence_consent_already_answered');

    // The same for a refusal: one decision, the second submit returns it.
    const bid = consentOf(app, b!.iin);
    const declined = await Promise.all([
      declineAs(b!, bid, 'Не согласен с регистрацией'),
      declineAs(b!, bid, 'Не согласен с регистрацией'),
    ]);
    expect(declined.map((r) => r.repeated).sort()).toEqual([false, true]);
    expect((await stateOf(app.id)).events.filter((e) => e.type === 'owner_declined')).toHaveLength(1);
  });

  it('the reason is required: the service says which rule, the action keeps what was typed', async () => {
    const a = await makeUser(database.db, 'citizen');
    const app = await makeResidenceApplication(database.db, { owners: [{ iin: a.iin, shareMilli: 1000 }] });
    const id = consentOf(app, a.iin);
    expect(await codeOf(declineAs(a, id, '   '))).toBe('residence_consent_reason_required');
    current = a;
    const form = new FormData();
    for (const [k, v] of Object.entries({ consentId: id, version: '1', locale: 'kk', reason: 'жоқ' })) form.set(k, v);
    expect(await declineConsentAction({ ok: true }, form)).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { reason: ['residence_consent_reason_short'] },
      values: { reason: 'жоқ' },
    });
    form.set('reason', '');
    const empty = await declineConsentAction({ ok: true }, form);
    expect(empty).toMatchObject({ code: 'invalid' });
    expect(!empty.ok && empty.fieldErrors?.reason?.[0]).toBe('residence_consent_reason_required');
    current = null;
    expect((await stateOf(app.id)).status(a.iin)).toBe('requested');
  });

  it('nobody but the addressed owner answers: a stranger, the applicant, a co-owner all get not_found (audited)', async () => {
    const [a, b, stranger, applicant] = await Promise.all([1, 2, 3, 4].map(() => makeUser(database.db, 'citizen')));
    const app = await makeResidenceApplication(database.db, {
      applicantIin: applicant!.iin,
      owners: [
        { iin: a!.iin, shareMilli: 500 },
        { iin: b!.iin, shareMilli: 500 },
      ],
    });
    const id = consentOf(app, a!.iin);
    for (const who of [stranger!, applicant!, b!]) {
      expect(await codeOf(declineAs(who, id, 'Чужой ответ за владельца'))).toBe('not_found');
      expect(
        await codeOf(answerConsent(ctx(who), { consentId: id, version: 1, locale: 'kk', answer: 'consent', cms: 'x'.repeat(20) })),
      ).toBe('not_found');
    }
    expect(
      await codeOf(
        answerConsent(ctx(a!), { consentId: 'not-a-uuid', version: 1, locale: 'kk', answer: 'decline', reason: 'Нет такого запроса' }),
      ),
    ).toBe('not_found');
    const denials = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, app.id), eq(auditEvents.action, 'access.denied')));
    expect(denials.length).toBeGreaterThanOrEqual(6);
    expect((await stateOf(app.id)).consents.every((c) => c.status === 'requested')).toBe(true);
    // A consent signed with someone else's key is refused as well (the co-owner signing for the owner).
    const c = (await loadConsentCase(database.db, id))!;
    const { document } = await consentDetails(getRegistries(database.db), c, 'kk');
    const cms = await pki.sign({ iin: b!.iin, surname: b!.surname, givenName: b!.givenName }, document);
    expect(await codeOf(answerConsent(ctx(a!), { consentId: id, version: 1, locale: 'kk', answer: 'consent', cms }))).toBe(
      'signature_wrong_signer',
    );
  });

  it('the owner sees their requests, open first, and the count on the cabinet home', async () => {
    const owner = await makeUser(database.db, 'citizen');
    const answered = await makeResidenceApplication(database.db, { owners: [{ iin: owner.iin, shareMilli: 1000 }] });
    await declineAs(owner, consentOf(answered, owner.iin), 'Не знаю этого человека');
    const open = await makeResidenceApplication(database.db, { kind: 'temporary', owners: [{ iin: owner.iin, shareMilli: 333 }] });
    const list = await ownerConsentList(owner.iin, 'kk');
    expect(list.open.map((r) => r.number)).toEqual([open.number]);
    expect(list.open[0]).toMatchObject({ share: '1/3', kind: 'temporary' });
    expect(list.answered.map((r) => r.number)).toEqual([answered.number]);
    expect(await openConsentCount(owner.iin)).toBe(1);
    // Someone else's list does not show them.
    expect((await ownerConsentList(PERSONA.consentOwnerAsel, 'kk')).open.map((r) => r.number)).not.toContain(open.number);
  });
});

describe('the sweep: reminder and expiry', () => {
  it('reminds once, consentReminderHours before the end; a request whose reminder time precedes it is not reminded', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => makeUser(database.db, 'citizen')));
    const now = Date.now();
    const app = await makeResidenceApplication(database.db, {
      owners: [
        // Asked 52 hours ago, 20 hours left: inside the 24-hour reminder window.
        { iin: a!.iin, shareMilli: 500, requestedAt: new Date(now - 52 * HOUR), expiresAt: new Date(now + 20 * HOUR) },
        // Asked a moment ago with only 10 hours to answer: its reminder time is before the request itself.
        { iin: b!.iin, shareMilli: 500, requestedAt: new Date(now - 60_000), expiresAt: new Date(now + 10 * HOUR) },
      ],
    });
    const registries = getRegistries(database.db);
    await sweepConsents(database.db, registries);
    await sweepConsents(database.db, registries);
    const keyOf = (iin: string) => `residence:consent:${consentOf(app, iin)}:reminder`;
    expect(
      await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, keyOf(a!.iin))),
    ).toHaveLength(1);
    expect(
      await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, keyOf(b!.iin))),
    ).toHaveLength(0);
    const s = await stateOf(app.id);
    expect(s.consents.find((c) => c.ownerIin === a!.iin)!.remindedAt).not.toBeNull();
    expect(s.consents.every((c) => c.status === 'requested' && c.version === 1)).toBe(true);
    const notes = await applicantNotes(a!.iin, app.id);
    expect(notes.map((n) => [n.kind, n.params.hours])).toEqual([['residence_consent_reminder', 20]]);
  });

  it('at expiresAt the request expires and with it the application (system); the applicant is told; late answers are refused', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => makeUser(database.db, 'citizen')));
    const now = Date.now();
    const app = await makeResidenceApplication(database.db, {
      applicantLocale: 'kk',
      owners: [
        { iin: a!.iin, shareMilli: 500, requestedAt: new Date(now - 73 * HOUR), expiresAt: new Date(now - 60_000) },
        { iin: b!.iin, shareMilli: 500, status: 'consented' },
      ],
    });
    // Before the sweep runs, the owner can no longer answer.
    expect(await codeOf(declineAs(a!, consentOf(app, a!.iin), 'Поздний ответ владельца'))).toBe('residence_consent_expired');
    const swept = await sweepConsents(database.db, getRegistries(database.db));
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const s = await stateOf(app.id);
    expect(s.app.status).toBe('expired');
    expect([s.status(a!.iin), s.status(b!.iin)]).toEqual(['expired', 'consented']);
    expect(s.res).toMatchObject({ refusalCode: 'consent_expired' });
    const event = s.events.find((e) => e.type === 'consent_expired')!;
    expect(event).toMatchObject({ actorUserId: null, actorRole: null, toStatus: 'expired' });
    const notes = await applicantNotes(app.applicantIin, app.id);
    expect(notes.map((n) => n.kind)).toEqual(['residence_consent_expired']);
    // A second sweep changes nothing.
    await sweepConsents(database.db, getRegistries(database.db));
    expect((await stateOf(app.id)).events.filter((e) => e.type === 'consent_expired')).toHaveLength(1);
  });

  it('requests left open on an application that ended otherwise (withdrawn) are cancelled', async () => {
    const a = await makeUser(database.db, 'citizen');
    const app = await makeResidenceApplication(database.db, { status: 'withdrawn', owners: [{ iin: a.iin, shareMilli: 1000 }] });
    await sweepConsents(database.db, getRegistries(database.db));
    expect((await stateOf(app.id)).status(a.iin)).toBe('cancelled');
    expect(await codeOf(declineAs(a, consentOf(app, a.iin), 'Уже не актуально'))).toBe('residence_consent_closed');
  });
});

describe('the demo seed', () => {
  it('Dias waits for Asel and Berik, who can sign in and answer', async () => {
    const asel = await actorFor(database.db, PERSONA.consentOwnerAsel);
    const list = await ownerConsentList(asel.iin, 'kk');
    expect(list.open).toHaveLength(1);
    expect(list.open[0]).toMatchObject({ applicant: 'Диас Ж.', share: '1/2', kind: 'temporary' });
    expect(list.open[0]!.address).toContain('Сәтбаев');
    const berik = await actorFor(database.db, PERSONA.consentOwnerBerik);
    expect(await openConsentCount(berik.iin)).toBe(1);
  });
});
