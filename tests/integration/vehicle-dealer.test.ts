// Vehicle registration, the seller part (order 000 steps 1–9) against the demo seed and the simulators: every
// failure branch, the VIN lock, split-signing's first signature, cancel, scope.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { outbox } from '@/db/schema/notifications';
import { pilotSettings } from '@/db/schema/reference';
import { vehicleApplications } from '@/db/schema/vehicle';
import { BIN, PERSONA, VIN } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { getRegistries, invalidateFaultCache, setFault, clearFaults } from '@/lib/registries';
import {
  cancelByDealer,
  dealerApplication,
  sellerCheck,
  sellerDocumentOf,
  setBuyer,
  signAsSeller,
  startRegistration,
} from '@/lib/vehicle-registration/dealer-service';
import { seededDatabase } from '@/tests/support/db';
import { actorFor } from '@/tests/support/factories';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const actorOf = (iin: string) => actorFor(database.db, iin);

const dealerGrant = (a: Actor) => a.grants.find((g) => g.role === 'dealer')!;
const ctxOf = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: dealerGrant(actor) });

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('steps 1–5: the organisation and the vehicle', () => {
  it('step 1 refuses an organisation without a vehicle-trade OKED', async () => {
    const run = await sellerCheck(database.db, getRegistries(database.db), BIN.bereke);
    expect(run).toMatchObject({ ok: false, code: 'vehicle_oked_not_allowed', lines: [{ step: 1, system: 'business', ok: false }] });
    const shop = await actorOf(PERSONA.dealerNoOked);
    await expect(startRegistration(ctxOf(shop), { vin: VIN.good3 })).rejects.toMatchObject({ code: 'vehicle_oked_not_allowed' });
  });

  it.each([
    [VIN.noPassport, 'vehicle_no_passport', 3],
    [VIN.noCustoms, 'vehicle_no_customs', 4],
    [VIN.noRecycling, 'vehicle_no_recycling', 5],
  ])('%s stops with %s at step %i, with the lines up to there, and creates nothing', async (vin, code, step) => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    const error = (await startRegistration(ctxOf(dealer), { vin }).catch((e: unknown) => e)) as {
      code: string;
      data: { checks: { step: number; ok: boolean }[] };
    };
    expect(error.code).toBe(code);
    expect(error.data.checks.at(-1)).toMatchObject({ step, ok: false });
    expect(error.data.checks.slice(0, -1).every((l) => l.ok)).toBe(true);
    expect(await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.vin, vin))).toEqual([]);
  });

  it('a registry outage stops the step without creating anything', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    await setFault(database.db, 'customs', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 60_000) });
    invalidateFaultCache();
    try {
      await expect(startRegistration(ctxOf(dealer), { vin: VIN.good2 })).rejects.toMatchObject({
        code: 'registry_unavailable',
        system: 'customs',
      });
    } finally {
      await clearFaults(database.db);
      invalidateFaultCache();
    }
    expect(await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.vin, VIN.good2))).toEqual([]);
  });

  it('outside the pilot (settings are data) the dealer is told the service is not available here', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    await database.db.update(pilotSettings).set({ enabled: false }).where(eq(pilotSettings.pilot, 'vehicle'));
    try {
      await expect(startRegistration(ctxOf(dealer), { vin: VIN.goodPorter })).rejects.toMatchObject({ code: 'vehicle_pilot_closed' });
    } finally {
      await database.db.update(pilotSettings).set({ enabled: true }).where(eq(pilotSettings.pilot, 'vehicle'));
    }
  });

  it('a VIN is held by one open application: two tabs starting it at once make one draft', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    const results = await Promise.allSettled([
      startRegistration(ctxOf(dealer), { vin: VIN.good3 }),
      startRegistration(ctxOf(dealer), { vin: VIN.good3 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'vehicle_vin_in_use' } });
  });

  it('a VIN already in the dealer’s own open application: the refusal names it (for the link); another dealer’s is not named', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    const held = results(await Promise.allSettled([startRegistration(ctxOf(dealer), { vin: VIN.good3 })]));
    expect(held.reason).toMatchObject({ code: 'vehicle_vin_in_use', data: { openApplicationId: expect.any(String) } });
    const other = await actorOf(PERSONA.dealerAlatau);
    const refused = results(await Promise.allSettled([startRegistration(ctxOf(other), { vin: VIN.good3 })]));
    expect(refused.reason).toMatchObject({ code: 'vehicle_vin_in_use' });
    expect((refused.reason as { data?: { openApplicationId?: string } }).data?.openApplicationId).toBeUndefined();
  });
});

