// Residence registration at a CON (order 003, chapter 2, p.3–8) against real Postgres: reception's owner check and
// ticket (p.3–5), the operating hall's owner check (p.6), the representative's authority and the worker's EDS (p.7)
// with GBD FL written once on a double submit, the refusals of p.8 recorded, Astana's steps at the norm, and the CON
// scope (a worker of another CON gets not_found).
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { outbox } from '@/db/schema/notifications';
import { pilotSettings } from '@/db/schema/reference';
import { persons, temporaryRegistrations } from '@/db/schema/registry';
import { registryCalls } from '@/db/schema/registry-ops';
import { residenceApplications } from '@/db/schema/residence';
import { signatures } from '@/db/schema/signatures';
import { queueTickets } from '@/db/schema/vehicle';
import { CADASTRE, CON, PERSONA, STAFF } from '@/db/seed/personas-ids';
import { digitalDocumentsFor } from '@/lib/applications/digital-documents';
import type { Actor } from '@/lib/auth/actor';
import { addDays } from '@/lib/calendar/deadline';
import { localDate } from '@/lib/calendar/local';
import { getRegistries } from '@/lib/registries';
import { residenceDocumentsFor } from '@/lib/residence/citizen-queries';
import {
  callNextResidenceTicket,
  checkOwner,
  conApplication,
  conDocumentOf,
  deskTicket,
  formApplication,
  issueResidenceTicket,
  receptionLookup,
  refuseAtDesk,
  saveArrivalForm,
  setAstanaClaim,
  signAndRegister,
  type FormApplicationInput,
} from '@/lib/residence/con-service';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, makeUser } from '@/tests/support/factories';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;
let astanaReception: Actor;
let astanaWorker: Actor;
let kostanayReception: Actor;
let kostanayWorker: Actor;
let otherCentreWorker: Actor;
const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });
const signer = (a: Actor) => ({ iin: a.iin, surname: a.surname, givenName: a.givenName });
const today = localDate();
const arrival = {
  previousAddress: 'Астана қ., Бейбітшілік к-сі, 25-17',
  previousRegionCode: '01',
  movingReason: 'family',
  education: 'higher',
  occupation: 'employed',
  maritalStatus: 'married',
  nationality: null,
} as const;

async function docOf(iin: string) {
  const [p] = await database.db.select({ doc: persons.docNumber }).from(persons).where(eq(persons.iin, iin));
  return p!.doc;
}
const auditOf = (action: string) =>
  database.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(asc(auditEvents.id));

/** Reception's ticket for the dwelling, called by the worker of the same CON. */
async function calledTicket(reception: Actor, worker: Actor, cadastralNumber: string) {
  const issued = await issueResidenceTicket(ctx(reception), { cadastralNumber });
  const called = await callNextResidenceTicket(ctx(worker));
  expect(called.id).toBe(issued.id);
  return called;
}

