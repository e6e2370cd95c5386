import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { plateTypes, serviceCentres } from '@/db/schema/reference';
import { signatures } from '@/db/schema/signatures';
import { vehicleApplications } from '@/db/schema/vehicle';
import { recordChecks, transition } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { selectableCentre } from '@/lib/reference/pickup';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors';
import type { Fine } from '@/lib/registries/erap/port';
import { payAllFinesInSimulator } from '@/lib/registries/erap/simulator';
import { notify } from '@/lib/outbox';
import { localYear } from '@/lib/calendar/local';
import { paidPaymentOf, payForPurpose } from '@/lib/payments/purpose';
import { grantFor } from '@/lib/auth/scope';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { recordSignature } from '@/lib/signatures/service';
import { checkFines, recheckForBuyer } from './check-runs';
import { sellerDocumentOf } from './dealer-service';
import { buyerDocument } from './signed-documents';
import { assertEvent, buyerView, loadVehicleApplication, type VehicleApplication } from './load';
import { vehicleMachine as machine } from './machine';
import { plateTypeOffered, vehicleFeeCodes } from './plates';
import { feesPurpose } from './refunds';

/** Pages: the buyer's own application, once the dealer has signed it (step 10); anything else is not found. */
export async function buyerApplication(db: Db, actor: Actor, id: string): Promise<VehicleApplication> {
  const grant = grantFor(actor.grants, ['citizen']);
  if (!grant) throw new DomainError('not_found');
  return loadInScope({ db, actor, grant }, buyerView, id);
}

/** The signer of the dealer's signature: the employee told when the buyer declines or the application closes. */
async function dealerSigner(tx: DbOrTx, app: VehicleApplication) {
  if (!app.dealerSignatureId) return null;
  const [s] = await tx.select({ iin: signatures.signerIin }).from(signatures).where(eq(signatures.id, app.dealerSignatureId));
  return s?.iin ?? null;
}

/** What a second submit of "accept" finds: how many versions each outcome of steps 10–14 moved the application on. */
const acceptedVersions: Partial<Record<string, number>> = { buyer_filling: 1, refused: 2, awaiting_fines_payment: 2 };

/**
 * Step 10 "accept", then steps 11–13 again (the buyer's status, the e-passport and the contract may have changed
 * since the dealer's checks) and step 14. A "no" at 11–13 is a motivated refusal, addressed to the buyer, that
 * closes the application; unpaid fines keep it open until they are paid (`recheckFines`). An outage leaves it
 * waiting, so the buyer can accept again later.
 */
export async function acceptOffer(ctx: Ctx, input: { id: string; version: number }) {
  const app = await loadInScope(ctx, buyerView, input.id);
  if (app.version === input.version + (acceptedVersions[app.status] ?? Number.NaN)) return app; // double submit
  assertEvent(app, 'buyer_accepted');
  const recheck = await recheckForBuyer(ctx.registries, { bin: app.dealerBin, iin: ctx.actor.iin, vin: app.vin });
  const finesRun = recheck.ok ? await checkFines(ctx.registries, ctx.actor.iin) : null;
  const lines = [...recheck.lines, ...(finesRun?.lines ?? [])];
  const fines = finesRun && !finesRun.ok ? finesOf(finesRun.params) : null;
  return ctx.db.transaction(async (tx) => {
    await recordChecks(tx, app.id, ctx.actor, ctx.grant, lines);
    const accepted = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'buyer_accepted',
      actor: ctx.actor,
      grant: ctx.grant,
    });
    if (fines) return holdForFines(tx, app.id, accepted.version, fines);
    if (recheck.ok) return accepted;
    await tx
      .update(vehicleApplications)
      .set({ refusalCode: recheck.code, refusalParams: recheck.params ?? {}, vinReleasedAt: new Date() })
      .where(eq(vehicleApplications.applicationId, app.id));
    const refused = await transition(tx, {
      id: app.id,
      expectedVersion: accepted.version,
      machine,
      event: 'buyer_refused',
      actor: null,
      grant: null,
      set: { decidedAt: new Date() },
      data: { code: recheck.code },
    });
    const dealer = await dealerSigner(tx, app);
    if (dealer)
      await notify(tx, `vehicle:${app.id}:refused:dealer`, {
        recipientIin: dealer,
        applicationId: app.id,
        kind: 'vehicle_refused_dealer',
        params: { number: app.number },
      });
    return refused;
  });
}

const finesOf = (params: Record<string, unknown> | undefined) => (params?.fines ?? []) as Fine[];

