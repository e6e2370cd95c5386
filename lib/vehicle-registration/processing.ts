import 'server-only';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { applicationEvents, applications } from '@/db/schema/applications';
import { pilotSettings, platePool, serviceCentres } from '@/db/schema/reference';
import { signatures } from '@/db/schema/signatures';
import { vehicleApplications } from '@/db/schema/vehicle';
import { nextApplicationNumber, transition } from '@/lib/applications/core';
import { localYear } from '@/lib/calendar/local';
import { isDomainError } from '@/lib/errors';
import { notify } from '@/lib/outbox';
import type { Registries } from '@/lib/registries';
import { refundPaidFees } from './refunds';
import { loadVehicleApplication, type VehicleApplication } from './load';
import { vehicleMachine as machine, waitingForBuyer, type VehicleState } from './machine';
import { printOutcome, srtsPrintOrder } from './print-order';

/**
 * Step 19, run by the job worker after the buyer signs: a plate from the free pool of the pickup CON's region and
 * the chosen type, an SRTS number, the SRTS print order (order 000 p.6: the vehicle, the owner, the plate, the SRTS
 * number), and — once the IPC reports the SRTS printed — `ready_for_pickup` and the buyer's notice. The plate is
 * taken with FOR UPDATE SKIP LOCKED, so concurrent applications never get the same plate and never wait on each
 * other; an empty pool is a motivated refusal (with the fees refunded), not a crash. Running it twice does nothing
 * twice; running it again while the SRTS is printed is the poll (`printing` until the print order says `ready`).
 *
 * Three phases, so no transaction is open while the print system is asked (a slow or failing external call must
 * not hold row locks or a pooled connection): allocate (or refuse) → order the print (or ask how it goes) → record
 * the answer. A retry after a failure in the middle finds the plate already allocated and goes on from there.
 */
export async function processVehicleApplication(
  db: Db,
  registries: Registries,
  applicationId: string,
): Promise<'ready' | 'printing' | 'refused' | 'skipped'> {
  const allocated = await db.transaction(async (tx) => {
    const app = await lockProcessing(tx, applicationId);
    if (!app) return null;
    if (app.plateNumber && app.srtsNumber) return app; // a retry or a poll: allocated already
    const [centre] = await tx.select().from(serviceCentres).where(eq(serviceCentres.id, app.pickupCentreId!));
    const [plate] = await tx
      .select({ id: platePool.id, number: platePool.number })
      .from(platePool)
      .where(and(eq(platePool.regionCode, centre!.regionCode), eq(platePool.plateType, app.plateType!), eq(platePool.status, 'free')))
      .orderBy(asc(platePool.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!plate) {
      await refuse(tx, app, 'vehicle_no_free_plates', { region: centre!.regionCode });
      return 'refused' as const;
    }
    await tx.update(platePool).set({ status: 'reserved', applicationId: app.id, updatedAt: new Date() }).where(eq(platePool.id, plate.id));
    const srtsNumber = (await nextApplicationNumber(tx, 'vehicle', localYear())).replace(/^VR/, 'SR');
    await tx
      .update(vehicleApplications)
      .set({ plateNumber: plate.number, srtsNumber })
      .where(eq(vehicleApplications.applicationId, app.id));
    return { ...app, plateNumber: plate.number, srtsNumber };
  });
  if (!allocated) return 'skipped';
  if (allocated === 'refused') return 'refused';
  const print = srtsPrintOrder(allocated);
  if (!print) throw new Error('vehicle application without the data its SRTS prints');
  const order = await registries.production.orderSrts(print); // idempotent per SRTS number; answers its status
  const outcome = printOutcome(order.status);
  return db.transaction(async (tx) => {
    const app = await lockProcessing(tx, applicationId);
    if (!app) return 'skipped';
    if (app.srtsOrderId !== order.orderId) {
      await tx.update(vehicleApplications).set({ srtsOrderId: order.orderId }).where(eq(vehicleApplications.applicationId, app.id));
      await tx.insert(applicationEvents).values({ applicationId: app.id, type: 'srts_print_ordered', data: { order: order.orderId } });
      await tx
        .update(applications)
        .set({ updatedAt: sql`now()` })
        .where(eq(applications.id, app.id));
    }
    if (outcome === 'printing') return 'printing' as const;
    if (outcome === 'refused') {
      // The plate goes back to the pool: nothing was printed with it.
      await tx
        .update(platePool)
        .set({ status: 'free', applicationId: null, updatedAt: new Date() })
        .where(and(eq(platePool.number, app.plateNumber!), eq(platePool.applicationId, app.id)));
      await refuse(tx, app, 'vehicle_srts_print_refused', { order: order.orderId });
      return 'refused' as const;
    }
    await transition(tx, {
      id: app.id,
      expectedVersion: app.version,
      machine,
      event: 'processed',
      actor: null,
      grant: null,
      set: { decidedAt: new Date() },
      data: { plate: app.plateNumber, srts: app.srtsNumber },
    });
    await notify(tx, `vehicle:${app.id}:ready`, {
      recipientIin: app.buyerIin!,
      applicationId: app.id,
      kind: 'vehicle_ready',
      sms: true,
      params: { number: app.number, plate: app.plateNumber! },
    });
    return 'ready' as const;
  });
}

/** A motivated refusal at step 19: the fees refunded, the VIN released, the buyer told. */
async function refuse(tx: Tx, app: VehicleApplication, code: string, params: Record<string, unknown>) {
  await closeWithRefund(tx, app.id, app.number, app.buyerIin!, 'vehicle_refused', code);
  await tx
    .update(vehicleApplications)
    .set({ refusalCode: code, refusalParams: params, vinReleasedAt: new Date() })
    .where(eq(vehicleApplications.applicationId, app.id));
  await transition(tx, {
    id: app.id,
    expectedVersion: app.version,
    machine,
    event: 'processing_refused',
    actor: null,
    grant: null,
    set: { decidedAt: new Date() },
    data: { code },
  });
}

/** The application under its row lock, if it is (still) waiting for step 19. */
async function lockProcessing(tx: Tx, applicationId: string) {
  const [locked] = await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, applicationId)).for('update');
  const app = locked ? await loadVehicleApplication(tx, applicationId) : null;
  return app && app.status === 'processing' && app.pickupCentreId && app.plateType ? app : null;
}

