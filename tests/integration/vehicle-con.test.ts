// Chapter 2 of order 000 at the CON: queue tickets numbered per CON and day, "call next" from two desks at once,
// hand-over to the buyer only (the document presented against GBD FL, p.9–10), and the desk's CON scope.
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { platePool } from '@/db/schema/reference';
import { persons } from '@/db/schema/registry';
import { queueTickets, vehicleApplications } from '@/db/schema/vehicle';
import { CON, PERSONA } from '@/db/seed/personas-ids';
import type { Actor, Grant } from '@/lib/auth/actor';
import { getRegistries } from '@/lib/registries';
import {
  callNext,
  checkBuyerAtDesk,
  findReadyAtCentre,
  issueDocuments,
  issueTicket,
  issuanceApplication,
  ticketCode,
} from '@/lib/vehicle-registration/con-service';
import { seededDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof seededDatabase>>;
const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });

/** An application of `buyer` ready for pickup at the CON, with a reserved plate (as step 19 leaves it). */
async function ready(buyerIin: string, centreId: number, n: number) {
  const [plate] = await database.db
    .insert(platePool)
    .values({ regionCode: '01', plateType: 'standard_person', number: `${700 + n} CON 01`, status: 'reserved' })
    .returning();
  const [app] = await database.db
    .insert(applications)
    .values({
      number: `VR-2026-9${String(n).padStart(5, '0')}`,
      pilot: 'vehicle',
      status: 'ready_for_pickup',
      applicantIin: buyerIin,
      serviceCentreId: centreId,
      regionCode: '01',
    })
    .returning();
  await database.db.insert(vehicleApplications).values({
    applicationId: app!.id,
    vin: `CONTESTVIN${String(n).padStart(7, '0')}`,
    dealerBin: '080340012345',
    dealerNameKk: 'т',
    dealerNameRu: 'т',
    buyerIin,
    pickupCentreId: centreId,
    plateType: 'standard_person',
    plateNumber: plate!.number,
    srtsNumber: `SR-2026-9${String(n).padStart(5, '0')}`,
  });
  return app!;
}

/** The number of the person's current document in GBD FL, as printed on it. */
const documentOf = async (iin: string) => (await getRegistries(database.db).gbdFl.findPerson(iin))!.document.number;

const refusalsOf = (applicationId: string) =>
  database.db
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, applicationId), like(applicationEvents.type, 'issuance_refused%')))
    .orderBy(asc(applicationEvents.id));

let reception: Actor;
let deskA: Actor;
let deskB: Actor;
let otherDesk: Actor;
const scope = (id: number): Partial<Grant> => ({ serviceCentreId: id });

beforeAll(async () => {
  database = await seededDatabase();
  reception = await makeUser(database.db, 'con_reception', scope(CON.astana1));
  deskA = await makeUser(database.db, 'con_issuance', scope(CON.astana1));
  deskB = await makeUser(database.db, 'con_issuance', scope(CON.astana1));
  otherDesk = await makeUser(database.db, 'con_issuance', scope(CON.almaty1));
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('reception and the issuance desk', () => {
  it('finds the person by IIN (an audited view), tickets are B-001, B-002… and asking twice gives the same ticket', async () => {
    const a = await ready(PERSONA.buyerErlan, CON.astana1, 1);
    const b = await ready(PERSONA.buyerNoBmg, CON.astana1, 2);
    const found = await findReadyAtCentre(ctx(reception), PERSONA.buyerErlan);
    expect(found.ready.map((r) => r.id)).toEqual([a.id]);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.subjectIin, PERSONA.buyerErlan))).not.toHaveLength(0);
    const [t1, again] = await Promise.all([
      issueTicket(ctx(reception), { applicationId: a.id }),
      issueTicket(ctx(reception), { applicationId: a.id }),
    ]);
    expect(t1.code).toBe(ticketCode(1));
    expect(again.id).toBe(t1.id);
    expect((await issueTicket(ctx(reception), { applicationId: b.id })).code).toBe('B-002');
  });

  it('two desks calling at once get two different tickets, and an empty queue says so', async () => {
    // A machinery front-office ticket waiting at the same CON (orders 001/004, p.5) is not the vehicle desk's to call.
    const [first] = await database.db.select().from(queueTickets).where(eq(queueTickets.serviceCentreId, CON.astana1)).limit(1);
    const [machineryTicket] = await database.db
      .insert(queueTickets)
      .values({ serviceCentreId: CON.astana1, day: first!.day, service: 'machinery', seq: 1, code: 'M-001' })
      .returning();
    const [x, y] = await Promise.all([callNext(ctx(deskA)), callNext(ctx(deskB))]);
    expect(new Set([x.code, y.code])).toEqual(new Set(['B-001', 'B-002']));
    await expect(callNext(ctx(deskA))).rejects.toMatchObject({ code: 'vehicle_queue_empty' });
    const [still] = await database.db.select().from(queueTickets).where(eq(queueTickets.id, machineryTicket!.id));
    expect(still?.status).toBe('waiting');
  });

  it('hands over only to the buyer; another CON’s desk cannot even open the application', async () => {
    const [app] = await database.db.select().from(applications).where(eq(applications.applicantIin, PERSONA.buyerErlan));
    await expect(issuanceApplication(database.db, otherDesk.grants[0]!, app!.id)).rejects.toMatchObject({ code: 'not_found' });
    const presented = { documentNumber: await documentOf(PERSONA.buyerErlan), source: 'id_document' as const };
    const issued = await issueDocuments(ctx(deskA), { id: app!.id, version: app!.version, srtsBlankSerial: 'KZ0123456', ...presented });
    expect(issued.status).toBe('issued');
    const [v] = await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.applicationId, app!.id));
    const [plate] = await database.db.select().from(platePool).where(eq(platePool.number, v!.plateNumber!));
    expect(plate!.status).toBe('issued');
    // By number too, and a second hand-over is the first one.
    expect((await issuanceApplication(database.db, deskA.grants[0]!, app!.number)).id).toBe(app!.id);
    await expect(
      issueDocuments(ctx(deskA), { id: app!.id, version: app!.version, srtsBlankSerial: 'KZ0123456', ...presented }),
    ).resolves.toMatchObject({ status: 'issued' });
  });
});

