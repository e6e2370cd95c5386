// The machinery front office (orders 001/004, p.5–9, p.14) against real Postgres: the e-queue and two workers calling
// at once, the refusals of p.7 and p.8, an unpaid fee that resumes, representatives and organisations, the machine's
// owner in the register, the signed e-application with the scans' hashes, the CON scope and double submits.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationParties, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { machineryApplications, machineryScans } from '@/db/schema/machinery';
import { businesses, feePayments, persons } from '@/db/schema/registry';
import { signatures } from '@/db/schema/signatures';
import { queueTickets } from '@/db/schema/vehicle';
import { pilotSettings } from '@/db/schema/reference';
import { AKIMAT, BIN, CON, MACHINE, PERSONA, STAFF } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { reviewDeadline } from '@/lib/calendar/deadline';
import { addDays } from '@/lib/calendar/deadline';
import { localDate } from '@/lib/calendar/local';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import {
  addScan,
  callNextTicket,
  checkFees,
  checklist,
  chooseAction,
  frontOfficeApplication,
  identify,
  intakeDocumentOf,
  issueTicket,
  loadMachineryApplication,
  refuseIncomplete,
  removeScan,
  SCAN_MAX_BYTES,
  setMachine,
  setOwner,
  signAndSubmit,
} from '@/lib/machinery/intake-service';
import { clearFaults, getRegistries, setFault } from '@/lib/registries';
import { registryCalls } from '@/db/schema/registry-ops';
import { refusalFor } from '@/lib/machinery/intake-queries';
import { renderIntakeRefusalPdf } from '@/lib/machinery/refusal-pdf';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, makeUser } from '@/tests/support/factories';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;
let kostanay: Actor;
let kostanay2: Actor;
let almaty: Actor;
let reception: Actor;
const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });
const signer = (a: Actor) => ({ iin: a.iin, surname: a.surname, givenName: a.givenName });
const PDF = (n: number) => new TextEncoder().encode(`%PDF-1.4\n% scan ${n}\n%%EOF\n`);

async function docOf(iin: string) {
  const [p] = await database.db.select({ doc: persons.docNumber }).from(persons).where(eq(persons.iin, iin));
  return p!.doc;
}
const load = async (id: string) => (await loadMachineryApplication(database.db, id))!;

/** A ticket at the worker's CON, called by them: a fresh intake. */
async function called(worker: Actor) {
  await issueTicket(ctx(worker));
  const { applicationId } = await callNextTicket(ctx(worker));
  return load(applicationId);
}

/** Identified in person with the checklist ticked in full, for the given action (the owner is the one at the desk). */
async function identifiedOwner(worker: Actor, iin: string, action: Parameters<typeof chooseAction>[1]['action'] = 'registration') {
  let app = await called(worker);
  app = { ...app, ...(await chooseAction(ctx(worker), { id: app.id, version: app.version, action })) };
  const { app: a2, passed } = await identify(ctx(worker), { id: app.id, version: app.version, documentNumber: await docOf(iin) });
  expect(passed).toBe(true);
  await setOwner(ctx(worker), { id: app.id, version: a2.version, mode: 'self' });
  return load(app.id);
}

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
  kostanay = await actorFor(database.db, STAFF.conOperatorKostanay);
  kostanay2 = await makeUser(database.db, 'con_operator', { serviceCentreId: CON.kostanay1 });
  almaty = await actorFor(database.db, STAFF.conOperatorAlmaty);
  reception = await actorFor(database.db, STAFF.conReceptionKostanay);
  expect(kostanay.grants[0]!.serviceCentreId).toBe(CON.kostanay1);
  expect(almaty.grants[0]!.serviceCentreId).toBe(CON.almaty1);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('p.6 (3): the payment registry port', () => {
  it("sums a fee's payments per payer, leaves unpaid fees out, logs the call and honours the payments system's faults", async () => {
    const payer = BIN.hyundaiTrans;
    await database.db.insert(feePayments).values([
      { payer, feeCode: 'machinery.plate', amountTiyn: 100_00, reference: 'A-1', paidAt: new Date('2026-01-01T05:00:00Z') },
      { payer, feeCode: 'machinery.plate', amountTiyn: 50_00, reference: 'A-2', paidAt: new Date('2026-01-02T05:00:00Z') },
      { payer: PERSONA.farmerSerik, feeCode: 'machinery.duplicate', amountTiyn: 1, reference: 'other payer' },
    ]);
    const port = getRegistries(database.db, { applicationId: 'fee-port-test' }).feePayments;
    expect(await port.paidFor(payer, ['machinery.plate', 'machinery.duplicate'])).toEqual([
      { feeCode: 'machinery.plate', paidTiyn: 150_00, reference: 'A-2' },
    ]);
    expect(await port.paidFor(payer, [])).toEqual([]);
    const calls = await database.db.select().from(registryCalls).where(eq(registryCalls.applicationId, 'fee-port-test'));
    expect(calls.map((c) => `${c.system}.${c.operation}:${c.outcome}`)).toEqual(['payments.paidFor:ok', 'payments.paidFor:ok']);
    await setFault(database.db, 'payments', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 1000) });
    try {
      await expect(getRegistries(database.db).feePayments.paidFor(payer, ['machinery.plate'])).rejects.toMatchObject({
        system: 'payments',
      });
    } finally {
      await clearFaults(database.db);
    }
  });
});