/** A refusal after payment gives the money back: the refund is a record the payment system settles. */
async function closeWithRefund(
  tx: Tx,
  applicationId: string,
  number: string,
  buyerIin: string,
  kind: 'vehicle_refused' | 'vehicle_expired',
  code: string,
) {
  await refundPaidFees(tx, applicationId, code);
  await notify(tx, `vehicle:${applicationId}:${kind}`, { recipientIin: buyerIin, applicationId, kind, sms: true, params: { number } });
}

/** Applications whose step 19 has not run (a lost job kick) or whose SRTS is being printed: the sweep asks again. */
export async function pendingProcessing(db: Db, limit = 100) {
  return db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.pilot, 'vehicle'), eq(applications.status, 'processing')))
    .orderBy(asc(applications.updatedAt))
    .limit(limit);
}

/**
 * Reminders, then expiry, for buyers who do nothing (pilot settings: buyerReminderDays before, buyerExpiryDays
 * after the dealer's signature). Both parties are told when it expires; a paid fee is refunded.
 */
export async function sweepBuyerDeadlines(db: Db, now = new Date()) {
  const [settings] = await db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'vehicle'));
  const reminderMs = Number(settings?.params.buyerReminderDays ?? 3) * 86_400_000;
  const waiting = inArray(applications.status, [...waitingForBuyer]);
  const due = await db
    .select({
      id: applications.id,
      number: applications.number,
      version: applications.version,
      status: applications.status,
      buyerIin: vehicleApplications.buyerIin,
      expiresAt: vehicleApplications.expiresAt,
      remindedAt: vehicleApplications.remindedAt,
      dealerSignatureId: vehicleApplications.dealerSignatureId,
    })
    .from(applications)
    .innerJoin(vehicleApplications, eq(vehicleApplications.applicationId, applications.id))
    .where(and(eq(applications.pilot, 'vehicle'), waiting, lt(vehicleApplications.expiresAt, new Date(now.getTime() + reminderMs))))
    .limit(200);
  let expired = 0;
  let reminded = 0;
  for (const a of due) {
    if (a.expiresAt! <= now) {
      await db
        .transaction(async (tx) => {
          await tx.update(vehicleApplications).set({ vinReleasedAt: now }).where(eq(vehicleApplications.applicationId, a.id));
          await transition(tx, {
            id: a.id,
            expectedVersion: a.version,
            machine,
            event: 'expire',
            actor: null,
            grant: null,
            set: { decidedAt: now },
          });
          await closeWithRefund(tx, a.id, a.number, a.buyerIin!, 'vehicle_expired', 'vehicle_expired');
          const [dealer] = a.dealerSignatureId
            ? await tx.select({ iin: signatures.signerIin }).from(signatures).where(eq(signatures.id, a.dealerSignatureId))
            : [];
          if (dealer)
            await notify(tx, `vehicle:${a.id}:expired:dealer`, {
              recipientIin: dealer.iin,
              applicationId: a.id,
              kind: 'vehicle_expired_dealer',
              params: { number: a.number },
            });
        })
        .then(
          () => {
            expired++;
          },
          (e: unknown) => {
            // The buyer acted meanwhile (version changed): not expired; anything else is a real failure.
            if (!(isDomainError(e) && e.code === 'application_changed')) throw e;
          },
        );
    } else if (!a.remindedAt && machine.can(a.status as VehicleState, 'expire')) {
      await db.transaction(async (tx) => {
        const [claimed] = await tx
          .update(vehicleApplications)
          .set({ remindedAt: now })
          .where(and(eq(vehicleApplications.applicationId, a.id), isNull(vehicleApplications.remindedAt)))
          .returning({ id: vehicleApplications.applicationId });
        if (claimed) {
          await notify(tx, `vehicle:${a.id}:reminder`, {
            recipientIin: a.buyerIin!,
            applicationId: a.id,
            kind: 'vehicle_reminder',
            sms: true,
            params: { number: a.number, days: Math.max(1, Math.ceil((a.expiresAt!.getTime() - now.getTime()) / 86_400_000)) },
          });
          reminded++;
        }
      });
    }
  }
  return { expired, reminded };
}
