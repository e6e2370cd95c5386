import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { registryCalls, registryFaults, registrySystems, type RegistrySystem } from '@/db/schema/registry-ops';

/** What an admin sets per system (SPEC §2.1). Bounds keep a typo from hanging every request. */
export const faultInputSchema = z.object({
  latencyMs: z.number().int().min(0).max(60_000),
  errorRate: z.number().min(0).max(1),
  outageSince: z.date().nullable(),
});
export type FaultInput = z.infer<typeof faultInputSchema>;
export type SystemFault = FaultInput & { system: RegistrySystem; updatedAt: Date | null };

const noFault = (system: RegistrySystem): SystemFault => ({ system, latencyMs: 0, errorRate: 0, outageSince: null, updatedAt: null });

/** Every system, in registrySystems order; a system without a row has no fault. */
export async function getFaults(db: DbOrTx): Promise<SystemFault[]> {
  const rows = await db.select().from(registryFaults);
  const bySystem = new Map(rows.map((r) => [r.system, r]));
  return registrySystems.map((s) => bySystem.get(s) ?? noFault(s));
}

export async function setFault(db: DbOrTx, system: RegistrySystem, input: FaultInput): Promise<void> {
  const fault = faultInputSchema.parse(input);
  await db
    .insert(registryFaults)
    .values({ system, ...fault, updatedAt: new Date() })
    .onConflictDoUpdate({ target: registryFaults.system, set: { ...fault, updatedAt: new Date() } });
  invalidateFaultCache(); // this process sees the change at once; others within the cache TTL
}

export async function clearFaults(db: DbOrTx): Promise<void> {
  await db.delete(registryFaults);
  invalidateFaultCache();
}

// Faults are read on every registry call; one query for all systems every ~2 s instead of one per call.
const FAULT_CACHE_TTL_MS = 2_000;
let cache: { loadedAt: number; faults: Promise<Map<RegistrySystem, SystemFault>> } | null = null;

export function invalidateFaultCache(): void {
  cache = null;
}

export async function cachedFault(db: DbOrTx, system: RegistrySystem): Promise<SystemFault> {
  const now = Date.now();
  if (!cache || now - cache.loadedAt > FAULT_CACHE_TTL_MS) {
    const faults = getFaults(db).then((list) => new Map(list.map((f) => [f.system, f])));
    const entry = { loadedAt: now, faults };
    cache = entry;
    // A failed load must not be served from the cache until the TTL runs out.
    faults.catch(() => {
      if (cache === entry) cache = null;
    });
  }
  return (await cache.faults).get(system) ?? noFault(system);
}

/**
 * SPEC §5: "a technical failure lasting more than N minutes". True when an outage was declared at
 * least N minutes ago, or when the system has failed every call since its last answer, that failing
 * streak began at least N minutes ago and it is still failing (a failure within the last N minutes).
 * `not_found` counts as an answer: the system was up.
 */
export async function hasBeenFailingFor(db: DbOrTx, system: RegistrySystem, minutes: number, now: Date = new Date()): Promise<boolean> {
  const cutoff = new Date(now.getTime() - minutes * 60_000);
  const [fault] = await db
    .select({ outageSince: registryFaults.outageSince })
    .from(registryFaults)
    .where(eq(registryFaults.system, system));
  if (fault?.outageSince && fault.outageSince <= cutoff) return true;

  // Raw timestamps go in as ISO strings: drizzle's postgres-js driver does not serialize Date in sql``.
  const nowIso = now.toISOString();
  const cutoffIso = cutoff.toISOString();
  const lastAnswer = sql`(select max(at) from ${registryCalls} where system = ${system}
    and at <= ${nowIso}::timestamptz and outcome in ('ok', 'not_found'))`;
  const [row] = await db
    .select({
      failing: sql<boolean | null>`min(${registryCalls.at}) <= ${cutoffIso}::timestamptz
      and max(${registryCalls.at}) >= ${cutoffIso}::timestamptz`,
    })
    .from(registryCalls)
    .where(
      and(
        eq(registryCalls.system, system),
        lte(registryCalls.at, now),
        inArray(registryCalls.outcome, ['error', 'outage']),
        sql`${registryCalls.at} > coalesce(${lastAnswer}, '-infinity'::timestamptz)`,
      ),
    );
  return row?.failing === true;
}