describe('steps 6–9 and cancel', () => {
  it('step 7: an unknown buyer IIN is refused and the draft stays a draft; step 8: no contract is refused', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    const app = await startRegistration(ctxOf(dealer), { vin: VIN.noContract });
    await expect(setBuyer(ctxOf(dealer), { id: app.id, version: app.version, buyerIin: '900101300127' })).rejects.toMatchObject({
      code: 'vehicle_buyer_not_found',
    });
    await expect(setBuyer(ctxOf(dealer), { id: app.id, version: app.version, buyerIin: PERSONA.buyerErlan })).rejects.toMatchObject({
      code: 'vehicle_no_contract',
    });
    const [row] = await database.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row).toMatchObject({ status: 'draft', version: 1, applicantIin: null });
    const checks = await database.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id));
    expect(checks.filter((e) => e.type === 'check').map((e) => (e.data as { code: string }).code)).toContain('vehicle_no_contract');
  });

  it('the happy path to the buyer: checks pass, the dealer signs with the organisation key, the buyer is told once', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    const draft = await startRegistration(ctxOf(dealer), { vin: VIN.good1 });
    const ready = await setBuyer(ctxOf(dealer), { id: draft.id, version: draft.version, buyerIin: PERSONA.buyerErlan });
    expect(ready.status).toBe('awaiting_seller_signature');
    const app = await dealerApplication(database.db, dealerGrant(dealer), draft.id);
    const document = sellerDocumentOf(app);
    expect(document).toMatchObject({ vin: VIN.good1, buyer: { iin: PERSONA.buyerErlan }, seller: { bin: BIN.astanaMotors } });

    const person = { iin: dealer.iin, surname: dealer.surname, givenName: dealer.givenName };
    const personal = await pki.sign(person, document);
    await expect(signAsSeller(ctxOf(dealer), { id: app.id, version: app.version, cms: personal })).rejects.toMatchObject({
      code: 'signature_legal_certificate_required',
    });
    const otherBin = await pki.sign({ ...person, organisation: 'Алатау Авто', bin: BIN.alatauAvto }, document);
    await expect(signAsSeller(ctxOf(dealer), { id: app.id, version: app.version, cms: otherBin })).rejects.toMatchObject({
      code: 'signature_wrong_organisation',
    });

    const cms = await pki.sign({ ...person, organisation: 'Astana Motors', bin: BIN.astanaMotors }, document);
    const [signed, again] = await Promise.allSettled([
      signAsSeller(ctxOf(dealer), { id: app.id, version: app.version, cms }),
      signAsSeller(ctxOf(dealer), { id: app.id, version: app.version, cms }),
    ]);
    expect(signed.status === 'fulfilled' || again.status === 'fulfilled').toBe(true);
    const [row] = await database.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row).toMatchObject({ status: 'awaiting_buyer', applicantIin: PERSONA.buyerErlan, version: app.version + 1 });
    const offers = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `vehicle:${app.id}:offer`));
    expect(offers).toHaveLength(1);
    const [vehicle] = await database.db.select().from(vehicleApplications).where(eq(vehicleApplications.applicationId, app.id));
    expect(vehicle!.dealerSignatureId).not.toBeNull();
    expect(vehicle!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);

    // Another dealer cannot see it; the same dealer can cancel it until the buyer signs, which frees the VIN.
    const foreign = await actorOf(PERSONA.dealerAlatau);
    await expect(dealerApplication(database.db, dealerGrant(foreign), app.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(cancelByDealer(ctxOf(foreign), { id: app.id, version: row!.version })).rejects.toMatchObject({ code: 'not_found' });
    const cancelled = await cancelByDealer(ctxOf(dealer), { id: app.id, version: row!.version });
    expect(cancelled.status).toBe('cancelled_by_dealer');
    expect(
      await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, `vehicle:${app.id}:cancelled`)),
    ).toHaveLength(1);
    const restarted = await startRegistration(ctxOf(dealer), { vin: VIN.good1 });
    expect(restarted.status).toBe('draft');
  });

  it('a double cancel is one cancel, and a closed application takes no further steps', async () => {
    const dealer = await actorOf(PERSONA.dealerAstanaMotors);
    const draft = await startRegistration(ctxOf(dealer), { vin: VIN.deceasedBuyer });
    await expect(setBuyer(ctxOf(dealer), { id: draft.id, version: draft.version, buyerIin: PERSONA.deceasedPerson })).rejects.toMatchObject(
      { code: 'vehicle_buyer_not_found' },
    );
    await cancelByDealer(ctxOf(dealer), { id: draft.id, version: draft.version });
    await expect(cancelByDealer(ctxOf(dealer), { id: draft.id, version: draft.version })).resolves.toMatchObject({
      status: 'cancelled_by_dealer',
    });
    await expect(setBuyer(ctxOf(dealer), { id: draft.id, version: draft.version, buyerIin: PERSONA.buyerErlan })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
  });
});

function results([r]: PromiseSettledResult<unknown>[]) {
  if (r!.status !== 'rejected') throw new Error('expected a refusal');
  return r as PromiseRejectedResult;
}
