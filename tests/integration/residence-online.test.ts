// The citizen's online residence registration through the service layer on the demo seed (order 003, SPEC §6):
// owner = applicant to `registered` (GBD FL updated once, the previous registration ended), consent requests one per
// other owner, the re-check at signing, one open application per service, withdraw, draft expiry, a temporary
// registration that ends on its date, Astana's gate and the CON-only owner, and another citizen's not_found.
import { randomInt } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { outbox } from '@/db/schema/notifications';
import { persons, properties, propertyOwners, temporaryRegistrations } from '@/db/schema/registry';
import { registryCalls } from '@/db/schema/registry-ops';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import { CADASTRE, PERSONA } from '@/db/seed/personas-ids';
import { transition } from '@/lib/applications/core';
import type { Actor } from '@/lib/auth/actor';
import { addDays, toLocalDate } from '@/lib/calendar/deadline';
import { getRegistries } from '@/lib/registries';
import type { ArrivalForm } from '@/lib/residence/arrival-form';
import { residenceDocumentsFor } from '@/lib/residence/citizen-queries';
import {
  applicationDocumentOf,
  chooseDwelling,
  citizenResidence,
  expireStaleResidence,
  finishDraft,
  saveArrivalForm,
  signResidence,
  startResidence,
  withdrawResidence,
} from '@/lib/residence/citizen-service';
import { loadResidence } from '@/lib/residence/load';
import { residenceMachine } from '@/lib/residence/machine';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, makeUser } from '@/tests/support/factories';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const db = () => database.db;
/** As formAction builds it: with an application id, the registry calls are logged against that application. */
const ctx = (actor: Actor, applicationId?: string) => ({
  db: db(),
  registries: getRegistries(db(), applicationId ? { applicationId } : {}),
  actor,
  grant: actor.grants[0]!,
});
const today = () => toLocalDate(new Date());

const FORM: ArrivalForm = {
  previousAddress: 'Қарағанды облысы, Қарағанды қ., Бұрынғы көшесі, 1',
  previousRegionCode: '09',
  movingReason: 'family',
  education: 'higher',
  occupation: 'employed',
  maritalStatus: 'never_married',
  nationality: 'қазақ',
};

/** A fresh dwelling in Karaganda with these owners, nobody registered; its address in the seed's shape. */
async function dwelling(owners: [string, number][], regionCode = '09') {
  const house = String(1000 + randomInt(8000));
  const flat = String(1 + randomInt(300));
  const cadastralNumber = `${regionCode}-990-${house}-${randomInt(1000)}:${flat}`;
  await db()
    .insert(properties)
    .values({
      cadastralNumber,
      regionCode,
      kind: 'flat',
      totalAreaM2: 60,
      addressKk: `Қарағанды облысы, Қарағанды қ., Сынақ көшесі, ${house}, ${flat}-пәтер`,
      addressRu: `Карагандинская область, г. Караганда, ул. Тестовая, д. ${house}, кв. ${flat}`,
    });
  if (owners.length)
    await db()
      .insert(propertyOwners)
      .values(owners.map(([iin, shareMilli]) => ({ cadastralNumber, iin, shareMilli })));
  return cadastralNumber;
}

/** The person's permanent registration in GBD FL, at a dwelling of their own. */
async function registerAt(iin: string, cadastralNumber: string) {
  await db()
    .update(persons)
    .set({ regionCode: '09', addressKk: 'Бұрынғы', addressRu: 'Прежний', cadastralNumber })
    .where(eq(persons.iin, iin));
}

const reload = async (actor: Actor, id: string) => citizenResidence(db(), actor, id);

/** start → dwelling → arrival form: a draft ready to finish. */
async function draft(
  actor: Actor,
  cadastralNumber: string,
  kind: 'permanent' | 'temporary' = 'permanent',
  period?: { stayFrom: string; stayUntil: string },
) {
  const c = ctx(actor);
  const { applicationId: id } = await startResidence(c, { kind, locale: 'kk', ...period });
  let app = await reload(actor, id);
  await chooseDwelling(c, { id, version: app.version, cadastralNumber });
  app = await reload(actor, id);
  await saveArrivalForm(c, { id, version: app.version, form: FORM, ...period });
  return reload(actor, id);
}