/** Step 14 found unpaid fines: the application waits, open, with the list the buyer must pay (SPEC §3 step 14). */
async function holdForFines(tx: DbOrTx, id: string, version: number, fines: Fine[]) {
  await tx.update(vehicleApplications).set({ unpaidFines: fines }).where(eq(vehicleApplications.applicationId, id));
  return transition(tx, {
    id,
    expectedVersion: version,
    machine,
    event: 'fines_found',
    actor: null,
    grant: null,
    data: { fines: fines.length },
  });
}

/**
 * Step 14 again, "pay them and apply again": the buyer who has paid asks ERAP once more, on the same application
 * (same dealer signature, same expiry). Still unpaid → the list is refreshed and the buyer is told; none → on to
 * steps 15–16.
 */
export async function recheckFines(ctx: Ctx, input: { id: string; version: number }) {
  const app = await loadInScope(ctx, buyerView, input.id);
  if (app.status === 'buyer_filling' && app.version === input.version + 1) return app; // double submit
  assertEvent(app, 'fines_cleared');
  if (app.expiresAt && app.expiresAt <= new Date()) throw new DomainError('vehicle_expired');
  const run = await checkFines(ctx.registries, ctx.actor.iin);
  if (!run.ok) {
    const fines = finesOf(run.params);
    await ctx.db.transaction(async (tx) => {
      await recordChecks(tx, app.id, ctx.actor, ctx.grant, run.lines);
      await tx.update(vehicleApplications).set({ unpaidFines: fines }).where(eq(vehicleApplications.applicationId, app.id));
    });
    throw new DomainError('vehicle_fines_still_unpaid', { count: fines.length }, { checks: run.lines });
  }
  return ctx.db.transaction(async (tx) => {
    await recordChecks(tx, app.id, ctx.actor, ctx.grant, run.lines);
    await tx.update(vehicleApplications).set({ unpaidFines: null }).where(eq(vehicleApplications.applicationId, app.id));
    return transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'fines_cleared',
      actor: ctx.actor,
      grant: ctx.grant,
    });
  });
}

/** Demo mode: the buyer waiting at step 14 pays their fines in the ERAP simulator (their own fines only). */
export async function payFinesInSimulator(ctx: Ctx, input: { id: string }) {
  const app = await loadInScope(ctx, buyerView, input.id);
  if (app.status !== 'awaiting_fines_payment') throw new DomainError('illegal_transition');
  return payAllFinesInSimulator(ctx.db, ctx.actor.iin);
}

/** Step 10 "decline": the buyer says why, the dealer is told, the VIN is free again. */
export async function declineOffer(ctx: Ctx, input: { id: string; version: number; reason: string }) {
  const app = await loadInScope(ctx, buyerView, input.id);
  if (app.status === 'declined_by_buyer') return app;
  assertEvent(app, 'buyer_declined');
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(vehicleApplications)
      .set({ declineReason: input.reason, vinReleasedAt: new Date() })
      .where(eq(vehicleApplications.applicationId, app.id));
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'buyer_declined',
      actor: ctx.actor,
      grant: ctx.grant,
      set: { decidedAt: new Date() },
      data: { reason: input.reason },
    });
    const dealer = await dealerSigner(tx, app);
    if (dealer)
      await notify(tx, `vehicle:${app.id}:declined`, {
        recipientIin: dealer,
        applicationId: app.id,
        kind: 'vehicle_declined',
        params: { number: app.number },
      });
    return row;
  });
}

/**
 * Steps 15–16: the CON for pickup, the plate type (never a high-demand or stored one, order 000 point 2, nor a
 * legal entity's), and the phone: BMG's number when it has one, else the one the buyer typed.
 */
export async function saveDetails(ctx: Ctx, input: { id: string; version: number; centreId: number; plateType: string; phone?: string }) {
  const app = await loadInScope(ctx, buyerView, input.id);
  assertEvent(app, 'details_completed');
  // Issue 14: only an open CON of a pilot region, whatever the form posted.
  const centre = await selectableCentre(ctx.db, 'vehicle', input.centreId);
  if (!centre) throw new DomainError('vehicle_centre_unknown');
  const [plate] = await ctx.db.select().from(plateTypes).where(eq(plateTypes.code, input.plateType));
  if (!plate || !plateTypeOffered(plate, 'person')) throw new DomainError('vehicle_plate_type_not_offered');
  const bmg = await ctx.registries.bmg.findPhone(ctx.actor.iin);
  const phone = bmg ?? input.phone;
  if (!phone) throw new DomainError('vehicle_phone_required');
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(vehicleApplications)
      .set({ pickupCentreId: centre.id, plateType: plate.code, phone, phoneSource: bmg ? 'bmg' : 'buyer' })
      .where(eq(vehicleApplications.applicationId, app.id));
    await recordChecks(tx, app.id, ctx.actor, ctx.grant, [
      { step: 16, system: 'bmg', ok: !!bmg, code: bmg ? 'vehicle_bmg_found' : 'vehicle_bmg_missing' },
    ]);
    return transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'details_completed',
      actor: ctx.actor,
      grant: ctx.grant,
      set: { serviceCentreId: centre.id },
      data: { centre: centre.id, plateType: plate.code },
    });
  });
}