async function formFor(
  worker: Actor,
  ticketId: string,
  input: Partial<FormApplicationInput> & { ownerIin: string; cadastralNumber: string; rep: string },
) {
  const { rep, ...rest } = input;
  return formApplication(ctx(worker), {
    ticketId,
    representativeDocument: await docOf(rep),
    applicantMode: 'representative',
    kind: 'permanent',
    applicantLocale: 'kk',
    ...rest,
  });
}

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
  astanaReception = await actorFor(database.db, STAFF.conReceptionAstana);
  astanaWorker = await actorFor(database.db, STAFF.conOperatorAstana);
  kostanayReception = await actorFor(database.db, STAFF.conReceptionKostanay);
  kostanayWorker = await actorFor(database.db, STAFF.conOperatorKostanay);
  otherCentreWorker = await makeUser(database.db, 'con_operator', { serviceCentreId: CON.astana2 });
  expect(astanaWorker.grants[0]!.serviceCentreId).toBe(astanaReception.grants[0]!.serviceCentreId);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('reception (p.3–5)', () => {
  it("a minor owner's dwelling → the operating hall; an adult owner's → online, and no ticket is given", async () => {
    const d = await receptionLookup(ctx(astanaReception), CADASTRE.astanaFlatD);
    expect(d).toMatchObject({
      outcome: 'operating_hall',
      owners: [{ iin: PERSONA.daughterAisha, incapacity: 'minor', nameRu: 'Айша Ж.' }],
    });
    const a = await receptionLookup(ctx(astanaReception), CADASTRE.astanaFlatA);
    expect(a).toMatchObject({ outcome: 'online', owners: [{ iin: PERSONA.ownerGalym, incapacity: null }] });
    await expect(issueResidenceTicket(ctx(astanaReception), { cadastralNumber: CADASTRE.astanaFlatA })).rejects.toMatchObject({
      code: 'residence_con_online_only',
    });
    expect(await receptionLookup(ctx(astanaReception), '21-999-999-999:9')).toBeNull();
    // Each outcome is recorded, without any IIN in its data; each owner shown is recorded as viewed.
    const rows = await auditOf('residence.con.reception_checked');
    expect(rows.map((r) => (r.data as { outcome: string }).outcome)).toEqual(
      expect.arrayContaining(['operating_hall', 'online', 'not_found']),
    );
    expect(JSON.stringify(rows.map((r) => r.data))).not.toContain(PERSONA.daughterAisha);
    const viewed = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'person.viewed'), eq(auditEvents.subjectIin, PERSONA.daughterAisha)));
    expect(viewed.length).toBeGreaterThan(0);
  });

  it('an incapable owner (E-Sobes) → the operating hall; a double click gives the same ticket R-00n', async () => {
    const first = await issueResidenceTicket(ctx(kostanayReception), { cadastralNumber: CADASTRE.kostanayIncapableHouse });
    const again = await issueResidenceTicket(ctx(kostanayReception), { cadastralNumber: CADASTRE.kostanayIncapableHouse });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ service: 'residence', iin: null, status: 'waiting', code: expect.stringMatching(/^R-\d{3}$/) });
    // The hall takes it, so the next test starts from an empty queue.
    expect((await callNextResidenceTicket(ctx(kostanayWorker))).id).toBe(first.id);
    await refuseAtDesk(ctx(kostanayWorker), { ticketId: first.id, code: 'owner_not_found' });
  });

  it('only reception gives the ticket, only the hall calls it', async () => {
    await expect(issueResidenceTicket(ctx(astanaWorker), { cadastralNumber: CADASTRE.astanaFlatD })).rejects.toMatchObject({
      code: 'not_your_step',
    });
    await expect(callNextResidenceTicket(ctx(astanaReception))).rejects.toMatchObject({ code: 'not_your_step' });
  });
});

