// The application core of SPEC §2.2: numbers per pilot and year, and compare-and-set transitions.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { createApplication, nextApplicationNumber, transition } from '@/lib/applications/core';
import { defineMachine } from '@/lib/applications/machine';
import { freshDatabase } from '@/tests/support/db';
import { uniqueIin } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.drop();
});

// The races below are about the version, so the machine lets the system fire both events.
const machine = defineMachine<'submitted' | 'approved' | 'annulled', 'approve' | 'annul', 'system'>({
  initial: 'submitted',
  transitions: { submitted: { approve: 'approved', annul: 'annulled' } },
  actorOf: { approve: 'system', annul: 'system' },
  parties: { system: null },
});

describe('application numbers', () => {
  it('are dense per pilot and year, and unique under concurrency', async () => {
    const { db } = database;
    const numbers = await Promise.all(Array.from({ length: 20 }, () => db.transaction((tx) => nextApplicationNumber(tx, 'id_card', 2026))));
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.sort()[0]).toBe('ID-2026-000001');
    expect(numbers.sort()[19]).toBe('ID-2026-000020');
    expect(await db.transaction((tx) => nextApplicationNumber(tx, 'vehicle', 2026))).toBe('VR-2026-000001');
    expect(await db.transaction((tx) => nextApplicationNumber(tx, 'id_card', 2027))).toBe('ID-2027-000001');
  });
});

describe('transitions', () => {
  async function newApp() {
    return database.db.transaction((tx) =>
      createApplication(tx, { pilot: 'id_card', status: 'submitted', applicantIin: uniqueIin(), regionCode: '10', year: 2026 }, null, null),
    );
  }

  it('of two reviewers deciding at once, exactly one wins', async () => {
    const { db } = database;
    const app = await newApp();
    const results = await Promise.allSettled([
      db.transaction((tx) =>
        transition(tx, { id: app.id, expectedVersion: app.version, machine, event: 'approve', actor: null, grant: null }),
      ),
      db.transaction((tx) =>
        transition(tx, { id: app.id, expectedVersion: app.version, machine, event: 'annul', actor: null, grant: null }),
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: 'application_changed' });
    const [row] = await db.select().from(applications).where(eq(applications.id, app.id));
    expect(row!.version).toBe(app.version + 1);
    expect(await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id))).toHaveLength(2); // created + one decision
  });

  it('an illegal transition is an error and changes nothing', async () => {
    const { db } = database;
    const app = await newApp();
    await db.transaction((tx) => transition(tx, { id: app.id, expectedVersion: 1, machine, event: 'approve', actor: null, grant: null }));
    await expect(
      db.transaction((tx) => transition(tx, { id: app.id, expectedVersion: 2, machine, event: 'annul', actor: null, grant: null })),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    const [row] = await db.select().from(applications).where(eq(applications.id, app.id));
    expect(row!.status).toBe('approved');
    expect(row!.version).toBe(2);
  });

  it('a stale double submit is refused as application_changed', async () => {
    const { db } = database;
    const app = await newApp();
    await db.transaction((tx) => transition(tx, { id: app.id, expectedVersion: 1, machine, event: 'approve', actor: null, grant: null }));
    await expect(
      db.transaction((tx) => transition(tx, { id: app.id, expectedVersion: 1, machine, event: 'approve', actor: null, grant: null })),
    ).rejects.toMatchObject({ code: 'application_changed' });
    expect((await db.select().from(auditEvents).where(eq(auditEvents.applicationId, app.id))).map((a) => a.action)).toEqual([
      'id_card.created',
      'application.approve',
    ]);
  });
});
