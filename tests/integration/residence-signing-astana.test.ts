// Astana's norm re-checked at signing (order 003 p.10 steps 1–3 again, lib/residence/citizen-service.ts
// `astanaRecheckAtSigning`): people registered at the dwelling while the owner answered → the norm reached and no
// confirmed kinship covers it → refused with `astana_norm`, the numbers and the new decision stored, GBD FL untouched;
// one below the norm → registered; a confirmed kinship still covers a reached norm. A new dwelling clears the stored
// Astana decision (the same one keeps it), and the arrival form waits for the check again.
import { randomInt } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { births, persons, properties, propertyOwners } from '@/db/schema/registry';
import { registryCalls } from '@/db/schema/registry-ops';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import { CADASTRE } from '@/db/seed/personas-ids';
import { transition } from '@/lib/applications/core';
import type { Actor } from '@/lib/auth/actor';
import { getRegistries } from '@/lib/registries';
import type { ArrivalForm } from '@/lib/residence/arrival-form';
import { runNormCheck, submitClaim } from '@/lib/residence/astana-step';
import {
  applicationDocumentOf,
  chooseDwelling,
  citizenResidence,
  finishDraft,
  saveArrivalForm,
  signResidence,
  startResidence,
} from '@/lib/residence/citizen-service';
import { residenceMachine } from '@/lib/residence/machine';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, makeUser } from '@/tests/support/factories';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const db = () => database.db;
const ctx = (actor: Actor, applicationId?: string) => ({
  db: db(),
  registries: getRegistries(db(), applicationId ? { applicationId } : {}),
  actor,
  grant: actor.grants[0]!,
});

const FORM: ArrivalForm = {
  previousAddress: 'Қарағанды облысы, Қарағанды қ., Бұрынғы көшесі, 1',
  previousRegionCode: '09',
  movingReason: 'family',
  education: 'higher',
  occupation: 'employed',
  maritalStatus: 'never_married',
  nationality: 'қазақ',
};

/** A fresh Astana flat of 60 m² (norm 15 m² → 4 places) owned by `owner`, with `registered` people living there. */
async function astanaFlat(owner: string, registered: number) {
  const house = String(1000 + randomInt(8000));
  const flat = String(1 + randomInt(300));
  const cadastralNumber = `21-990-${house}-${randomInt(1000)}:${flat}`;
  await db()
    .insert(properties)
    .values({
      cadastralNumber,
      regionCode: '01',
      kind: 'flat',
      totalAreaM2: 60,
      addressKk: `Астана қ., Сынақ даңғылы, ${house}, ${flat}-пәтер`,
      addressRu: `г. Астана, пр. Тестовый, д. ${house}, кв. ${flat}`,
    });
  await db().insert(propertyOwners).values({ cadastralNumber, iin: owner, shareMilli: 1000 });
  await moveIn(cadastralNumber, registered);
  return cadastralNumber;
}

/** `n` more people registered permanently at the dwelling in GBD FL (someone moved in while the owner answered). */
async function moveIn(cadastralNumber: string, n: number) {
  for (let i = 0; i < n; i++) {
    const tenant = await makeUser(db(), 'citizen');
    await db()
      .update(persons)
      .set({ regionCode: '01', addressKk: 'Астана', addressRu: 'Астана', cadastralNumber })
      .where(eq(persons.iin, tenant.iin));
  }
}

const reload = (actor: Actor, id: string) => citizenResidence(db(), actor, id);

