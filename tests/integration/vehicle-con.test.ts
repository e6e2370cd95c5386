// Chapter 2 of order 000 at the CON: queue tickets numbered per CON and day, "call next" from two desks at once,
// hand-over to the buyer only, and the desk's CON scope.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { platePool } from '@/db/schema/reference';
import { queueTickets, vehicleApplications } from '@/db/schema/vehicle';
import { CON, PERSONA } from '@/db/seed/personas-ids';
import type { Actor, Grant } from '@/lib/auth/actor';
import { getRegistries } from '@/lib/registries';
import {
  callNext,
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
    await expect(
      issueDocuments(ctx(deskA), { id: app!.id, version: app!.version, presentedIin: PERSONA.buyerNoBmg, srtsBlankSerial: 'KZ0123456' }),
    ).rejects.toMatchObject({ code: 'vehicle_not_the_buyer' });
    const issued = await issueDocuments(ctx(deskA), {
      id: app!.id,
      version: app!.version,
      presentedIin: PERSONA.buyerErlan,
      srtsBlankSerial: 'KZ0123456',
    });
    expect(issued.status).toBe('issued');
    const [v] = await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.applicationId, app!.id));
    const [plate] = await database.db.select().from(platePool).where(eq(platePool.number, v!.plateNumber!));
    expect(plate!.status).toBe('issued');
    // By number too, and a second hand-over is the first one.
    expect((await issuanceApplication(database.db, deskA.grants[0]!, app!.number)).id).toBe(app!.id);
    await expect(
      issueDocuments(ctx(deskA), { id: app!.id, version: app!.version, presentedIin: PERSONA.buyerErlan, srtsBlankSerial: 'KZ0123456' }),
    ).resolves.toMatchObject({ status: 'issued' });
  });
});