describe('p.5: the e-queue', () => {
  it('numbers M-001, M-002… per CON and day without an IIN; two workers calling at once get two different tickets', async () => {
    const a = await issueTicket(ctx(reception));
    const b = await issueTicket(ctx(kostanay));
    expect(b.seq).toBe(a.seq + 1);
    expect(a.code).toMatch(/^M-\d{3}$/);
    expect(a.iin).toBeNull();
    const [x, y] = await Promise.all([callNextTicket(ctx(kostanay)), callNextTicket(ctx(kostanay2))]);
    expect(new Set([x.ticket, y.ticket])).toEqual(new Set([a.code, b.code]));
    expect(x.applicationId).not.toBe(y.applicationId);
    const app = await load(x.applicationId);
    expect(app).toMatchObject({ status: 'received', serviceCentreId: CON.kostanay1, regionCode: '10' });
    const [ticket] = await database.db.select().from(queueTickets).where(eq(queueTickets.id, app.m.queueTicketId!));
    expect(ticket).toMatchObject({ status: 'called', applicationId: app.id, service: 'machinery' });
    await expect(callNextTicket(ctx(kostanay))).rejects.toMatchObject({ code: 'machinery_queue_empty' });
  });

  it('order p.1: only the CONs of the pilot regions, and only while the pilot runs, take machinery intakes', async () => {
    const astana = await makeUser(database.db, 'con_reception', { serviceCentreId: CON.astana1 });
    await expect(issueTicket(ctx(astana))).rejects.toMatchObject({ code: 'machinery_pilot_closed' });
    const [settings] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'machinery'));
    await database.db
      .update(pilotSettings)
      .set({ endsOn: addDays(localDate(), -1) })
      .where(eq(pilotSettings.pilot, 'machinery'));
    try {
      await expect(issueTicket(ctx(reception))).rejects.toMatchObject({ code: 'machinery_pilot_closed' });
      await expect(callNextTicket(ctx(kostanay))).rejects.toMatchObject({ code: 'machinery_pilot_closed' });
    } finally {
      await database.db.update(pilotSettings).set({ endsOn: settings!.endsOn }).where(eq(pilotSettings.pilot, 'machinery'));
    }
    expect(await database.db.select().from(queueTickets).where(eq(queueTickets.serviceCentreId, CON.astana1))).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ service: 'machinery' })]),
    );
  });

  it('an issuance desk may not issue machinery tickets', async () => {
    const desk = await makeUser(database.db, 'con_issuance', { serviceCentreId: CON.kostanay1 });
    await expect(issueTicket(ctx(desk))).rejects.toMatchObject({ code: 'not_your_step' });
  });
});

