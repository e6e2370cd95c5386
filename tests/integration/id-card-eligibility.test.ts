// ID-card renewal, steps 1–7 of order 002 on the demo seed: each "go to a CON" branch with its reason, the happy
// start (one renewal per person), and point 12: an outage over 10 minutes sends the citizen to a CON.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { idCardApplications } from '@/db/schema/id-card';
import { PERSONA } from '@/db/seed/personas-ids';
import { startWithConsent } from '@/tests/support/id-card';
import { clearFaults, getRegistries, invalidateFaultCache, setFault } from '@/lib/registries';
import { seededDatabase } from '@/tests/support/db';
import { actorFor } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof seededDatabase>>;

const actorOf = (iin: string) => actorFor(database.db, iin);
const start = async (iin: string) => {
  const actor = await actorOf(iin);
  return startWithConsent({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });
};

beforeAll(async () => {
  database = await seededDatabase();
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('steps 1–7: who may renew online', () => {
  it.each([
    [PERSONA.idCardTooEarly, 'id_card_too_early', 7],
    [PERSONA.idCardTooLate, 'id_card_too_late', 7],
    [PERSONA.idCardNameChange, 'id_card_civil_change', 5],
    [PERSONA.idCardNoRegistration, 'id_card_no_registration', 6],
    [PERSONA.idCardIncapable, 'id_card_incapable', 4],
    [PERSONA.idCardLivenessFail, 'id_card_liveness_failed', 3],
  ])('%s → go to a CON: %s at step %i, nothing created', async (iin, reason, step) => {
    const error = (await start(iin).catch((e: unknown) => e)) as { code: string; data: { checks: { step: number; ok: boolean }[] } };
    expect(error.code).toBe(reason);
    expect(error.data.checks.at(-1)).toMatchObject({ step, ok: false });
    expect(error.data.checks[0]).toMatchObject({ step: 1, ok: true }); // consent came first
    expect(await database.db.select().from(idCardApplications).where(eq(idCardApplications.iin, iin))).toEqual([]);
  });

  it('an eligible person gets one draft with the checks on its timeline; starting again finds the same one', async () => {
    const first = await start(PERSONA.citizenAigerim);
    expect(first.existed).toBe(false);
    const events = await database.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, first.applicationId));
    expect(events.filter((e) => e.type === 'check').map((e) => (e.data as { step: number }).step)).toEqual([1, 2, 2, 3, 4, 5, 6, 7]);
    expect(await start(PERSONA.citizenAigerim)).toEqual({ applicationId: first.applicationId, existed: true });
    const consents = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'consent.granted'));
    expect(consents.some((c) => c.subjectIin === PERSONA.citizenAigerim)).toBe(true);
  });
});

describe('point 12: outages', () => {
  it('a short outage is "try again"; over 10 minutes the citizen is sent to a CON', async () => {
    try {
      await setFault(database.db, 'digital_id', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 2 * 60_000) });
      await expect(start(PERSONA.idCardExempt)).rejects.toMatchObject({ code: 'registry_unavailable', system: 'digital_id' });
      await setFault(database.db, 'digital_id', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 11 * 60_000) });
      await expect(start(PERSONA.idCardExempt)).rejects.toMatchObject({ code: 'id_card_outage_go_to_con' });
    } finally {
      await clearFaults(database.db);
      invalidateFaultCache();
    }
    expect((await start(PERSONA.idCardExempt)).existed).toBe(false);
  });

  it('BMG down for over 10 minutes at step 2 sends the citizen to a CON, like Digital-ID', async () => {
    try {
      await setFault(database.db, 'bmg', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 11 * 60_000) });
      await expect(start(PERSONA.idCardExpired3)).rejects.toMatchObject({ code: 'id_card_outage_go_to_con', params: { system: 'bmg' } });
    } finally {
      await clearFaults(database.db);
      invalidateFaultCache();
    }
  });

  it('GBD FL is not in point 12’s list: however long it is down, the citizen is told to try again', async () => {
    try {
      await setFault(database.db, 'gbd_fl', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 60 * 60_000) });
      await expect(start(PERSONA.idCardExpired3)).rejects.toMatchObject({ code: 'registry_unavailable', system: 'gbd_fl' });
    } finally {
      await clearFaults(database.db);
      invalidateFaultCache();
    }
  });
});