/** The consent service's part (another slice): every owner consents, and the last consent makes it ready. */
async function allConsent(id: string, owners: Actor[]) {
  await db().update(residenceConsents).set({ status: 'consented', answeredAt: new Date() }).where(eq(residenceConsents.applicationId, id));
  const [row] = await db().select({ version: applications.version }).from(applications).where(eq(applications.id, id));
  await db().transaction((tx) =>
    transition(tx, {
      id,
      expectedVersion: row!.version,
      machine: residenceMachine,
      event: 'all_consented',
      actor: owners[0]!,
      grant: owners[0]!.grants[0]!,
    }),
  );
}

async function sign(actor: Actor, id: string) {
  const app = await reload(actor, id);
  const cms = await pki.sign(
    { iin: actor.iin, surname: actor.surname, givenName: actor.givenName },
    await applicationDocumentOf(getRegistries(db()), app, actor),
  );
  return { app, cms };
}

const registerCalls = async (id: string) => {
  const [row] = await db()
    .select({ n: count() })
    .from(registryCalls)
    .where(and(eq(registryCalls.applicationId, id), eq(registryCalls.system, 'gbd_fl'), eq(registryCalls.operation, 'registerAddress')));
  return row!.n;
};

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('owner = applicant (permanent)', () => {
  it('needs no consent, registers in GBD FL exactly once on a double submit, and ends the previous registration', async () => {
    const me = await makeUser(db(), 'citizen');
    const old = await dwelling([[me.iin, 1000]]);
    await registerAt(me.iin, old);
    const reg = getRegistries(db());
    expect(await reg.gbdFl.countRegisteredAt(old)).toBe(1);
    const cad = await dwelling([[me.iin, 1000]]);
    const app = await draft(me, cad);
    // The previous address is GBD FL's, whatever was typed.
    expect(app.residence.arrivalForm?.previousAddress).toBe('Бұрынғы');
    expect(await finishDraft(ctx(me), { id: app.id, version: app.version })).toBe('ready_to_sign');
    expect((await reload(me, app.id)).consents).toEqual([]);
    const { app: ready, cms } = await sign(me, app.id);
    // Two submits at once: exactly one registers; the other finds it registered.
    const both = await Promise.allSettled([
      signResidence(ctx(me, app.id), { id: app.id, version: ready.version, cms }),
      signResidence(ctx(me, app.id), { id: app.id, version: ready.version, cms }),
    ]);
    expect(both.map((b) => b.status)).toEqual(['fulfilled', 'fulfilled']);
    await signResidence(ctx(me, app.id), { id: app.id, version: ready.version, cms }); // and a third, later
    const done = await reload(me, app.id);
    expect(done.status).toBe('registered');
    expect(done.residence).toMatchObject({
      certificateNumber: done.number.replace('RR-', 'RRC-'),
      closedAt: expect.any(Date),
      registeredAt: expect.any(Date),
    });
    expect(done.residence.signatureId).toBeTruthy();
    expect(await registerCalls(app.id)).toBe(1);
    expect((await reg.gbdFl.findPerson(me.iin))?.permanentAddress?.cadastralNumber).toBe(cad);
    expect(await reg.gbdFl.countRegisteredAt(old)).toBe(0);
    expect(await reg.gbdFl.countRegisteredAt(cad)).toBe(1);
    const sms = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `residence:${app.id}:registered`));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.payload).toMatchObject({ recipientIin: me.iin, kind: 'residence_registered', sms: true, locale: 'kk' });
    // The result is in Digital documents, in force.
    expect(await residenceDocumentsFor(me.iin, [app.id], db())).toEqual([
      expect.objectContaining({ certificateNumber: done.residence.certificateNumber, kind: 'permanent', state: 'active' }),
    ]);
    // One applicant registered there already cannot start it again in the same dwelling.
    const again = await startResidence(ctx(me), { kind: 'permanent', locale: 'kk' });
    const second = await reload(me, again.applicationId);
    await expect(chooseDwelling(ctx(me), { id: second.id, version: second.version, cadastralNumber: cad })).rejects.toMatchObject({
      code: 'residence_already_registered_here',
    });
  });

  it('the demo persona registers in her own Karaganda flat', async () => {
    const asel = await actorFor(db(), PERSONA.ownerAsel);
    const app = await draft(asel, CADASTRE.karagandaAselFlat);
    expect(await finishDraft(ctx(asel), { id: app.id, version: app.version })).toBe('ready_to_sign');
  });
});

