// Issue 17: /api/health (database, job workers, registry faults, the audit anchor only when a provider exists) and
// /api/health/ready, which fails while a migration the code ships is not applied (drizzle's own table).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthChecks, markWorkersStarted, setAnchorAgeProvider } from '@/lib/ops/health';
import { clearFaults, invalidateFaultCache, setFault } from '@/lib/registries';
import { seededDatabase } from '@/tests/support/db';

let database: Awaited<ReturnType<typeof seededDatabase>>;

beforeAll(async () => {
  database = await seededDatabase();
}, 120_000);
afterAll(async () => {
  setAnchorAgeProvider(undefined);
  await database.drop();
});

const get = async (path: 'health' | 'ready') => {
  const route = path === 'health' ? await import('@/app/api/health/route') : await import('@/app/api/health/ready/route');
  const res = await route.GET();
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, unknown> } };
};

describe('health and readiness (issue 17)', () => {
  it('a migrated database is ready; no job worker ever ran here, so liveness is 503', async () => {
    expect(await get('ready')).toMatchObject({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', migrations: { state: 'ok', pending: 0 } } },
    });
    const health = await get('health');
    expect(health.status).toBe(503);
    expect(health.body.checks.workers).toBe('down');
  });

  it('with workers started: 200 ok; a registry fault makes it degraded (still 200) and names only the system', async () => {
    markWorkersStarted();
    expect(await get('health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    await setFault(database.db, 'gbd_fl', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 60_000) });
    const health = await get('health');
    expect(health).toMatchObject({ status: 200, body: { status: 'degraded', checks: { registryFaults: ['gbd_fl'] } } });
    expect(health.body.checks).not.toHaveProperty('auditAnchor');
    await clearFaults(database.db);
    invalidateFaultCache();
  });

  it('the audit anchor shows only with a provider: an old anchor degrades, a fresh one does not', async () => {
    setAnchorAgeProvider(async () => 30 * 60);
    expect(await get('health')).toMatchObject({
      status: 200,
      body: { status: 'degraded', checks: { auditAnchor: { state: 'stale', ageMinutes: 1800 } } },
    });
    expect((await healthChecks(database.db, { anchorAge: async () => 5 })).auditAnchor).toEqual({ state: 'ok', ageMinutes: 5 });
    setAnchorAgeProvider(undefined);
  });

  it('readiness is 503 while a migration is pending', async () => {
    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
    expect(await get('ready')).toMatchObject({
      status: 503,
      body: { status: 'not_ready', checks: { migrations: { state: 'stale', pending: 1 } } },
    });
  });
});