// Order 000 p.9–10: the desk enters the number of the document presented; GBD FL decides whether it is the buyer's.
describe('the issuance desk checks the person, not an echo of the IIN it shows', () => {
  it('the buyer’s current document passes: only then the desk gets the IIN and the GBD FL photo (digital document too)', async () => {
    const app = await ready(PERSONA.buyerKostanay, CON.astana1, 11);
    const number = await documentOf(PERSONA.buyerKostanay);
    const person = await checkBuyerAtDesk(ctx(deskA), {
      id: app.id,
      documentNumber: ` ${number.toLowerCase()} `,
      source: 'digital_document',
    });
    expect(person).toMatchObject({ iin: PERSONA.buyerKostanay, documentNumber: number, source: 'digital_document' });
    expect(typeof person.photoSeed).toBe('number');
    const issued = await issueDocuments(ctx(deskA), {
      id: app.id,
      version: app.version,
      documentNumber: number,
      source: 'digital_document',
      srtsBlankSerial: 'KZ0123457',
    });
    expect(issued.status).toBe('issued');
    expect(await refusalsOf(app.id)).toEqual([]);
  });

  it('an old (replaced) document or a mistyped one is refused, and the refusal is on the timeline', async () => {
    const app = await ready(PERSONA.buyerKaraganda, CON.astana1, 12);
    const old = await documentOf(PERSONA.buyerKaraganda);
    // GBD FL now holds a new card: the one presented is the replaced one.
    await database.db.update(persons).set({ docNumber: '077700011' }).where(eq(persons.iin, PERSONA.buyerKaraganda));
    for (const documentNumber of [old, '099999999'])
      await expect(checkBuyerAtDesk(ctx(deskA), { id: app.id, documentNumber, source: 'id_document' })).rejects.toMatchObject({
        code: 'issuance_document_not_current',
      });
    await expect(
      issueDocuments(ctx(deskA), {
        id: app.id,
        version: app.version,
        documentNumber: old,
        source: 'id_document',
        srtsBlankSerial: 'KZ0123458',
      }),
    ).rejects.toMatchObject({ code: 'issuance_document_not_current' });
    const [still] = await database.db.select().from(applications).where(eq(applications.id, app.id));
    expect(still!.status).toBe('ready_for_pickup');
    // Two documents refused: two entries; the same one twice (the hand-over after the check) is recorded once.
    expect((await refusalsOf(app.id)).map((e) => e.type)).toEqual([
      'issuance_refused_document_not_current',
      'issuance_refused_document_not_current',
    ]);
    await expect(checkBuyerAtDesk(ctx(deskA), { id: app.id, documentNumber: '077700011', source: 'id_document' })).resolves.toMatchObject({
      iin: PERSONA.buyerKaraganda,
    });
  });

  it('a representative (someone else’s document) is refused — no proxy — and recorded in the audit and on the timeline', async () => {
    const app = await ready(PERSONA.buyerAlmatyAndrey, CON.astana1, 13);
    const representative = await documentOf(PERSONA.buyerWithFines);
    const attempt = () =>
      issueDocuments(ctx(deskA), {
        id: app.id,
        version: app.version,
        documentNumber: representative,
        source: 'id_document',
        srtsBlankSerial: 'KZ0123459',
      });
    await expect(attempt()).rejects.toMatchObject({ code: 'issuance_not_in_person' });
    await expect(attempt()).rejects.toMatchObject({ code: 'issuance_not_in_person' }); // a double submit
    const events = await refusalsOf(app.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'issuance_refused_not_in_person', actorRole: 'con_issuance', data: { code: 'not_in_person' } });
    // The timeline, which the buyer sees, carries neither the stranger's IIN nor the document's number.
    expect(JSON.stringify(events[0]!.data)).not.toContain(representative);
    expect(JSON.stringify(events[0]!.data)).not.toContain(PERSONA.buyerWithFines);
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, app.id), eq(auditEvents.action, 'issuance.refused')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subjectIin: PERSONA.buyerWithFines, data: { code: 'not_in_person', purpose: 'vehicle.issuance' } });
    const [still] = await database.db.select().from(applications).where(eq(applications.id, app.id));
    expect(still!.status).toBe('ready_for_pickup');
  });
});
