import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { domesticManufacturers, okedAllowed, pilotSettings } from '@/db/schema/reference';
import { vehicleApplications } from '@/db/schema/vehicle';
import { valueOrThrow } from '@/lib/applications/check-run';
import { createApplication, recordChecks, transition } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import type { Actor, Grant } from '@/lib/auth/actor';
import { toLocalDate } from '@/lib/calendar/deadline';
import { localYear } from '@/lib/calendar/local';
import { DomainError } from '@/lib/errors';
import { notify } from '@/lib/outbox';
import { pilotOpen } from '@/lib/reference/queries';
import type { Registries } from '@/lib/registries';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { recordSignature } from '@/lib/signatures/service';
import { checkBuyerAndContract, checkSeller, checkVehicle } from './check-runs';
import { sellerDocument } from './signed-documents';
import { vehicleMachine as machine } from './machine';
import { assertEvent, dealerView, type VehicleApplication } from './load';
import { refundPaidFees } from './refunds';

/** SPEC §2.7: the pilot runs only in its regions and dates. */
export async function assertPilotOpen(db: DbOrTx, regionCode: string) {
  const [s] = await db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'vehicle'));
  if (!pilotOpen(s, toLocalDate(new Date())) || !s!.regionCodes.includes(regionCode)) throw new DomainError('vehicle_pilot_closed');
  return s!;
}

/** Step 1 on its own, for the "new registration" page: may this organisation use the service at all? */
export async function sellerCheck(db: Db, registries: Registries, bin: string) {
  const allowed = (await db.select({ code: okedAllowed.code }).from(okedAllowed)).map((r) => r.code);
  return checkSeller(registries, bin, allowed);
}

/**
 * Steps 1–5: the organisation, then the VIN's e-passport (made in Kazakhstan, p.1), customs and recycling fee. Only when all pass is a
 * draft created (nothing half-made on a "no" or an outage); a VIN already in an open application is refused.
 */
export async function startRegistration(ctx: Ctx, input: { vin: string }) {
  const bin = ctx.grant.dealerBin!;
  const seller = await sellerCheck(ctx.db, ctx.registries, bin);
  const business = valueOrThrow(seller);
  await assertPilotOpen(ctx.db, business.regionCode);
  const [open] = await ctx.db
    .select({ id: vehicleApplications.applicationId, dealerBin: vehicleApplications.dealerBin })
    .from(vehicleApplications)
    .where(and(eq(vehicleApplications.vin, input.vin), sql`${vehicleApplications.vinReleasedAt} is null`));
  // The dealer's own open application is linked from the message; another dealer's is not named (scope).
  if (open)
    throw new DomainError(
      'vehicle_vin_in_use',
      {},
      { checks: seller.lines, ...(open.dealerBin === bin ? { openApplicationId: open.id } : {}) },
    );
  const domestic = (await ctx.db.select({ bin: domesticManufacturers.bin }).from(domesticManufacturers)).map((r) => r.bin);
  const vehicleRun = await checkVehicle(ctx.registries, input.vin, domestic);
  if (!vehicleRun.ok) throw new DomainError(vehicleRun.code, {}, { checks: [...seller.lines, ...vehicleRun.lines] });
  const { vehicle, customsDeclaration } = vehicleRun.value;
  try {
    return await ctx.db.transaction(async (tx) => {
      const app = await createApplication(
        tx,
        {
          pilot: 'vehicle',
          status: machine.initial,
          applicantIin: null,
          applicantUserId: null,
          regionCode: business.regionCode,
          dealerBin: bin,
          year: localYear(),
        },
        ctx.actor,
        ctx.grant,
      );
      await tx.insert(vehicleApplications).values({
        applicationId: app.id,
        vin: input.vin,
        dealerBin: bin,
        dealerNameKk: business.nameKk,
        dealerNameRu: business.nameRu,
        vehicle,
        customsDeclaration,
      });
      await recordChecks(tx, app.id, ctx.actor, ctx.grant, [...seller.lines, ...vehicleRun.lines]);
      return app;
    });
  } catch (e) {
    // Two tabs with the same VIN: the partial unique index lets exactly one draft hold it.
    if (e && typeof e === 'object' && 'cause' in e && (e.cause as { code?: string })?.code === '23505')
      throw new DomainError('vehicle_vin_in_use');
    throw e;
  }
}

/** Pages: the dealer's own application, in their BIN's scope, or not found (no leak of other dealers' numbers). */
export async function dealerApplication(
  db: Db,
  grant: Grant,
  id: string,
  actor: Pick<Actor, 'userId' | 'iin'> | null = null,
): Promise<VehicleApplication> {
  return loadInScope({ db, actor, grant }, dealerView, id);
}