describe('p.6–7: a minor owner with a parent as the legal representative', () => {
  it("registers the parent temporarily at the minor's flat with the worker's EDS; GBD FL is written once on a double submit", async () => {
    const ticket = await calledTicket(astanaReception, astanaWorker, CADASTRE.astanaFlatD);
    const owner = await checkOwner(ctx(astanaWorker), { ticketId: ticket.id, ownerIin: PERSONA.daughterAisha });
    expect(owner).toMatchObject({ incapacity: 'minor', dwellings: [expect.objectContaining({ cadastralNumber: CADASTRE.astanaFlatD })] });
    expect(owner.age).toBeLessThan(18);

    const input = {
      ownerIin: PERSONA.daughterAisha,
      cadastralNumber: CADASTRE.astanaFlatD,
      rep: PERSONA.motherSaule,
      kind: 'temporary' as const,
      stayFrom: today,
      stayUntil: addDays(today, 90),
    };
    const [a, b] = await Promise.all([formFor(astanaWorker, ticket.id, input), formFor(astanaWorker, ticket.id, input)]);
    expect(b.applicationId).toBe(a.applicationId);
    const again = await formFor(astanaWorker, ticket.id, input);
    expect(again.applicationId).toBe(a.applicationId);

    let app = await conApplication(ctx(astanaWorker), a.applicationId);
    expect(app).toMatchObject({ status: 'draft', serviceCentreId: astanaWorker.grants[0]!.serviceCentreId, regionCode: '01' });
    expect(app.residence).toMatchObject({
      channel: 'con',
      iin: PERSONA.motherSaule,
      kind: 'temporary',
      cadastralNumber: CADASTRE.astanaFlatD,
    });
    expect(app.intake).toMatchObject({
      ownerIin: PERSONA.daughterAisha,
      ownerIncapacity: 'minor',
      representativeIin: PERSONA.motherSaule,
      representativeBasis: 'parent',
      authority: { kind: 'birth_act', number: '2012-01-000911' },
      biometrics: { passed: true },
      applicant: null,
    });
    expect(app.residence.astana).toMatchObject({ totalAreaM2: 52, outcome: 'within_norm' });
    await expect(signAndRegister(ctx(astanaWorker), { id: app.id, version: app.version, cms: 'x'.repeat(20) })).rejects.toMatchObject({
      code: 'residence_con_not_ready',
    });

    app = await saveArrivalForm(ctx(astanaWorker), { id: app.id, version: app.version, form: arrival });
    const same = await saveArrivalForm(ctx(astanaWorker), { id: app.id, version: app.version, form: arrival });
    expect(same.version).toBe(app.version);

    const document = conDocumentOf(app, astanaWorker.iin)!;
    const cms = await pki.sign(signer(astanaWorker), document);
    // As formAction builds it: the registry calls logged against the application.
    const c = { ...ctx(astanaWorker), registries: getRegistries(database.db, { applicationId: app.id }) };
    const [r1, r2] = await Promise.all([
      signAndRegister(c, { id: app.id, version: app.version, cms }),
      signAndRegister(c, { id: app.id, version: app.version, cms }),
    ]);
    const r3 = await signAndRegister(c, { id: app.id, version: app.version, cms });
    for (const r of [r1, r2, r3]) expect(r.status).toBe('registered');
    // One certificate scheme for both channels: numbered after its application (RR-… → RRC-…).
    expect(r3.number).toMatch(/^RR-\d{4}-\d{6}$/);
    expect(r3.residence.certificateNumber).toBe(r3.number.replace(/^RR-/, 'RRC-'));
    expect(r3.residence.closedAt).not.toBeNull();
    // The result is in the applicant's Digital documents, with the code for its QR, and she is told in her language.
    expect(await digitalDocumentsFor(PERSONA.motherSaule, database.db)).toContainEqual(
      expect.objectContaining({ id: app.id, pilot: 'residence', status: 'registered' }),
    );
    const [document_] = await residenceDocumentsFor(PERSONA.motherSaule, [app.id], database.db);
    expect(document_).toMatchObject({ certificateNumber: r3.residence.certificateNumber, kind: 'temporary', state: 'active' });
    expect(document_!.verifyCode).toMatch(/^[A-Z0-9]{4,20}$/);
    const sms = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `residence:${app.id}:registered`));
    expect(sms.map((m) => m.payload)).toEqual([
      expect.objectContaining({
        recipientIin: PERSONA.motherSaule,
        kind: 'residence_registered_temporary',
        sms: true,
        locale: 'kk',
        params: expect.objectContaining({ certificate: r3.residence.certificateNumber }),
      }),
    ]);

    const calls = await database.db
      .select()
      .from(registryCalls)
      .where(and(eq(registryCalls.applicationId, app.id), eq(registryCalls.operation, 'registerAddress')));
    expect(calls).toHaveLength(1);
    const stays = await database.db
      .select()
      .from(temporaryRegistrations)
      .where(and(eq(temporaryRegistrations.iin, PERSONA.motherSaule), eq(temporaryRegistrations.cadastralNumber, CADASTRE.astanaFlatD)));
    expect(stays).toHaveLength(1);
    expect(await database.db.select().from(signatures).where(eq(signatures.applicationId, app.id))).toEqual([
      expect.objectContaining({ purpose: 'residence.con', partyRole: 'con_operator', signerIin: astanaWorker.iin }),
    ]);
    const [t] = await database.db.select().from(queueTickets).where(eq(queueTickets.id, ticket.id));
    expect(t).toMatchObject({ status: 'served', applicationId: app.id });
    // The person may start the same service again: the application is closed.
    const [open] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(residenceApplications)
      .where(and(eq(residenceApplications.iin, PERSONA.motherSaule), sql`${residenceApplications.closedAt} is null`));
    expect(open!.n).toBe(0);
  });
});

describe('p.6–7: an incapable owner with the guardian', () => {
  it("registers the guardian permanently at the incapable owner's house; the authority is E-Sobes's basis", async () => {
    const ticket = await calledTicket(kostanayReception, kostanayWorker, CADASTRE.kostanayIncapableHouse);
    const owner = await checkOwner(ctx(kostanayWorker), { ticketId: ticket.id, ownerIin: PERSONA.idCardIncapable });
    expect(owner).toMatchObject({ incapacity: 'incapable', guardian: expect.objectContaining({ basisRu: expect.any(String) }) });
    // The guardian's own mother would not do: an incapable adult is represented by the guardian only.
    const { applicationId } = await formFor(kostanayWorker, ticket.id, {
      ownerIin: PERSONA.idCardIncapable,
      cadastralNumber: CADASTRE.kostanayIncapableHouse,
      rep: PERSONA.guardianGulzhan,
    });
    let app = await conApplication(ctx(kostanayWorker), applicationId);
    expect(app.intake).toMatchObject({
      representativeBasis: 'guardian',
      ownerIncapacity: 'incapable',
      authority: { kind: 'guardianship' },
    });
    expect(app.residence.astana).toBeNull();
    app = await saveArrivalForm(ctx(kostanayWorker), { id: app.id, version: app.version, form: { ...arrival, previousRegionCode: '10' } });
    const cms = await pki.sign(signer(kostanayWorker), conDocumentOf(app, kostanayWorker.iin));
    const done = await signAndRegister(ctx(kostanayWorker), { id: app.id, version: app.version, cms });
    expect(done.status).toBe('registered');
    const [p] = await database.db.select({ cn: persons.cadastralNumber }).from(persons).where(eq(persons.iin, PERSONA.guardianGulzhan));
    expect(p!.cn).toBe(CADASTRE.kostanayIncapableHouse);
  });
});

