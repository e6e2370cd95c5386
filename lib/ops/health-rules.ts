/**
 * The health verdict as a pure function of the checks (app/api/health): what a load balancer acts on. The database
 * or the job workers down → 503 (this node cannot do its work); registry faults in force or an old audit anchor →
 * 200 but `degraded` (the portal works, showing the registries' outage to users; an operator is alerted on the admin
 * home). Readiness (app/api/health/ready) adds the migrations: a node whose schema is behind its code is not ready.
 */
export type CheckState = 'ok' | 'down' | 'stale';

export type HealthChecks = {
  database: CheckState;
  workers: CheckState;
  migrations: { state: CheckState; pending: number };
  registryFaults: string[];
  auditAnchor?: { state: CheckState; ageMinutes: number | null };
};

export type HealthStatus = 'ok' | 'degraded' | 'down';

/** Job workers are alive when a job finished this recently (the outbox runs every minute), or they just started. */
export const WORKERS_STALE_MINUTES = 3;
/** An audit anchor older than this is an alert (anchors are made daily). */
export const ANCHOR_MAX_AGE_MINUTES = 25 * 60;

export function liveness(checks: HealthChecks): { status: HealthStatus; httpStatus: 200 | 503 } {
  if (checks.database !== 'ok' || checks.workers !== 'ok') return { status: 'down', httpStatus: 503 };
  if (checks.registryFaults.length || (checks.auditAnchor && checks.auditAnchor.state !== 'ok'))
    return { status: 'degraded', httpStatus: 200 };
  return { status: 'ok', httpStatus: 200 };
}

export function readiness(checks: Pick<HealthChecks, 'database' | 'migrations'>): { ready: boolean; httpStatus: 200 | 503 } {
  const ready = checks.database === 'ok' && checks.migrations.state === 'ok';
  return { ready, httpStatus: ready ? 200 : 503 };
}

/** Migrations the code ships (the journal's `when`) that the database has not applied (drizzle's last `created_at`). */
export function pendingMigrations(journal: readonly { when: number }[], lastAppliedMillis: number | null): number {
  return journal.filter((e) => lastAppliedMillis === null || e.when > lastAppliedMillis).length;
}

/** Pure: the workers' state from the last finished job and when this process started its own workers. */
export function workersState(lastFinishedAt: Date | null, startedAt: Date | null, now: Date): CheckState {
  const fresh = (d: Date | null) => !!d && now.getTime() - d.getTime() <= WORKERS_STALE_MINUTES * 60_000;
  return fresh(lastFinishedAt) || fresh(startedAt) ? 'ok' : 'stale';
}

/** Pure: an anchor's state from its age (null = never anchored). */
export function anchorState(ageMinutes: number | null): CheckState {
  return ageMinutes !== null && ageMinutes <= ANCHOR_MAX_AGE_MINUTES ? 'ok' : 'stale';
}