describe('p.6 (1), p.7: identification', () => {
  it('a negative biometric check is the motivated refusal: rejected_at_intake with reason biometrics_failed', async () => {
    const app = await called(kostanay);
    const { passed } = await identify(ctx(kostanay), {
      id: app.id,
      version: app.version,
      documentNumber: await docOf(PERSONA.idCardFaceMismatch),
    });
    expect(passed).toBe(false);
    const after = await load(app.id);
    expect(after.status).toBe('rejected_at_intake');
    expect(after.m.refusalReasonCode).toBe('biometrics_failed');
    expect(after.applicantIin).toBe(PERSONA.idCardFaceMismatch);
    expect(after.m.biometrics).toMatchObject({ passed: false, sampleSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The same click again changes nothing.
    const again = await identify(ctx(kostanay), {
      id: app.id,
      version: app.version,
      documentNumber: await docOf(PERSONA.idCardFaceMismatch),
    });
    expect(again.passed).toBe(false);
    expect((await load(app.id)).version).toBe(after.version);
  });

  it('an unknown document number is an error and stores nothing', async () => {
    const app = await called(kostanay);
    await expect(identify(ctx(kostanay), { id: app.id, version: app.version, documentNumber: 'N00000000' })).rejects.toMatchObject({
      code: 'machinery_document_not_found',
    });
    expect((await load(app.id)).m.identifiedIin).toBeNull();
  });
});

describe('p.6 (2), p.8: the checklist', () => {
  it('an incomplete package is refused with the missing items stored; the applicant sees it', async () => {
    const app = await identifiedOwner(kostanay, PERSONA.farmerSerik);
    const { app: a2, completeness } = await checklist(ctx(kostanay), { id: app.id, version: app.version, ticked: ['identity_document'] });
    expect(completeness).toEqual({ complete: false, missing: ['ownership_document', 'machine_passport'] });
    const refused = await refuseIncomplete(ctx(kostanay), { id: app.id, version: a2.version });
    expect(refused.status).toBe('rejected_at_intake');
    const after = await load(app.id);
    expect(after.m).toMatchObject({ refusalReasonCode: 'package_incomplete', missingItems: ['ownership_document', 'machine_passport'] });
    expect(after.applicantIin).toBe(PERSONA.farmerSerik);
    // A double submit answers the same refusal.
    expect((await refuseIncomplete(ctx(kostanay), { id: app.id, version: a2.version })).status).toBe('rejected_at_intake');

    // The printed refusal: for the worker of that CON and the applicant in the cabinet; nobody else.
    const r = await refusalFor(kostanay, app.id);
    expect(r).toMatchObject({ code: 'package_incomplete', centre: { id: CON.kostanay1 }, event: { surname: kostanay.surname } });
    expect(r.reason.legalBasisRu).toContain('пункт 8');
    const farmer = await actorFor(database.db, PERSONA.farmerSerik);
    expect((await refusalFor(farmer, app.id)).app.id).toBe(app.id);
    await expect(refusalFor(almaty, app.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(refusalFor(await actorFor(database.db, PERSONA.buyerErlan), app.id)).rejects.toMatchObject({ code: 'not_found' });
    const pdf = await renderIntakeRefusalPdf(
      {
        kind: r.code,
        applicationNumber: r.app.number,
        applicantName: r.person!.names.kk.surname,
        action: 'Мемлекеттік тіркеу',
        missingItems: r.app.m.missingItems!,
        itemName: (c) => c,
        legalBasis: r.reason.legalBasisKk,
        con: r.centre.nameKk,
        worker: { name: kostanay.surname, role: 'ХҚКО' },
        at: r.event!.at,
      },
      r.app.m.applicantLocale,
    );
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
  });

  it('a complete package cannot be refused as incomplete', async () => {
    const app = await identifiedOwner(kostanay, PERSONA.farmerSerik);
    const { app: a2 } = await checklist(ctx(kostanay), {
      id: app.id,
      version: app.version,
      ticked: ['identity_document', 'ownership_document', 'machine_passport'],
    });
    await expect(refuseIncomplete(ctx(kostanay), { id: app.id, version: a2.version })).rejects.toMatchObject({
      code: 'machinery_package_complete',
    });
  });
});

describe('p.6 (3): fees', () => {
  it('unpaid fees keep the intake received; once paid it proceeds without retyping', async () => {
    const app = await identifiedOwner(almaty, PERSONA.buyerAlmatyAndrey);
    const first = await checkFees(ctx(almaty), { id: app.id, version: app.version });
    expect(first.feeCheck.status).toBe('partial');
    expect(first.lines.filter((l) => l.paidTiyn === 0).map((l) => l.code)).toEqual(['machinery.document', 'machinery.plate']);
    expect((await load(app.id)).status).toBe('received');
    for (const l of first.lines.filter((x) => x.paidTiyn === 0))
      await database.db
        .insert(feePayments)
        .values({ payer: PERSONA.buyerAlmatyAndrey, feeCode: l.code, amountTiyn: l.requiredTiyn, reference: `T-${l.code}` });
    const second = await checkFees(ctx(almaty), { id: app.id, version: first.app.version });
    expect(second.feeCheck).toMatchObject({
      status: 'paid',
      requiredTiyn: first.feeCheck.requiredTiyn,
      paidTiyn: first.feeCheck.requiredTiyn,
    });
    const after = await load(app.id);
    expect(after.m.ownerIin).toBe(PERSONA.buyerAlmatyAndrey);
    expect(after.m.feeCheck?.status).toBe('paid');
  });

  it("an organisation's head in person: the registry's director must be the one identified; it pays by its BIN", async () => {
    // A farm in the business registry headed by a seeded person (the seed's own directors have no GBD FL rows).
    const farm = '210440077015';
    await database.db
      .insert(businesses)
      .values({ bin: farm, nameKk: 'Серік ШҚ', nameRu: 'КХ Серик', okeds: ['01.11'], directorIin: PERSONA.farmerSerik, regionCode: '10' });
    let app = await called(kostanay);
    const { app: a2 } = await identify(ctx(kostanay), {
      id: app.id,
      version: app.version,
      documentNumber: await docOf(PERSONA.farmerSerik),
    });
    await expect(
      setOwner(ctx(kostanay), { id: app.id, version: a2.version, mode: 'organisation_head', ownerBin: BIN.bereke }),
    ).rejects.toMatchObject({
      code: 'machinery_not_the_head',
    });
    await setOwner(ctx(kostanay), { id: app.id, version: a2.version, mode: 'organisation_head', ownerBin: farm });
    app = await load(app.id);
    expect(app.m).toMatchObject({ ownerKind: 'organisation', ownerBin: farm, ownerIin: null, representativeIin: null });
    expect(app.applicantIin).toBe(PERSONA.farmerSerik);
    const fees = await checkFees(ctx(kostanay), { id: app.id, version: app.version });
    expect(fees.feeCheck).toMatchObject({ status: 'not_paid', paidTiyn: 0 });
    expect(fees.feeCheck.requiredTiyn).toBeGreaterThan(0);
    await database.db
      .insert(feePayments)
      .values(fees.lines.map((l) => ({ payer: farm, feeCode: l.code, amountTiyn: l.requiredTiyn, reference: `F-${l.code}` })));
    expect((await checkFees(ctx(kostanay), { id: app.id, version: fees.app.version })).feeCheck.status).toBe('paid');
  });
});

describe('owner: representatives and organisations', () => {
  it('a representative with a valid power of attorney for a person; an expired one is refused', async () => {
    const app = await called(kostanay);
    const { app: a2 } = await identify(ctx(kostanay), {
      id: app.id,
      version: app.version,
      documentNumber: await docOf(PERSONA.buyerKostanay),
    });
    const base = { id: app.id, version: a2.version, mode: 'representative' as const, powerOfAttorneyNumber: 'POA-17' };
    await expect(
      setOwner(ctx(kostanay), {
        ...base,
        owner: { kind: 'person', iin: PERSONA.farmerSerik },
        powerOfAttorneyValidUntil: addDays(localDate(), -1),
      }),
    ).rejects.toMatchObject({ code: 'machinery_poa_expired' });
    await setOwner(ctx(kostanay), { ...base, owner: { kind: 'person', iin: PERSONA.farmerSerik }, powerOfAttorneyValidUntil: localDate() });
    const after = await load(app.id);
    expect(after.m).toMatchObject({
      ownerKind: 'person',
      ownerIin: PERSONA.farmerSerik,
      representativeIin: PERSONA.buyerKostanay,
      powerOfAttorneyNumber: 'POA-17',
      powerOfAttorneyValidUntil: localDate(),
    });
    expect(after.applicantIin).toBe(PERSONA.buyerKostanay);
    const parties = await database.db.select().from(applicationParties).where(eq(applicationParties.applicationId, app.id));
    expect(parties.map((p) => `${p.role}:${p.iin}`).sort()).toEqual([
      `owner:${PERSONA.farmerSerik}`,
      `representative:${PERSONA.buyerKostanay}`,
    ]);
    // The representative item now applies to the checklist.
    const { completeness } = await checklist(ctx(kostanay), {
      id: app.id,
      version: after.version,
      ticked: ['identity_document', 'ownership_document', 'machine_passport'],
    });
    expect(completeness).toEqual({ complete: false, missing: ['power_of_attorney'] });
  });

  it('a representative of an organisation (BIN from the business registry); an unknown BIN is refused', async () => {
    const app = await called(kostanay);
    const { app: a2 } = await identify(ctx(kostanay), {
      id: app.id,
      version: app.version,
      documentNumber: await docOf(PERSONA.buyerKostanay),
    });
    const base = {
      id: app.id,
      version: a2.version,
      mode: 'representative' as const,
      powerOfAttorneyNumber: 'POA-18',
      powerOfAttorneyValidUntil: addDays(localDate(), 30),
    };
    await expect(setOwner(ctx(kostanay), { ...base, owner: { kind: 'organisation', bin: '990340099999' } })).rejects.toMatchObject({
      code: 'machinery_organisation_not_found',
    });
    await setOwner(ctx(kostanay), { ...base, owner: { kind: 'organisation', bin: BIN.bereke } });
    const after = await load(app.id);
    expect(after.m).toMatchObject({
      ownerKind: 'organisation',
      ownerBin: BIN.bereke,
      ownerIin: null,
      representativeIin: PERSONA.buyerKostanay,
    });
    const fees = await checkFees(ctx(kostanay), { id: app.id, version: after.version });
    expect(fees.feeCheck.status).toBe('not_paid');
  });
});

describe('the machine', () => {
  it("re-registration of someone else's machine is refused; the owner's own is taken from the register", async () => {
    const app = await identifiedOwner(kostanay, PERSONA.farmerSerik, 're_registration');
    await expect(setMachine(ctx(kostanay), { id: app.id, version: app.version, lookup: MACHINE.tractorOther })).rejects.toMatchObject({
      code: 'machinery_machine_owner_mismatch',
    });
    await setMachine(ctx(kostanay), { id: app.id, version: app.version, lookup: 't 4127 10' });
    expect((await load(app.id)).m).toMatchObject({
      serialNumber: MACHINE.tractorRegistered,
      registerId: MACHINE.tractorRegistered,
      make: 'Беларус (МТЗ)',
    });
  });

  it('a registered machine cannot be registered again', async () => {
    const app = await identifiedOwner(kostanay, PERSONA.farmerSerik);
    await expect(
      setMachine(ctx(kostanay), {
        id: app.id,
        version: app.version,
        typed: { kind: 'tractor', make: 'Беларус', model: '82.1', year: 2019, serialNumber: MACHINE.tractorRegistered },
      }),
    ).rejects.toMatchObject({ code: 'machinery_already_registered' });
  });
});

describe('p.6 (4), (5), p.9, p.14: scans, the signed e-application and its submission', () => {
  it('signs canonical JSON with the scan hashes and goes under_review at the owner akimat with its deadline; a double submit is idempotent', async () => {
    let app = await identifiedOwner(kostanay, PERSONA.farmerSerik);
    const c = ctx(kostanay);
    await setMachine(c, {
      id: app.id,
      version: app.version,
      typed: { kind: 'tractor', make: 'Кировец', model: 'К-742М', year: 2025, serialNumber: MACHINE.tractorNew, engineNumber: 'E-1' },
    });
    app = await load(app.id);
    const ticked = ['identity_document', 'ownership_document', 'machine_passport'];
    const { app: a3, completeness } = await checklist(c, { id: app.id, version: app.version, ticked });
    expect(completeness.complete).toBe(true);
    const { app: a4, feeCheck } = await checkFees(c, { id: app.id, version: a3.version });
    expect(feeCheck.status).toBe('paid');
    let version = a4.version;
    await expect(signAndSubmit(c, { id: app.id, version, cms: 'x' })).rejects.toMatchObject({
      code: 'machinery_not_ready',
      data: { blockers: ['scans'] },
    });
    for (const [i, item] of ticked.entries()) {
      await addScan(c, { id: app.id, version, itemCode: item, file: PDF(i) });
      version = (await load(app.id)).version;
    }
    // The same file again is no second scan; a file that is not PDF/JPEG/PNG is refused.
    await addScan(c, { id: app.id, version, itemCode: 'identity_document', file: PDF(0) });
    await expect(
      addScan(c, { id: app.id, version, itemCode: 'identity_document', file: new TextEncoder().encode('hello') }),
    ).rejects.toMatchObject({
      code: 'file_type_not_allowed',
    });
    const big = new Uint8Array(SCAN_MAX_BYTES + 1);
    big.set(PDF(8));
    await expect(addScan(c, { id: app.id, version, itemCode: 'identity_document', file: big })).rejects.toMatchObject({
      code: 'file_too_large',
    });
    const extra = await addScan(c, { id: app.id, version, itemCode: 'machine_passport', file: PDF(9) });
    version = (await load(app.id)).version;
    await removeScan(c, { id: app.id, version, scanId: extra.id });
    app = await load(app.id);
    const scans = await database.db.select().from(machineryScans).where(eq(machineryScans.applicationId, app.id));
    expect(scans).toHaveLength(3);

    const document = await intakeDocumentOf(database.db, app, kostanay.iin);
    expect(document.scans.map((s) => s.sha256).sort()).toEqual(scans.map((s) => s.sha256).sort());
    const cms = await pki.sign(signer(kostanay), document);
    const before = Date.now();
    const submitted = await signAndSubmit(c, { id: app.id, version: app.version, cms });
    expect(submitted.status).toBe('under_review');
    const after = await load(app.id);
    expect(after).toMatchObject({ status: 'under_review', akimatId: AKIMAT.fedorov });
    expect(after.submittedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(after.deadlineAt!.getTime()).toBe(reviewDeadline(after.submittedAt!, await loadWorkCalendar(database.db)).getTime());
    const [sig] = await database.db.select().from(signatures).where(eq(signatures.id, after.m.operatorSignatureId!));
    expect(sig).toMatchObject({ purpose: 'machinery.intake', signerIin: kostanay.iin, valid: true });
    const signed = JSON.parse(sig!.document) as { scans: { sha256: string }[]; owner: { iin: string } };
    expect(signed.owner.iin).toBe(PERSONA.farmerSerik);
    expect(signed.scans.map((s) => s.sha256).sort()).toEqual(scans.map((s) => s.sha256).sort());
    const [ticket] = await database.db.select().from(queueTickets).where(eq(queueTickets.id, after.m.queueTicketId!));
    expect(ticket!.status).toBe('served');

    // Double submit: the same answer, no second signature or transition.
    const again = await signAndSubmit(c, { id: app.id, version: app.version, cms });
    expect(again.status).toBe('under_review');
    expect((await load(app.id)).version).toBe(after.version);
    const sigs = await database.db.select().from(signatures).where(eq(signatures.applicationId, app.id));
    expect(sigs).toHaveLength(1);
  });

  it('a signature over another document is refused and nothing moves', async () => {
    const app = await identifiedOwner(kostanay, PERSONA.farmerSerik, 'deregistration');
    const c = ctx(kostanay);
    const m = await setMachine(c, { id: app.id, version: app.version, lookup: MACHINE.trailerRegistered });
    const { app: a2 } = await checklist(c, {
      id: app.id,
      version: m.version,
      ticked: ['identity_document', 'registration_document', 'plates'],
    });
    const { app: a3, feeCheck } = await checkFees(c, { id: app.id, version: a2.version });
    expect(feeCheck).toMatchObject({ status: 'paid', requiredTiyn: 0 });
    let version = a3.version;
    for (const [i, item] of ['identity_document', 'registration_document', 'plates'].entries()) {
      await addScan(c, { id: app.id, version, itemCode: item, file: PDF(20 + i) });
      version = (await load(app.id)).version;
    }
    const cms = await pki.sign(signer(kostanay), { kind: 'something else' });
    await expect(signAndSubmit(c, { id: app.id, version, cms })).rejects.toMatchObject({ code: expect.stringMatching(/^signature_/) });
    expect((await load(app.id)).status).toBe('received');
  });
});

describe('scope and races', () => {
  it("another CON's worker gets not_found on every step, and the denial is audited", async () => {
    const app = await called(kostanay);
    await expect(identify(ctx(almaty), { id: app.id, version: app.version, documentNumber: 'X' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(frontOfficeApplication(database.db, almaty.grants[0]!, app.id, almaty)).rejects.toMatchObject({ code: 'not_found' });
    const denials = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.applicationId, app.id), eq(auditEvents.actorUserId, almaty.userId)),
      );
    expect(denials.length).toBe(2);
    expect(denials[0]!.subjectIin).toBeNull();
  });

  it('two steps on the same version: one wins, the other gets application_changed', async () => {
    const app = await identifiedOwner(kostanay, PERSONA.farmerSerik);
    const results = await Promise.allSettled([
      checklist(ctx(kostanay), { id: app.id, version: app.version, ticked: ['identity_document'] }),
      checklist(ctx(kostanay2), { id: app.id, version: app.version, ticked: ['machine_passport'] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'application_changed' } });
    const [row] = await database.db.select({ v: applications.version }).from(applications).where(eq(applications.id, app.id));
    expect(row!.v).toBe(app.version + 1);
    const [m] = await database.db.select().from(machineryApplications).where(eq(machineryApplications.applicationId, app.id));
    expect(m!.checklistTicks).toHaveLength(1);
  });
});
