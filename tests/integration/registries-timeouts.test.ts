// Registry calls have timeouts (issue 14): a system that does not answer in time is `registry_unavailable`, logged as
// an error (so the "failing for 10 minutes" rule sees it), never a hung request; an injected latency longer than the
// timeout never reaches the system. The timeout is configuration, per system.
import { desc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { registryCalls } from '@/db/schema/registry-ops';
import { registryTimeoutMs, parseConfig } from '@/lib/config';
import { callRegistry, clearFaults, isRegistryUnavailable, setFault } from '@/lib/registries';
import { RegistryTimeoutError } from '@/lib/registries/errors';
import { freshDatabase } from '@/tests/support/db';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
});
afterEach(async () => {
  await clearFaults(db);
});
afterAll(async () => {
  await database?.drop();
});

const lastOutcome = async () =>
  (await db.select().from(registryCalls).where(eq(registryCalls.system, 'zags')).orderBy(desc(registryCalls.id)).limit(1))[0]?.outcome;

describe('registry call timeouts', () => {
  it('a call that does not answer in time is registry_unavailable, logged as an error', async () => {
    const never = new Promise<never>(() => {});
    const error = await callRegistry({ db, timeoutMs: 150 }, 'zags', 'births', () => never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryTimeoutError);
    expect(isRegistryUnavailable(error)).toBe(true);
    expect((error as RegistryTimeoutError).code).toBe('registry_unavailable');
    expect(await lastOutcome()).toBe('error');
  });

  it('an injected latency beyond the timeout never reaches the system', async () => {
    await setFault(db, 'zags', { latencyMs: 5_000, errorRate: 0, outageSince: null });
    let reached = false;
    const error = await callRegistry({ db, timeoutMs: 150 }, 'zags', 'births', async () => {
      reached = true;
      return 1;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryTimeoutError);
    // Give the abandoned latency a moment: it must not go on to call the system.
    await new Promise((r) => setTimeout(r, 300));
    expect(reached).toBe(false);
  });

  it('a call within the timeout answers as before', async () => {
    expect(await callRegistry({ db, timeoutMs: 2_000 }, 'zags', 'births', async () => 42)).toBe(42);
    expect(await lastOutcome()).toBe('ok');
  });

  it('the timeout is configuration: a default and per-system overrides', () => {
    const c = parseConfig({ QYZMET_REGISTRY_TIMEOUT_MS: '8000', QYZMET_REGISTRY_TIMEOUTS: 'gbd_fl=3000, zags=15000' });
    expect(registryTimeoutMs('gbd_fl', c)).toBe(3000);
    expect(registryTimeoutMs('zags', c)).toBe(15000);
    expect(registryTimeoutMs('bmg', c)).toBe(8000);
    expect(registryTimeoutMs('bmg', parseConfig({}))).toBe(10_000);
    expect(() => parseConfig({ QYZMET_REGISTRY_TIMEOUTS: 'gbd_fl:3000' })).toThrow(/QYZMET_REGISTRY_TIMEOUTS/);
  });
});