describe('other owners', () => {
  it('one consent request per other owner, each with its share, expiry, SMS in the owner’s language and a link to the request', async () => {
    const me = await makeUser(db(), 'citizen');
    const a = await makeUser(db(), 'citizen', {}, { locale: 'ru' });
    const b = await makeUser(db(), 'citizen');
    const cad = await dwelling([
      [me.iin, 500],
      [a.iin, 250],
      [b.iin, 250],
    ]);
    const app = await draft(me, cad);
    const before = Date.now();
    expect(await finishDraft(ctx(me), { id: app.id, version: app.version })).toBe('awaiting_owner_consent');
    // A second press changes nothing.
    expect(await finishDraft(ctx(me), { id: app.id, version: app.version })).toBe('awaiting_owner_consent');
    const asked = (await reload(me, app.id)).consents;
    expect(asked.map((c) => [c.ownerIin, c.shareMilli, c.status]).sort()).toEqual(
      [
        [a.iin, 250, 'requested'],
        [b.iin, 250, 'requested'],
      ].sort(),
    );
    for (const c of asked) {
      expect(c.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 72 * 3_600_000 - 1000);
      expect(c.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 72 * 3_600_000);
    }
    const notes = await db()
      .select()
      .from(outbox)
      .where(sql`${outbox.dedupeKey} like ${`residence:${app.id}:consent:%`}`);
    for (const c of asked)
      expect(notes.find((n) => n.payload.recipientIin === c.ownerIin)?.payload).toMatchObject({
        kind: 'residence_consent_requested',
        sms: true,
        locale: c.ownerIin === a.iin ? 'ru' : 'kk',
        params: { number: app.number, path: `/cabinet/consents/${c.id}`, hours: 72 },
      });
    expect(notes).toHaveLength(2);
  });

  it('at signing: an owner changed → refused (the person may start again); a consent missing → refused', async () => {
    const me = await makeUser(db(), 'citizen');
    const a = await makeUser(db(), 'citizen');
    const cad = await dwelling([[a.iin, 1000]]);
    const app = await draft(me, cad);
    await finishDraft(ctx(me), { id: app.id, version: app.version });
    await allConsent(app.id, [a]);
    const { app: ready, cms } = await sign(me, app.id);
    expect(ready.status).toBe('ready_to_sign');
    // The owner sold the flat meanwhile.
    const buyer = await makeUser(db(), 'citizen');
    await db().update(propertyOwners).set({ iin: buyer.iin }).where(eq(propertyOwners.cadastralNumber, cad));
    await expect(signResidence(ctx(me, app.id), { id: app.id, version: ready.version, cms })).rejects.toMatchObject({
      code: 'residence_refused_owners_changed',
    });
    const refused = await reload(me, app.id);
    expect(refused.status).toBe('refused');
    expect(refused.residence).toMatchObject({ refusalCode: 'owners_changed', closedAt: expect.any(Date), signatureId: null });
    expect(await registerCalls(app.id)).toBe(0);
    expect((await getRegistries(db()).gbdFl.findPerson(me.iin))?.permanentAddress?.cadastralNumber).not.toBe(cad);

    const second = await draft(me, await dwelling([[a.iin, 1000]]));
    await finishDraft(ctx(me), { id: second.id, version: second.version });
    await allConsent(second.id, [a]);
    await db().update(residenceConsents).set({ status: 'declined' }).where(eq(residenceConsents.applicationId, second.id));
    const signed = await sign(me, second.id);
    await expect(signResidence(ctx(me), { id: second.id, version: signed.app.version, cms: signed.cms })).rejects.toMatchObject({
      code: 'residence_refused_consent_missing',
    });
    expect((await reload(me, second.id)).status).toBe('refused');
  });

  it('a dwelling of a minor owner is CON-only: said at the dwelling step, nothing saved', async () => {
    const me = await makeUser(db(), 'citizen');
    const { applicationId: id } = await startResidence(ctx(me), { kind: 'permanent', locale: 'ru' });
    const app = await reload(me, id);
    await expect(chooseDwelling(ctx(me), { id, version: app.version, cadastralNumber: CADASTRE.astanaFlatD })).rejects.toMatchObject({
      code: 'residence_owner_minor',
    });
    await expect(
      chooseDwelling(ctx(me), { id, version: app.version, cadastralNumber: CADASTRE.kostanayIncapableHouse }),
    ).rejects.toMatchObject({
      code: 'residence_owner_incapable',
    });
    await expect(chooseDwelling(ctx(me), { id, version: app.version, cadastralNumber: CADASTRE.almatyDormitory })).rejects.toMatchObject({
      code: 'residence_dwelling_no_private_owner',
    });
    expect((await reload(me, id)).residence.cadastralNumber).toBeNull();
  });

  it('Astana: the arrival form waits for a passing Astana decision', async () => {
    const me = await makeUser(db(), 'citizen');
    const { applicationId: id } = await startResidence(ctx(me), { kind: 'permanent', locale: 'kk' });
    let app = await reload(me, id);
    expect(await chooseDwelling(ctx(me), { id, version: app.version, cadastralNumber: CADASTRE.astanaFlatA })).toEqual({ next: 'astana' });
    app = await reload(me, id);
    expect(app.regionCode).toBe('01');
    await expect(saveArrivalForm(ctx(me), { id, version: app.version, form: FORM })).rejects.toMatchObject({
      code: 'residence_astana_check_required',
    });
    const decision = (outcome: 'claim_needed' | 'within_norm') => ({
      checkedAt: new Date().toISOString(),
      totalAreaM2: 60,
      registeredCount: 2,
      normM2PerPerson: 15,
      normDecision: { date: '2025-12-26', number: null },
      places: 4,
      withinNorm: outcome === 'within_norm',
      claim: null,
      kinship: null,
      student: null,
      outcome,
    });
    await db()
      .update(residenceApplications)
      .set({ astana: decision('claim_needed') })
      .where(eq(residenceApplications.applicationId, id));
    await expect(saveArrivalForm(ctx(me), { id, version: app.version, form: FORM })).rejects.toMatchObject({
      code: 'residence_astana_check_required',
    });
    await db()
      .update(residenceApplications)
      .set({ astana: decision('within_norm') })
      .where(eq(residenceApplications.applicationId, id));
    await saveArrivalForm(ctx(me), { id, version: app.version, form: FORM });
    expect((await reload(me, id)).residence.arrivalForm).toMatchObject({ movingReason: 'family' });
  });
});

