// Order 000 p.6 and step 19: the SRTS print order carries what the IPC prints (the vehicle, the owner, the plate, the
// SRTS number), and the application is ready for pickup when the print order reports printed — not when the order
// was accepted. The simulated printing house answers over time (a clock the test moves) or as its control sets it.
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { outbox } from '@/db/schema/notifications';
import { payments, refunds } from '@/db/schema/payments';
import { platePool, plateTypes, serviceCentres } from '@/db/schema/reference';
import { vehicleApplications } from '@/db/schema/vehicle';
import { CON, PERSONA } from '@/db/seed/personas-ids';
import { getRegistries, type Registries } from '@/lib/registries';
import { ProductionSimulator } from '@/lib/registries/production/simulator';
import { processVehicleApplication } from '@/lib/vehicle-registration/processing';
import { seededDatabase } from '@/tests/support/db';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let clock = new Date();
const PRINT_SECONDS = 600;
let printer: ProductionSimulator;
let registries: Registries;

const vehicle = {
  make: 'Hyundai',
  model: 'Tucson',
  year: 2025,
  category: 'M1',
  colourKk: 'ақ',
  colourRu: 'белый',
  engine: 'G4NA 2.0',
  bodyNumber: 'KMHJ381A5TU2P0001',
  massKg: 1650,
};
const nameRu = { surname: 'Сейтов', givenName: 'Ерлан', patronymic: 'Маратович' };
const nameKk = { surname: 'Сейтов', givenName: 'Ерлан', patronymic: 'Маратұлы' };

/** An application whose buyer has signed (step 18), fees paid, with one free plate of its own type waiting. */
async function signed(n: number) {
  const db = database.db;
  const [centre] = await db.select().from(serviceCentres).where(eq(serviceCentres.id, CON.astana1));
  const plateType = `print_${n}`;
  await db.insert(plateTypes).values({ code: plateType, nameKk: 'Тест', nameRu: 'Тест', feeCode: 'vehicle.plates' });
  await db.insert(platePool).values({ regionCode: centre!.regionCode, plateType, number: `${500 + n} PRT ${centre!.regionCode}` });
  const [app] = await db
    .insert(applications)
    .values({
      number: `VR-PRINT-${n}`,
      pilot: 'vehicle',
      status: 'processing',
      applicantIin: PERSONA.buyerErlan,
      serviceCentreId: centre!.id,
      regionCode: centre!.regionCode,
    })
    .returning();
  await db.insert(vehicleApplications).values({
    applicationId: app!.id,
    vin: `KMHJ381A5TU2P000${n}`,
    dealerBin: '000000000000',
    dealerNameKk: 'т',
    dealerNameRu: 'т',
    vehicle,
    buyerIin: PERSONA.buyerErlan,
    buyerNameKk: nameKk,
    buyerNameRu: nameRu,
    pickupCentreId: centre!.id,
    plateType,
  });
  await db.insert(payments).values({
    applicationId: app!.id,
    payerIin: PERSONA.buyerErlan,
    lines: [],
    amountTiyn: 100,
    status: 'paid',
    purposeKey: `vehicle:${app!.id}:fees`,
    gatewayInvoiceId: randomUUID(),
  });
  return app!;
}

const stateOf = async (id: string) => {
  const [row] = await database.db
    .select({ status: applications.status, v: vehicleApplications })
    .from(applications)
    .innerJoin(vehicleApplications, eq(vehicleApplications.applicationId, applications.id))
    .where(eq(applications.id, id));
  return row!;
};
const readyNotice = (id: string) =>
  database.db
    .select()
    .from(outbox)
    .where(eq(outbox.dedupeKey, `vehicle:${id}:ready`));

beforeAll(async () => {
  database = await seededDatabase();
  printer = new ProductionSimulator(database.db, { srtsSeconds: PRINT_SECONDS, now: () => clock });
  registries = { ...getRegistries(database.db), production: printer };
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('SRTS printing (order 000 p.6)', () => {
  it('the print order carries the vehicle, the owner, the plate and the SRTS number; accepted is not ready', async () => {
    clock = new Date();
    const app = await signed(1);
    expect(await processVehicleApplication(database.db, registries, app.id)).toBe('printing');
    const placed = await stateOf(app.id);
    expect(placed.status).toBe('processing');
    expect(placed.v.plateNumber).toBe('501 PRT 01');
    expect(placed.v.srtsOrderId).toMatch(/^SRTS-/);
    expect(await printer.status(placed.v.srtsOrderId!)).toMatchObject({ status: 'accepted', reference: placed.v.srtsNumber });
    expect(await printer.payloadOf(placed.v.srtsOrderId!)).toEqual({
      srtsNumber: placed.v.srtsNumber,
      plate: '501 PRT 01',
      vehicle: { vin: 'KMHJ381A5TU2P0001', ...vehicle },
      owner: { iin: PERSONA.buyerErlan, nameKk, nameRu },
    });
    expect(await readyNotice(app.id)).toEqual([]);
    const events = await database.db
      .select({ type: applicationEvents.type })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id))
      .orderBy(asc(applicationEvents.id));
    expect(events.map((e) => e.type)).toEqual(['srts_print_ordered']);

    // Half-way the IPC has it in production: still not ready, and asking again places no second order.
    clock = new Date(clock.getTime() + (PRINT_SECONDS / 2 + 10) * 1000);
    expect(await processVehicleApplication(database.db, registries, app.id)).toBe('printing');
    expect(await printer.status(placed.v.srtsOrderId!)).toMatchObject({ status: 'in_production' });
    expect((await stateOf(app.id)).v.srtsOrderId).toBe(placed.v.srtsOrderId);
    expect(await readyNotice(app.id)).toEqual([]);

    // Printed: now the application is ready for pickup and the buyer is told (once).
    clock = new Date(clock.getTime() + PRINT_SECONDS * 1000);
    expect(await processVehicleApplication(database.db, registries, app.id)).toBe('ready');
    expect((await stateOf(app.id)).status).toBe('ready_for_pickup');
    expect(await readyNotice(app.id)).toHaveLength(1);
    expect(await processVehicleApplication(database.db, registries, app.id)).toBe('skipped');
  });

  it('the poll follows the printing house’s own report, whatever the clock says', async () => {
    clock = new Date();
    const app = await signed(2);
    expect(await processVehicleApplication(database.db, registries, app.id)).toBe('printing');
    await printer.setStatus((await stateOf(app.id)).v.srtsOrderId!, 'ready');
    expect(await processVehicleApplication(database.db, registries, app.id)).toBe('ready');
    expect((await stateOf(app.id)).status).toBe('ready_for_pickup');
  });

  it('a refused print is a motivated refusal: fees refunded, the plate back in the pool, nothing to collect', async () => {
    clock = new Date();
    const app = await signed(3);
    expect(await processVehicleApplication(database.db, registries, app.id)).toBe('printing');
    const { v } = await stateOf(app.id);
    await printer.setStatus(v.srtsOrderId!, 'refused');
    expect(await processVehicleApplication(database.db, registries, app.id)).toBe('refused');
    const after = await stateOf(app.id);
    expect(after.status).toBe('refused');
    expect(after.v.refusalCode).toBe('vehicle_srts_print_refused');
    const [plate] = await database.db.select().from(platePool).where(eq(platePool.number, v.plateNumber!));
    expect(plate).toMatchObject({ status: 'free', applicationId: null });
    const refunded = await database.db
      .select()
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(and(eq(payments.applicationId, app.id)));
    expect(refunded).toHaveLength(1);
    expect(await readyNotice(app.id)).toEqual([]);
  });
});