/** start → the Astana flat → steps 1–3 (and the claim when at the norm) → the arrival form → finished. */
async function finished(me: Actor, cadastralNumber: string, claim?: 'child') {
  const { applicationId: id } = await startResidence(ctx(me), { kind: 'permanent', locale: 'ru' });
  let app = await reload(me, id);
  expect(await chooseDwelling(ctx(me), { id, version: app.version, cadastralNumber })).toEqual({ next: 'astana' });
  const norm = await runNormCheck(ctx(me), id);
  if (claim) {
    expect(norm.outcome).toBe('claim_needed');
    expect((await submitClaim(ctx(me), { id, claim: { relation: claim } })).decision.outcome).toBe('kinship_confirmed');
  } else expect(norm.outcome).toBe('within_norm');
  app = await reload(me, id);
  await saveArrivalForm(ctx(me), { id, version: app.version, form: FORM });
  app = await reload(me, id);
  expect(await finishDraft(ctx(me), { id, version: app.version })).toBe('awaiting_owner_consent');
  return id;
}

/** The consent service's part (another slice): the owner consents, and the application is ready to sign. */
async function ownerConsents(id: string, owner: Actor) {
  await db().update(residenceConsents).set({ status: 'consented', answeredAt: new Date() }).where(eq(residenceConsents.applicationId, id));
  const [row] = await db().select({ version: applications.version }).from(applications).where(eq(applications.id, id));
  await db().transaction((tx) =>
    transition(tx, {
      id,
      expectedVersion: row!.version,
      machine: residenceMachine,
      event: 'all_consented',
      actor: owner,
      grant: owner.grants[0]!,
    }),
  );
}

async function sign(me: Actor, id: string) {
  const app = await reload(me, id);
  expect(app.status).toBe('ready_to_sign');
  const cms = await pki.sign(
    { iin: me.iin, surname: me.surname, givenName: me.givenName },
    await applicationDocumentOf(getRegistries(db()), app, me),
  );
  return signResidence(ctx(me, id), { id, version: app.version, cms });
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

describe('the norm re-checked at signing', () => {
  it('the count grew to the norm while the owner answered: refused with astana_norm and the numbers; GBD FL untouched', async () => {
    const me = await makeUser(db(), 'citizen', {}, { locale: 'ru' });
    const owner = await makeUser(db(), 'citizen');
    const flat = await astanaFlat(owner.iin, 2); // (2 + 1) × 15 = 45 ≤ 60: fits
    const id = await finished(me, flat);
    await ownerConsents(id, owner);
    await moveIn(flat, 2); // 4 registered = 60 ÷ 15 places: the norm is reached

    await expect(sign(me, id)).rejects.toMatchObject({ code: 'residence_refused_astana_norm' });
    const app = await reload(me, id);
    expect(app.status).toBe('refused');
    expect(app.residence).toMatchObject({
      refusalCode: 'astana_norm',
      refusalDetails: {
        at: 'signing',
        cadastralNumber: flat,
        totalAreaM2: 60,
        registeredCount: 4,
        normM2PerPerson: 15,
        places: 4,
        outcome: 'claim_needed',
      },
      astana: { registeredCount: 4, places: 4, withinNorm: false, outcome: 'claim_needed' },
      closedAt: expect.any(Date),
      signatureId: null,
      certificateNumber: null,
    });
    expect(await registerCalls(id)).toBe(0);
    expect((await getRegistries(db()).gbdFl.findPerson(me.iin))?.permanentAddress?.cadastralNumber).not.toBe(flat);
    // The timeline explains it in numbers, and the refusal carries its code for the label (never shown raw).
    const events = await db()
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, id))
      .orderBy(asc(applicationEvents.id));
    const checks = events.filter((e) => e.type === 'astana_norm_checked');
    expect(checks.at(-1)!.data).toMatchObject({ registeredCount: 4, places: 4, outcome: 'claim_needed' });
    expect(events.at(-1)).toMatchObject({ type: 'refuse', toStatus: 'refused', data: { refusalCode: 'astana_norm', at: 'signing' } });
    // A second press changes nothing more.
    await expect(sign(me, id)).rejects.toBeTruthy();
    expect(await registerCalls(id)).toBe(0);
  });

  it('one below the norm at signing: registered', async () => {
    const me = await makeUser(db(), 'citizen');
    const owner = await makeUser(db(), 'citizen');
    const flat = await astanaFlat(owner.iin, 2);
    const id = await finished(me, flat);
    await ownerConsents(id, owner);
    await moveIn(flat, 1); // 3 registered, 4 places: one more still fits
    const done = await sign(me, id);
    expect(done?.status).toBe('registered');
    expect(await registerCalls(id)).toBe(1);
    expect((await getRegistries(db()).gbdFl.findPerson(me.iin))?.permanentAddress?.cadastralNumber).toBe(flat);
  });

  it('a reached norm covered by a confirmed kinship (the owner’s child) still registers when more move in', async () => {
    const owner = await makeUser(db(), 'citizen');
    const me = await makeUser(db(), 'citizen');
    await db()
      .insert(births)
      .values({ childIin: me.iin, motherIin: owner.iin, actNumber: `T-${me.iin}`, registeredOn: '2001-02-03' });
    const flat = await astanaFlat(owner.iin, 4); // at the norm from the start
    const id = await finished(me, flat, 'child');
    await ownerConsents(id, owner);
    await moveIn(flat, 1);
    expect((await sign(me, id))?.status).toBe('registered');
    expect(await registerCalls(id)).toBe(1);
  });
});