describe('one open application per person per service', () => {
  it('a second start opens the first, also when two start at once; the other service is its own', async () => {
    const me = await makeUser(db(), 'citizen');
    const [x, y] = await Promise.all([
      startResidence(ctx(me), { kind: 'permanent', locale: 'kk' }),
      startResidence(ctx(me), { kind: 'permanent', locale: 'kk' }),
    ]);
    expect(x.applicationId).toBe(y.applicationId);
    const again = await startResidence(ctx(me), { kind: 'permanent', locale: 'ru' });
    expect(again).toEqual({ applicationId: x.applicationId, existed: true });
    const temp = await startResidence(ctx(me), { kind: 'temporary', locale: 'kk', stayFrom: today(), stayUntil: addDays(today(), 90) });
    expect(temp.applicationId).not.toBe(x.applicationId);
    await expect(
      startResidence(ctx(await makeUser(db(), 'citizen')), {
        kind: 'temporary',
        locale: 'kk',
        stayFrom: today(),
        stayUntil: addDays(today(), 400),
      }),
    ).rejects.toMatchObject({
      code: 'residence_stay_too_long',
    });
  });
});

describe('withdraw and expiry', () => {
  it('the applicant withdraws a draft and one awaiting consent (the requests close); then may start again', async () => {
    const me = await makeUser(db(), 'citizen');
    const a = await makeUser(db(), 'citizen');
    const { applicationId: id } = await startResidence(ctx(me), { kind: 'permanent', locale: 'kk' });
    await withdrawResidence(ctx(me), { id, version: (await reload(me, id)).version });
    expect((await reload(me, id)).status).toBe('withdrawn');
    const app = await draft(me, await dwelling([[a.iin, 1000]]));
    expect(app.id).not.toBe(id);
    await finishDraft(ctx(me), { id: app.id, version: app.version });
    const waiting = await reload(me, app.id);
    await withdrawResidence(ctx(me), { id: app.id, version: waiting.version });
    const gone = await reload(me, app.id);
    expect(gone.status).toBe('withdrawn');
    expect(gone.residence.closedAt).toBeInstanceOf(Date);
    expect(gone.consents.map((c) => c.status)).toEqual(['expired']);
    await expect(withdrawResidence(ctx(a), { id: app.id, version: gone.version })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a draft untouched for draftTtlDays expires with a notification; a younger one stays', async () => {
    const me = await makeUser(db(), 'citizen');
    const { applicationId: old } = await startResidence(ctx(me), { kind: 'permanent', locale: 'ru' });
    const { applicationId: young } = await startResidence(ctx(me), {
      kind: 'temporary',
      locale: 'ru',
      stayFrom: today(),
      stayUntil: addDays(today(), 30),
    });
    await db()
      .update(applications)
      .set({ updatedAt: sql`now() - interval '30 days 1 minute'` })
      .where(eq(applications.id, old));
    await db()
      .update(applications)
      .set({ updatedAt: sql`now() - interval '29 days'` })
      .where(eq(applications.id, young));
    expect(await expireStaleResidence(db())).toBeGreaterThanOrEqual(1);
    expect((await reload(me, old)).status).toBe('expired');
    expect((await reload(me, old)).residence.closedAt).toBeInstanceOf(Date);
    expect((await reload(me, young)).status).toBe('draft');
    const [note] = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `residence:${old}:expired`));
    expect(note?.payload).toMatchObject({ recipientIin: me.iin, kind: 'residence_expired', params: { days: 30 } });
  });
});

