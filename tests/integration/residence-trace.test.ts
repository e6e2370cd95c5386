// Order 003, order p.6: the pilot runs only within its dates (pilot_settings row `residence`, admin data). Outside
// them, or switched off, neither the online service nor the CON starts an application, and says so; inside them it does.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { pilotSettings } from '@/db/schema/reference';
import { CADASTRE, PERSONA, STAFF } from '@/db/seed/personas-ids';
import { addDays, toLocalDate } from '@/lib/calendar/deadline';
import { DomainError } from '@/lib/errors';
import { getRegistries } from '@/lib/registries';
import { startResidence } from '@/lib/residence/citizen-service';
import { issueResidenceTicket } from '@/lib/residence/con-service';
import { seededDatabase } from '@/tests/support/db';
import { actorFor } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof seededDatabase>>;
const db = () => database.db;

beforeAll(async () => {
  database = await seededDatabase();
}, 120_000);
afterAll(async () => {
  await database.drop();
});

async function setPilot(values: Partial<typeof pilotSettings.$inferInsert>) {
  await db().update(pilotSettings).set(values).where(eq(pilotSettings.pilot, 'residence'));
}

async function start(iin: string) {
  const actor = await actorFor(db(), iin);
  return startResidence({ db: db(), registries: getRegistries(db()), actor, grant: actor.grants[0]! }, { kind: 'permanent', locale: 'kk' });
}

const mine = async (iin: string) =>
  (await db().select({ id: applications.id }).from(applications).where(eq(applications.applicantIin, iin))).length;

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('order p.6: the pilot period', () => {
  it('after its last day, before its first, or switched off: residence_pilot_closed, nothing created', async () => {
    const today = toLocalDate(new Date());
    const before = await mine(PERSONA.ownerAsel);
    await setPilot({ startsOn: addDays(today, -400), endsOn: addDays(today, -1), enabled: true });
    expect(await code(start(PERSONA.ownerAsel))).toBe('residence_pilot_closed');
    await setPilot({ startsOn: addDays(today, 1), endsOn: addDays(today, 400) });
    expect(await code(start(PERSONA.ownerAsel))).toBe('residence_pilot_closed');
    await setPilot({ startsOn: addDays(today, -1), endsOn: addDays(today, 1), enabled: false });
    expect(await code(start(PERSONA.ownerAsel))).toBe('residence_pilot_closed');
    expect(await mine(PERSONA.ownerAsel)).toBe(before);
  });

  it('on its first and on its last day the application starts', async () => {
    const today = toLocalDate(new Date());
    await setPilot({ startsOn: today, endsOn: addDays(today, 30), enabled: true });
    expect((await start(PERSONA.ownerAsel)).applicationId).toBeTruthy();
    await setPilot({ startsOn: addDays(today, -30), endsOn: today });
    expect((await start(PERSONA.ownerOleg)).applicationId).toBeTruthy();
  });

  it('the CON path too: reception gives no operating-hall ticket outside the dates, and does inside them', async () => {
    const today = toLocalDate(new Date());
    const reception = await actorFor(db(), STAFF.conReceptionAstana);
    const grant = reception.grants.find((g) => g.role === 'con_reception')!;
    const c = { db: db(), registries: getRegistries(db()), actor: reception, grant };
    await setPilot({ startsOn: addDays(today, -400), endsOn: addDays(today, -1), enabled: true });
    expect(await code(issueResidenceTicket(c, { cadastralNumber: CADASTRE.astanaFlatD }))).toBe('residence_pilot_closed');
    await setPilot({ startsOn: addDays(today, -1), endsOn: addDays(today, 30) });
    expect(await code(issueResidenceTicket(c, { cadastralNumber: CADASTRE.astanaFlatD }))).toBe('ok');
  });
});