describe('p.8: refusals at the desk are recorded', () => {
  it('an owner who is neither a minor nor incapable: the warning, then the refusal with the online referral, once', async () => {
    // Reception would not send this person; a ticket of another dwelling is used and the worker types an adult's IIN.
    const ticket = await calledTicket(astanaReception, astanaWorker, CADASTRE.astanaFlatD);
    await expect(checkOwner(ctx(astanaWorker), { ticketId: ticket.id, ownerIin: PERSONA.ownerGalym })).rejects.toMatchObject({
      code: 'residence_con_owner_not_minor_or_incapable',
      data: { refusal: 'owner_not_minor_or_incapable' },
    });
    await expect(
      formFor(astanaWorker, ticket.id, { ownerIin: PERSONA.ownerGalym, cadastralNumber: CADASTRE.astanaFlatA, rep: PERSONA.spouseZhanat }),
    ).rejects.toMatchObject({ code: 'residence_con_owner_not_minor_or_incapable' });
    const before = (await auditOf('residence.con_refused')).length;
    await refuseAtDesk(ctx(astanaWorker), { ticketId: ticket.id, code: 'owner_not_minor_or_incapable', ownerIin: PERSONA.ownerGalym });
    await refuseAtDesk(ctx(astanaWorker), { ticketId: ticket.id, code: 'owner_not_minor_or_incapable', ownerIin: PERSONA.ownerGalym });
    const rows = await auditOf('residence.con_refused');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      subjectIin: PERSONA.ownerGalym,
      actorRole: 'con_operator',
      data: expect.objectContaining({ refusal: 'owner_not_minor_or_incapable', ticketId: ticket.id, referredOnline: true }),
    });
    const [t] = await database.db.select().from(queueTickets).where(eq(queueTickets.id, ticket.id));
    expect(t).toMatchObject({ status: 'served', applicationId: null });
    await expect(checkOwner(ctx(astanaWorker), { ticketId: ticket.id, ownerIin: PERSONA.daughterAisha })).rejects.toMatchObject({
      code: 'residence_con_ticket_closed',
    });
  });

  it('a person who is not the parent or guardian: warned, nothing formed, the refusal recorded', async () => {
    const ticket = await calledTicket(astanaReception, astanaWorker, CADASTRE.astanaFlatD);
    const appsBefore = await database.db.select({ n: sql<number>`count(*)::int` }).from(applications);
    await expect(
      formFor(astanaWorker, ticket.id, {
        ownerIin: PERSONA.daughterAisha,
        cadastralNumber: CADASTRE.astanaFlatD,
        rep: PERSONA.residenceMover,
      }),
    ).rejects.toMatchObject({ code: 'residence_con_not_representative', data: { refusal: 'not_representative' } });
    // Her grandmother is family, but not her legal representative either.
    await expect(
      formFor(astanaWorker, ticket.id, {
        ownerIin: PERSONA.daughterAisha,
        cadastralNumber: CADASTRE.astanaFlatD,
        rep: PERSONA.grandmaRoza,
      }),
    ).rejects.toMatchObject({ code: 'residence_con_not_representative' });
    // The dwelling must be the owner's own.
    await expect(
      formFor(astanaWorker, ticket.id, {
        ownerIin: PERSONA.daughterAisha,
        cadastralNumber: CADASTRE.astanaFlatA,
        rep: PERSONA.motherSaule,
      }),
    ).rejects.toMatchObject({ code: 'residence_con_not_owners_dwelling' });
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(applications)).toEqual(appsBefore);
    await refuseAtDesk(ctx(astanaWorker), { ticketId: ticket.id, code: 'not_representative', ownerIin: PERSONA.daughterAisha });
    expect((await auditOf('residence.con_refused')).at(-1)).toMatchObject({
      data: expect.objectContaining({ refusal: 'not_representative' }),
    });
    const checked = await auditOf('residence.con.authority_checked');
    expect(checked.map((r) => r.subjectIin)).toEqual(expect.arrayContaining([PERSONA.residenceMover, PERSONA.grandmaRoza]));
  });
});