describe('the owners re-checked at signing', () => {
  it('an owner found incapable since consenting: refused not_for_this_dwelling (CON only now); GBD FL untouched', async () => {
    const me = await makeUser(db(), 'citizen');
    const owner = await makeUser(db(), 'citizen');
    const flat = await astanaFlat(owner.iin, 0);
    const id = await finished(me, flat);
    await ownerConsents(id, owner);
    await db().update(persons).set({ capable: false }).where(eq(persons.iin, owner.iin));
    await expect(sign(me, id)).rejects.toMatchObject({ code: 'residence_refused_not_for_this_dwelling' });
    const app = await reload(me, id);
    expect(app.status).toBe('refused');
    expect(app.residence).toMatchObject({ refusalCode: 'not_for_this_dwelling', refusalDetails: { reason: 'incapable' } });
    expect(await registerCalls(id)).toBe(0);
  });
});

describe('changing the dwelling', () => {
  it('a new dwelling clears the Astana decision (the same one keeps it), and the arrival form waits for the check', async () => {
    const me = await actorFor(db(), (await makeUser(db(), 'citizen')).iin);
    const { applicationId: id } = await startResidence(ctx(me), { kind: 'permanent', locale: 'kk' });
    let app = await reload(me, id);
    await chooseDwelling(ctx(me), { id, version: app.version, cadastralNumber: CADASTRE.astanaFlatA });
    const decision = await runNormCheck(ctx(me), id);
    expect(decision.outcome).toBe('within_norm');

    app = await reload(me, id);
    await chooseDwelling(ctx(me), { id, version: app.version, cadastralNumber: CADASTRE.astanaFlatA });
    app = await reload(me, id);
    expect(app.residence.astana).toEqual(decision);

    const other = await astanaFlat((await makeUser(db(), 'citizen')).iin, 0);
    await chooseDwelling(ctx(me), { id, version: app.version, cadastralNumber: other });
    app = await reload(me, id);
    expect(app.residence).toMatchObject({ cadastralNumber: other, astana: null });
    await expect(saveArrivalForm(ctx(me), { id, version: app.version, form: FORM })).rejects.toMatchObject({
      code: 'residence_astana_check_required',
    });
    expect((await runNormCheck(ctx(me), id)).registeredCount).toBe(0);
    app = await reload(me, id);
    await saveArrivalForm(ctx(me), { id, version: app.version, form: FORM });
    expect((await reload(me, id)).residence.arrivalForm).toMatchObject({ movingReason: 'family' });
    const [row] = await db().select().from(residenceApplications).where(eq(residenceApplications.applicationId, id));
    expect(row!.astana?.totalAreaM2).toBe(60);
  });
});