describe('temporary registration', () => {
  it('registers from–until with the owners’ consent, and no longer counts after its last day', async () => {
    const me = await makeUser(db(), 'citizen');
    const host = await makeUser(db(), 'citizen');
    const home = await dwelling([[me.iin, 1000]]);
    await registerAt(me.iin, home);
    const cad = await dwelling([[host.iin, 1000]]);
    const period = { stayFrom: today(), stayUntil: addDays(today(), 60) };
    const app = await draft(me, cad, 'temporary', period);
    await finishDraft(ctx(me), { id: app.id, version: app.version });
    await allConsent(app.id, [host]);
    const { app: ready, cms } = await sign(me, app.id);
    await signResidence(ctx(me, app.id), { id: app.id, version: ready.version, cms });
    expect((await reload(me, app.id)).status).toBe('registered');
    const reg = getRegistries(db());
    const rows = await db().select().from(temporaryRegistrations).where(eq(temporaryRegistrations.iin, me.iin));
    expect(rows.map((r) => [r.cadastralNumber, r.fromDate, r.toDate])).toEqual([[cad, period.stayFrom, period.stayUntil]]);
    // The permanent registration stays.
    expect((await reg.gbdFl.findPerson(me.iin))?.permanentAddress?.cadastralNumber).toBe(home);
    expect(await reg.gbdFl.countRegisteredAt(cad, period.stayUntil)).toBe(1);
    expect(await reg.gbdFl.countRegisteredAt(cad, addDays(period.stayUntil, 1))).toBe(0);
    expect((await residenceDocumentsFor(me.iin, [app.id], db()))[0]).toMatchObject({
      kind: 'temporary',
      state: 'active',
      stayUntil: period.stayUntil,
    });
    // Once its last day has gone by (moved into the past here), the certificate is shown as ended.
    await db()
      .update(residenceApplications)
      .set({ stayUntil: addDays(today(), -1) })
      .where(eq(residenceApplications.applicationId, app.id));
    expect((await residenceDocumentsFor(me.iin, [app.id], db()))[0]).toMatchObject({ state: 'ended' });
  });
});

describe('access', () => {
  it('another citizen gets not_found for every step; so does a malformed id', async () => {
    const me = await makeUser(db(), 'citizen');
    const other = await makeUser(db(), 'citizen');
    const { applicationId: id } = await startResidence(ctx(me), { kind: 'permanent', locale: 'kk' });
    const app = await loadResidence(db(), id);
    await expect(citizenResidence(db(), other, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      chooseDwelling(ctx(other), { id, version: app!.version, cadastralNumber: CADASTRE.karagandaAselFlat }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(finishDraft(ctx(other), { id, version: app!.version })).rejects.toMatchObject({ code: 'not_found' });
    await expect(signResidence(ctx(other), { id, version: app!.version, cms: 'x'.repeat(20) })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(citizenResidence(db(), me, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
    expect(await residenceDocumentsFor(other.iin, [id], db())).toEqual([]);
  });
});