describe("p.9–10: Astana's steps on the CON path", () => {
  it('at the norm the claim is asked; a claim ZAGS does not confirm refuses the application with the reason', async () => {
    const [settings] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
    await database.db
      .update(pilotSettings)
      .set({ params: { ...settings!.params, astanaNormM2: 60 } })
      .where(eq(pilotSettings.pilot, 'residence'));
    try {
      const ticket = await calledTicket(astanaReception, astanaWorker, CADASTRE.astanaFlatD);
      const { applicationId } = await formFor(astanaWorker, ticket.id, {
        ownerIin: PERSONA.daughterAisha,
        cadastralNumber: CADASTRE.astanaFlatD,
        rep: PERSONA.fatherDaniyar,
      });
      const app = await conApplication(ctx(astanaWorker), applicationId);
      expect(app.residence.astana).toMatchObject({ totalAreaM2: 52, normM2PerPerson: 60, places: 0, outcome: 'claim_needed' });
      await expect(
        saveArrivalForm(ctx(astanaWorker), { id: app.id, version: app.version, form: arrival }).then(() => null),
      ).resolves.toBeNull();
      const cur = await conApplication(ctx(astanaWorker), applicationId);
      await expect(signAndRegister(ctx(astanaWorker), { id: cur.id, version: cur.version, cms: 'x'.repeat(20) })).rejects.toMatchObject({
        code: 'residence_con_not_ready',
      });
      const refused = await setAstanaClaim(ctx(astanaWorker), { id: cur.id, version: cur.version, claim: { relation: 'sibling' } });
      expect(refused.status).toBe('refused');
      expect(refused.residence).toMatchObject({ refusalCode: 'kinship_not_found', closedAt: expect.any(Date) });
      expect(refused.residence.astana).toMatchObject({ outcome: 'kinship_not_found', kinship: { confirmed: false } });
    } finally {
      await database.db.update(pilotSettings).set({ params: settings!.params }).where(eq(pilotSettings.pilot, 'residence'));
    }
  });

  it("the parent's claim is confirmed through the birth act, and the chain names them", async () => {
    const [settings] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
    await database.db
      .update(pilotSettings)
      .set({ params: { ...settings!.params, astanaNormM2: 60 } })
      .where(eq(pilotSettings.pilot, 'residence'));
    try {
      const ticket = await calledTicket(astanaReception, astanaWorker, CADASTRE.astanaFlatD);
      const { applicationId } = await formFor(astanaWorker, ticket.id, {
        ownerIin: PERSONA.daughterAisha,
        cadastralNumber: CADASTRE.astanaFlatD,
        rep: PERSONA.fatherDaniyar,
      });
      const app = await conApplication(ctx(astanaWorker), applicationId);
      const confirmed = await setAstanaClaim(ctx(astanaWorker), { id: app.id, version: app.version, claim: { relation: 'parent' } });
      expect(confirmed.status).toBe('draft');
      expect(confirmed.residence.astana).toMatchObject({
        outcome: 'kinship_confirmed',
        kinship: {
          chain: [expect.objectContaining({ iin: PERSONA.fatherDaniyar }), expect.objectContaining({ iin: PERSONA.daughterAisha })],
        },
      });
    } finally {
      await database.db.update(pilotSettings).set({ params: settings!.params }).where(eq(pilotSettings.pilot, 'residence'));
    }
  });
});

describe('scope: a worker of another CON', () => {
  it('gets not_found for the ticket, the owner check, the application and the signature', async () => {
    const ticket = await calledTicket(astanaReception, astanaWorker, CADASTRE.astanaFlatD);
    const { applicationId } = await formFor(astanaWorker, ticket.id, {
      ownerIin: PERSONA.daughterAisha,
      cadastralNumber: CADASTRE.astanaFlatD,
      rep: PERSONA.motherSaule,
    });
    const other = ctx(otherCentreWorker);
    await expect(deskTicket(other, ticket.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(checkOwner(other, { ticketId: ticket.id, ownerIin: PERSONA.daughterAisha })).rejects.toMatchObject({ code: 'not_found' });
    await expect(refuseAtDesk(other, { ticketId: ticket.id, code: 'owner_not_found' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(conApplication(other, applicationId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(saveArrivalForm(other, { id: applicationId, version: 1, form: arrival })).rejects.toMatchObject({ code: 'not_found' });
    await expect(signAndRegister(other, { id: applicationId, version: 1, cms: 'x'.repeat(20) })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(callNextResidenceTicket(other)).rejects.toMatchObject({ code: 'residence_con_queue_empty' });
    const denied = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorUserId, otherCentreWorker.userId)));
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });
});
