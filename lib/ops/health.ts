import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import journal from '@/db/migrations/meta/_journal.json';
import { getFaults } from '@/lib/registries';
import { anchorState, pendingMigrations, workersState, type CheckState, type HealthChecks } from './health-rules';

/**
 * The audit anchor's age in minutes (null = none yet), when the audit module anchors its chain: the lead wires
 * lib/audit's `latestAnchor()` in here. Without a provider the health answer has no `auditAnchor` field at all.
 */
export type AnchorAgeProvider = () => Promise<number | null>;

const g = globalThis as unknown as { qyzmetWorkersStartedAt?: Date; qyzmetAnchorAge?: AnchorAgeProvider };

/** lib/jobs/workers.ts calls this once its handlers are registered. */
export function markWorkersStarted(at = new Date()) {
  g.qyzmetWorkersStartedAt = at;
}

/** Where the lead plugs the audit anchor's age in (once lib/audit exports `latestAnchor()`). */
export function setAnchorAgeProvider(provider: AnchorAgeProvider | undefined) {
  g.qyzmetAnchorAge = provider;
}
export const anchorAgeProvider = (): AnchorAgeProvider | undefined => g.qyzmetAnchorAge;

async function database(db: DbOrTx): Promise<CheckState> {
  try {
    await db.execute(sql`select 1`);
    return 'ok';
  } catch {
    return 'down';
  }
}

/** The last job any worker finished (pg-boss keeps finished jobs for days); down when the queue's schema is missing. */
async function workers(db: DbOrTx, now: Date): Promise<CheckState> {
  try {
    const [row] = await db.execute<{ at: string | null }>(sql`select max(completed_on) as at from pgboss.job where state = 'completed'`);
    return workersState(row?.at ? new Date(row.at) : null, g.qyzmetWorkersStartedAt ?? null, now);
  } catch {
    return g.qyzmetWorkersStartedAt ? workersState(null, g.qyzmetWorkersStartedAt, now) : 'down';
  }
}

/** Compares the shipped journal with drizzle's own table of applied migrations. */
export async function migrationsCheck(db: DbOrTx): Promise<HealthChecks['migrations']> {
  try {
    const [row] = await db.execute<{ last: string | null }>(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`);
    const pending = pendingMigrations(journal.entries, row?.last ? Number(row.last) : null);
    return { state: pending ? 'stale' : 'ok', pending };
  } catch {
    return { state: 'down', pending: journal.entries.length };
  }
}

async function registryFaults(db: DbOrTx): Promise<string[]> {
  try {
    const now = Date.now();
    return (await getFaults(db))
      .filter((f) => (f.outageSince && f.outageSince.getTime() <= now) || f.errorRate > 0 || f.latencyMs > 0)
      .map((f) => f.system);
  } catch {
    return [];
  }
}

/** Every check, in parallel; no personal data (system names, states, counts and ages only). */
export async function healthChecks(db: DbOrTx, opts: { now?: Date; anchorAge?: AnchorAgeProvider } = {}): Promise<HealthChecks> {
  const now = opts.now ?? new Date();
  const anchor = opts.anchorAge ?? anchorAgeProvider();
  const [dbState, workersNow, migrations, faults, anchorAge] = await Promise.all([
    database(db),
    workers(db, now),
    migrationsCheck(db),
    registryFaults(db),
    anchor ? anchor().catch(() => null) : Promise.resolve(undefined),
  ]);
  return {
    database: dbState,
    workers: workersNow,
    migrations,
    registryFaults: faults,
    ...(anchor ? { auditAnchor: { state: anchorState(anchorAge ?? null), ageMinutes: anchorAge ?? null } } : {}),
  };
}
