// Orders 001/004, p.11: the hand-over at the CON — identity by GBD FL and Digital-ID as at intake, to the owner or
// the representative with a valid power of attorney, serials recorded, approved → issued only, the desk's CON scope.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { AKIMAT, CON } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { localDate } from '@/lib/calendar/local';
import { approvedAtDesk, deskApplication, issue } from '@/lib/machinery/issuance-service';
import { getRegistries } from '@/lib/registries';
import { seededDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';
import { daysAgo, decidedMachinery, deskPerson, machineryRow } from '@/tests/support/machinery-archive';

let database: Awaited<ReturnType<typeof seededDatabase>>;
const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });

let desk: Actor;
let otherDesk: Actor;
let operator: Actor;
const A = AKIMAT.almatyBostandyq;
const C = CON.almaty1;

beforeAll(async () => {
  database = await seededDatabase();
  desk = await makeUser(database.db, 'con_issuance', { serviceCentreId: C });
  otherDesk = await makeUser(database.db, 'con_issuance', { serviceCentreId: CON.kostanay1 });
  operator = await makeUser(database.db, 'con_operator', { serviceCentreId: C });
}, 120_000);
afterAll(async () => {
  await database.drop();
});

const serials = { documentSerial: 'kz 1234567', plateSerial: '000123456' };
const status = async (id: string) => (await database.db.select().from(applications).where(eq(applications.id, id)))[0]!;
const refusals = async (id: string) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.applicationId, id), eq(auditEvents.action, 'machinery.issuance_refused')));

