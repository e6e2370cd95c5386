import { describe, expect, it } from 'vitest';
import { vehicleStates } from '@/lib/vehicle-registration/machine';
import { idCardStates } from '@/lib/id-card/machine';
import { anchorState, liveness, pendingMigrations, readiness, workersState, type HealthChecks } from '@/lib/ops/health-rules';
import { isStuck, outboxState, stuckThresholds, thresholdFor } from '@/lib/ops/thresholds';

const at = (iso: string) => new Date(iso);
const now = at('2026-03-02T12:00:00Z');

describe('stuck thresholds', () => {
  it('name real, non-final states of their pilot, once each', () => {
    const states: Record<string, readonly string[]> = { vehicle: vehicleStates, id_card: idCardStates };
    for (const t of stuckThresholds) expect(states[t.pilot]).toContain(t.status);
    const keys = stuckThresholds.map((t) => `${t.pilot}:${t.status}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(thresholdFor('vehicle', 'issued')).toBeNull();
  });

  it('stuck only strictly past the threshold (boundary: exactly at it is not)', () => {
    const minutes = thresholdFor('vehicle', 'processing')!.minutes;
    const since = (m: number) => new Date(now.getTime() - m * 60_000);
    expect(isStuck('vehicle', 'processing', since(minutes), now)).toBe(false);
    expect(isStuck('vehicle', 'processing', new Date(since(minutes).getTime() - 1), now)).toBe(true);
    expect(isStuck('vehicle', 'ready_for_pickup', since(10_000), now)).toBe(false);
    expect(isStuck('machinery', 'under_review', since(10_000), now)).toBe(false);
  });

  it('outbox rows: delivered, dead at the attempt limit, overdue after 10 minutes, else pending', () => {
    const row = (attempts: number, minutesAgo: number, processed = false) => ({
      attempts,
      processedAt: processed ? now : null,
      createdAt: new Date(now.getTime() - minutesAgo * 60_000),
    });
    expect(outboxState(row(10, 0, true), now, 10)).toBe('delivered');
    expect(outboxState(row(10, 0), now, 10)).toBe('dead');
    expect(outboxState(row(9, 0), now, 10)).toBe('pending');
    expect(outboxState(row(0, 10), now, 10)).toBe('pending');
    expect(outboxState(row(0, 10.01), now, 10)).toBe('overdue');
  });
});

describe('health rules', () => {
  const ok: HealthChecks = { database: 'ok', workers: 'ok', migrations: { state: 'ok', pending: 0 }, registryFaults: [] };
  it('liveness: database or workers down → 503; faults or an old anchor → degraded 200', () => {
    expect(liveness(ok)).toEqual({ status: 'ok', httpStatus: 200 });
    expect(liveness({ ...ok, database: 'down' })).toEqual({ status: 'down', httpStatus: 503 });
    expect(liveness({ ...ok, workers: 'stale' })).toEqual({ status: 'down', httpStatus: 503 });
    expect(liveness({ ...ok, registryFaults: ['sms'] })).toEqual({ status: 'degraded', httpStatus: 200 });
    expect(liveness({ ...ok, auditAnchor: { state: 'stale', ageMinutes: null } })).toEqual({ status: 'degraded', httpStatus: 200 });
    expect(liveness({ ...ok, auditAnchor: { state: 'ok', ageMinutes: 1 } }).status).toBe('ok');
    // Pending migrations are readiness's business, not liveness's.
    expect(liveness({ ...ok, migrations: { state: 'stale', pending: 1 } }).httpStatus).toBe(200);
  });

  it('readiness fails while a migration is pending or the database is down', () => {
    expect(readiness(ok)).toEqual({ ready: true, httpStatus: 200 });
    expect(readiness({ ...ok, migrations: { state: 'stale', pending: 2 } })).toEqual({ ready: false, httpStatus: 503 });
    expect(readiness({ ...ok, database: 'down' }).httpStatus).toBe(503);
  });

  it('pending migrations: the journal entries after the last applied one (none applied → all)', () => {
    const journal = [{ when: 100 }, { when: 200 }, { when: 300 }];
    expect(pendingMigrations(journal, 300)).toBe(0);
    expect(pendingMigrations(journal, 200)).toBe(1);
    expect(pendingMigrations(journal, null)).toBe(3);
  });

  it('workers: a job finished or a start within 3 minutes (boundary inclusive)', () => {
    const ago = (m: number) => new Date(now.getTime() - m * 60_000);
    expect(workersState(ago(3), null, now)).toBe('ok');
    expect(workersState(new Date(ago(3).getTime() - 1), null, now)).toBe('stale');
    expect(workersState(null, ago(1), now)).toBe('ok');
    expect(workersState(null, null, now)).toBe('stale');
  });

  it('anchor: never anchored or older than 25 hours is stale', () => {
    expect(anchorState(null)).toBe('stale');
    expect(anchorState(25 * 60)).toBe('ok');
    expect(anchorState(25 * 60 + 1)).toBe('stale');
  });
});