/** Steps 6–8: the buyer's IIN, GBD FL, and the sale contract for this BIN + IIN + VIN; then it awaits the signature. */
export async function setBuyer(ctx: Ctx, input: { id: string; version: number; buyerIin: string }) {
  const app = await loadInScope(ctx, dealerView, input.id);
  assertEvent(app, 'checks_passed');
  const run = await checkBuyerAndContract(ctx.registries, { bin: app.dealerBin, iin: input.buyerIin, vin: app.vin });
  if (!run.ok) {
    await ctx.db.transaction((tx) => recordChecks(tx, app.id, ctx.actor, ctx.grant, run.lines));
    // Step 7's "check the buyer's IIN" is about the field: it stays editable with the message beside it.
    throw new DomainError(run.code, {}, { checks: run.lines });
  }
  const { person, contract } = run.value;
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(vehicleApplications)
      .set({ buyerIin: input.buyerIin, buyerNameKk: person.names.kk, buyerNameRu: person.names.ru, contract })
      .where(eq(vehicleApplications.applicationId, app.id));
    await recordChecks(tx, app.id, ctx.actor, ctx.grant, run.lines);
    return transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'checks_passed',
      actor: ctx.actor,
      grant: ctx.grant,
    });
  });
}

/** Back from "check your answers" to change the buyer. */
export async function reopenDraft(ctx: Ctx, input: { id: string; version: number }) {
  const app = await loadInScope(ctx, dealerView, input.id);
  assertEvent(app, 'reopen');
  return ctx.db.transaction((tx) =>
    transition(tx, { id: app.id, expectedVersion: input.version, machine, event: 'reopen', actor: ctx.actor, grant: ctx.grant }),
  );
}

/** The document of step 9, rebuilt from the stored application (the page shows it, the server verifies over it). */
export function sellerDocumentOf(app: VehicleApplication) {
  if (!app.vehicle || !app.contract || !app.buyerIin || !app.buyerNameRu) throw new DomainError('illegal_transition');
  return sellerDocument({
    number: app.number,
    vin: app.vin,
    dealer: { bin: app.dealerBin, nameRu: app.dealerNameRu },
    vehicle: app.vehicle,
    customsDeclaration: app.customsDeclaration,
    contract: app.contract,
    buyer: { iin: app.buyerIin, name: app.buyerNameRu },
  });
}

/**
 * Step 9: the dealer employee signs with a legal-entity certificate of this BIN; the application goes to the
 * buyer, who is told in the cabinet and by SMS (step 10). A second submit of the same signature is a no-op.
 */
export async function signAsSeller(ctx: Ctx, input: { id: string; version: number; cms: string }) {
  const app = await loadInScope(ctx, dealerView, input.id);
  if (app.status === 'awaiting_buyer' && app.version === input.version + 1 && app.dealerSignatureId) return app; // double submit
  assertEvent(app, 'seller_signed');
  const settings = await assertPilotOpen(ctx.db, app.regionCode!);
  const expiryDays = Number(settings.params.buyerExpiryDays ?? 10);
  return ctx.db.transaction(async (tx) => {
    const signature = await recordSignature(tx, {
      applicationId: app.id,
      documentNumber: app.number,
      purpose: 'vehicle.seller',
      document: sellerDocumentOf(app),
      cms: input.cms,
      party: { role: 'dealer', iin: ctx.actor.iin, bin: app.dealerBin },
    });
    const expiresAt = new Date(Date.now() + expiryDays * 86_400_000);
    await tx
      .update(vehicleApplications)
      .set({ dealerSignatureId: signature.id, expiresAt })
      .where(eq(vehicleApplications.applicationId, app.id));
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'seller_signed',
      actor: ctx.actor,
      grant: ctx.grant,
      set: { applicantIin: app.buyerIin, submittedAt: new Date() },
      data: { signature: signature.id, verifyCode: signature.verifyCode },
    });
    await notify(tx, `vehicle:${app.id}:offer`, {
      recipientIin: app.buyerIin!,
      applicationId: app.id,
      kind: 'vehicle_offer',
      sms: true,
      // Issue 15: the offer states the buyer's days to accept and the last moment (Astana time).
      params: {
        number: app.number,
        dealerKk: app.dealerNameKk,
        dealerRu: app.dealerNameRu,
        vin: app.vin,
        days: expiryDays,
        untilAt: expiresAt.toISOString(),
      },
    });
    return row;
  });
}

/** The dealer cancels until the buyer signs; the VIN is free again, a paid fee is refunded, and a buyer who was told is told again. */
export async function cancelByDealer(ctx: Ctx, input: { id: string; version: number }) {
  const app = await loadInScope(ctx, dealerView, input.id);
  if (app.status === 'cancelled_by_dealer') return app; // double submit
  assertEvent(app, 'cancel');
  return ctx.db.transaction(async (tx) => {
    await tx.update(vehicleApplications).set({ vinReleasedAt: new Date() }).where(eq(vehicleApplications.applicationId, app.id));
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'cancel',
      actor: ctx.actor,
      grant: ctx.grant,
    });
    await refundPaidFees(tx, app.id, 'cancelled_by_dealer');
    if (app.dealerSignatureId && app.buyerIin) {
      await notify(tx, `vehicle:${app.id}:cancelled`, {
        recipientIin: app.buyerIin,
        applicationId: app.id,
        kind: 'vehicle_cancelled',
        sms: true,
        params: { number: app.number, dealerKk: app.dealerNameKk, dealerRu: app.dealerNameRu },
      });
    }
    return row;
  });
}