describe('the machinery hand-over (p.11)', () => {
  it('the desk lists the approved applications of its CON only, IINs masked', async () => {
    const owner = await deskPerson(database.db);
    const mine = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, ownerIin: owner.iin, decidedAt: daysAgo(1) });
    const issued = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, status: 'issued' });
    const other = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: CON.almaty2 });
    const list = await approvedAtDesk(ctx(desk));
    const listed = list.map((r) => r.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(issued.id);
    expect(listed).not.toContain(other.id);
    const row = list.find((r) => r.id === mine.id)!;
    expect(row.owner).not.toContain(owner.iin);
    expect(JSON.stringify(list)).not.toContain(owner.iin);
    await expect(approvedAtDesk(ctx(operator))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the owner collects: serials recorded, issued by and at, approved → issued; a double submit changes nothing', async () => {
    const owner = await deskPerson(database.db);
    const app = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, ownerIin: owner.iin, decidedAt: daysAgo(1) });
    const row = await issue(ctx(desk), { id: app.id, version: app.version, documentNumber: owner.docNumber, ...serials });
    expect(row.status).toBe('issued');
    const m = await machineryRow(database.db, app.id);
    expect(m.issuedDocumentSerial).toBe('KZ 1234567');
    expect(m.issuedPlateSerial).toBe('000123456');
    expect(m.issuedByUserId).toBe(desk.userId);
    expect(m.issuedAt).toBeTruthy();
    const again = await issue(ctx(desk), { id: app.id, version: app.version, documentNumber: owner.docNumber, ...serials });
    expect(again.version).toBe(row.version);
    expect((await status(app.id)).version).toBe(row.version);
    // Another hand-over of the same application with other blanks is refused.
    await expect(
      issue(ctx(desk), {
        id: app.id,
        version: row.version,
        documentNumber: owner.docNumber,
        documentSerial: 'KZ 7654321',
        plateSerial: '1234567',
      }),
    ).rejects.toMatchObject({ code: 'machinery_issuance_already_issued' });
  });

  it('the representative recorded at intake collects while the power of attorney is valid (its last day included)', async () => {
    const rep = await deskPerson(database.db);
    const app = await decidedMachinery(database.db, {
      akimatId: A,
      serviceCentreId: C,
      representative: { iin: rep.iin, validUntil: localDate() },
    });
    const row = await issue(ctx(desk), { id: app.id, version: app.version, documentNumber: rep.docNumber, ...serials });
    expect(row.status).toBe('issued');
  });

  it('an expired power of attorney, someone else, an unknown document, failed biometrics: refused, nothing issued, audited', async () => {
    const rep = await deskPerson(database.db);
    const stranger = await deskPerson(database.db);
    const failing = await deskPerson(database.db, { biometricsOk: false });
    const app = await decidedMachinery(database.db, {
      akimatId: A,
      serviceCentreId: C,
      ownerIin: failing.iin,
      representative: { iin: rep.iin, validUntil: localDate(daysAgo(1)) },
    });
    const cases: [string, string][] = [
      [rep.docNumber, 'machinery_issuance_poa_expired'],
      [stranger.docNumber, 'machinery_issuance_not_entitled'],
      ['NO0000000', 'machinery_issuance_person_not_found'],
      [failing.docNumber, 'machinery_issuance_biometrics_failed'],
    ];
    for (const [documentNumber, code] of cases)
      await expect(issue(ctx(desk), { id: app.id, version: app.version, documentNumber, ...serials })).rejects.toMatchObject({ code });
    const after = await status(app.id);
    expect(after.status).toBe('approved');
    expect(after.version).toBe(app.version);
    expect((await machineryRow(database.db, app.id)).issuedAt).toBeNull();
    const audited = await refusals(app.id);
    expect(audited.map((a) => (a.data as { reason: string }).reason).sort()).toEqual(cases.map((c) => c[1]).sort());
    // The biometric refusal names the person it concerns; the log rows carry no IIN in their data.
    expect(audited.find((a) => (a.data as { reason: string }).reason.endsWith('biometrics_failed'))!.subjectIin).toBe(failing.iin);
    expect(JSON.stringify(audited.map((a) => a.data))).not.toContain(failing.iin);
  });

  it('the serials the action needs are checked before anything else', async () => {
    const owner = await deskPerson(database.db);
    const app = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, ownerIin: owner.iin });
    await expect(
      issue(ctx(desk), {
        id: app.id,
        version: app.version,
        documentNumber: owner.docNumber,
        documentSerial: '12',
        plateSerial: '000123456',
      }),
    ).rejects.toMatchObject({ code: 'machinery_issuance_document_serial_invalid' });
    await expect(
      issue(ctx(desk), { id: app.id, version: app.version, documentNumber: owner.docNumber, documentSerial: 'KZ 1234567' }),
    ).rejects.toMatchObject({ code: 'machinery_issuance_plate_serial_invalid' });
    // A duplicate plate hands over a plate only; a deregistration a document only.
    const plateOnly = await decidedMachinery(database.db, {
      akimatId: A,
      serviceCentreId: C,
      ownerIin: owner.iin,
      action: 'duplicate_plate',
    });
    await issue(ctx(desk), { id: plateOnly.id, version: plateOnly.version, documentNumber: owner.docNumber, plateSerial: '55500011' });
    expect((await machineryRow(database.db, plateOnly.id)).issuedDocumentSerial).toBeNull();
    const docOnly = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, ownerIin: owner.iin, action: 'deregistration' });
    await issue(ctx(desk), { id: docOnly.id, version: docOnly.version, documentNumber: owner.docNumber, ...serials });
    expect((await machineryRow(database.db, docOnly.id)).issuedPlateSerial).toBeNull();
  });

  it('another CON’s desk gets not_found (audited); only approved applications are issued', async () => {
    const owner = await deskPerson(database.db);
    const app = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, ownerIin: owner.iin });
    await expect(
      issue(ctx(otherDesk), { id: app.id, version: app.version, documentNumber: owner.docNumber, ...serials }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(deskApplication(ctx(otherDesk), app.id)).rejects.toMatchObject({ code: 'not_found' });
    const denied = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, app.id), eq(auditEvents.action, 'access.denied')));
    expect(denied.length).toBe(2);
    expect((await status(app.id)).status).toBe('approved');
    for (const s of ['under_review', 'refused'] as const) {
      const other = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, ownerIin: owner.iin, status: s });
      await expect(
        issue(ctx(desk), { id: other.id, version: other.version, documentNumber: owner.docNumber, ...serials }),
      ).rejects.toMatchObject({ code: 'illegal_transition' });
    }
    // A stale version loses: the transition compares it.
    await expect(
      issue(ctx(desk), { id: app.id, version: app.version + 5, documentNumber: owner.docNumber, ...serials }),
    ).rejects.toMatchObject({ code: 'application_changed' });
    // Two desks at once: exactly one hand-over.
    const desk2 = await makeUser(database.db, 'con_issuance', { serviceCentreId: C });
    const results = await Promise.allSettled([
      issue(ctx(desk), { id: app.id, version: app.version, documentNumber: owner.docNumber, ...serials }),
      issue(ctx(desk2), {
        id: app.id,
        version: app.version,
        documentNumber: owner.docNumber,
        documentSerial: 'KZ 7654321',
        plateSerial: '1234567',
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await status(app.id)).status).toBe('issued');
  });
});