/** Back from the payment step to change the CON, plate type or phone (before paying only). */
export async function changeDetails(ctx: Ctx, input: { id: string; version: number }) {
  const app = await loadInScope(ctx, buyerView, input.id);
  assertEvent(app, 'details_changed');
  if (await paidPaymentOf(ctx.db, feesPurpose(app.id))) throw new DomainError('already_paid');
  return ctx.db.transaction((tx) =>
    transition(tx, { id: app.id, expectedVersion: input.version, machine, event: 'details_changed', actor: ctx.actor, grant: ctx.grant }),
  );
}

/** The fee codes of step 17: registration, SRTS, and the plate type's own fee. */
export async function feeCodesOf(db: DbOrTx, plateType: string) {
  const [plate] = await db.select({ feeCode: plateTypes.feeCode }).from(plateTypes).where(eq(plateTypes.code, plateType));
  return vehicleFeeCodes(plate?.feeCode);
}

/** Step 17: opens (or reopens) the gateway invoice; paying twice is impossible (one paid payment per purpose). */
export async function payFees(ctx: Ctx, input: { id: string; locale: 'kk' | 'ru' }) {
  const app = await loadInScope(ctx, buyerView, input.id);
  if (app.status !== 'awaiting_payment' || !app.plateType) throw new DomainError('illegal_transition');
  return payForPurpose(ctx.db, ctx.registries, {
    payerIin: ctx.actor.iin,
    applicationId: app.id,
    purposeKey: feesPurpose(app.id),
    feeCodes: await feeCodesOf(ctx.db, app.plateType),
    year: localYear(),
    descriptionKk: `${app.number}: көлік құралын тіркеу`,
    descriptionRu: `${app.number}: регистрация транспортного средства`,
    returnPath: `/${input.locale}/cabinet/vehicle/${app.id}`,
  });
}

/**
 * The payment callback's hook: a paid fee moves the application on to the buyer's signature (system event).
 * False when it no longer waits for the fee (cancelled, declined, refused, expired): the callback refunds it.
 */
export async function onFeesPaid(tx: DbOrTx, applicationId: string, paymentId: string): Promise<boolean> {
  const app = await loadVehicleApplication(tx, applicationId);
  if (!app || app.status !== 'awaiting_payment') return false;
  await transition(tx, {
    id: app.id,
    expectedVersion: app.version,
    machine,
    event: 'paid',
    actor: null,
    grant: null,
    data: { payment: paymentId },
  });
  return true;
}

/** The document of step 18, rebuilt from the stored application and the dealer's signature. */
export async function buyerDocumentOf(db: DbOrTx, app: VehicleApplication) {
  const [seller] = await db.select({ dataSha256: signatures.dataSha256 }).from(signatures).where(eq(signatures.id, app.dealerSignatureId!));
  const payment = await paidPaymentOf(db, feesPurpose(app.id));
  const [centre] = app.pickupCentreId ? await db.select().from(serviceCentres).where(eq(serviceCentres.id, app.pickupCentreId)) : [];
  if (!seller || !payment || !centre || !app.plateType || !app.phone) throw new DomainError('illegal_transition');
  return buyerDocument({
    seller: sellerDocumentOf(app),
    sellerDocumentSha256: seller.dataSha256,
    pickup: { centreId: centre.id, nameRu: centre.nameRu },
    plateType: app.plateType,
    phone: app.phone,
    paymentId: payment.id,
  });
}

/** Step 18: the buyer signs the whole application; step 19 then runs as a job (`processVehicleApplication`). */
export async function signAsBuyer(ctx: Ctx, input: { id: string; version: number; cms: string }) {
  const app = await loadInScope(ctx, buyerView, input.id);
  if (app.status === 'processing' && app.buyerSignatureId && app.version === input.version + 1) return app; // double submit
  assertEvent(app, 'buyer_signed');
  const document = await buyerDocumentOf(ctx.db, app);
  return ctx.db.transaction(async (tx) => {
    const signature = await recordSignature(tx, {
      applicationId: app.id,
      documentNumber: app.number,
      purpose: 'vehicle.buyer',
      document,
      cms: input.cms,
      party: { role: 'buyer', iin: ctx.actor.iin },
    });
    await tx.update(vehicleApplications).set({ buyerSignatureId: signature.id }).where(eq(vehicleApplications.applicationId, app.id));
    return transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'buyer_signed',
      actor: ctx.actor,
      grant: ctx.grant,
      data: { signature: signature.id, verifyCode: signature.verifyCode },
    });
  });
}
