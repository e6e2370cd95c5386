// Refused requests are aggregated, not audited one by one (issue 14): an unauthenticated flood must not write
// unbounded rows into the append-only audit log. Each refusal is one upsert of a counter per (action, window, bucket);
// after the window closes, one audit event per (action, window) carries the total, how many buckets, and the
// busiest ones. An attacker rotating addresses grows the counter table (pruned here), never the audit log.
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rateLimitRefusals, rateLimits } from '@/db/schema/rate-limits';
import { audit } from '@/lib/audit';
import { REFUSAL_WINDOW_MS, refusalWindowStart, type RateLimitAction } from './rules';

export async function recordRefusal(db: Db, action: RateLimitAction, bucket: string, at: Date) {
  await db
    .insert(rateLimitRefusals)
    .values({ action, windowStart: refusalWindowStart(at), bucket, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitRefusals.action, rateLimitRefusals.windowStart, rateLimitRefusals.bucket],
      set: { count: sql`${rateLimitRefusals.count} + 1` },
    });
}

/** How many of the busiest buckets an audit event names. */
const TOP = 10;

/**
 * Writes one `rate_limit.refused` audit event per (action, closed window) not yet audited, and marks its counters;
 * safe to run twice at once (an advisory lock, and a marked window is skipped). Also prunes counters of the
 * limiter that expired over an hour ago and refusal counters audited over a week ago. Returns the events written.
 */
export async function auditRefusals(db: Db, now: Date = new Date()): Promise<number> {
  const closedBefore = refusalWindowStart(now);
  const written = await db.transaction(async (tx) => {
    // One sweep at a time (every worker process schedules it): the second waits, then finds the windows marked.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('qyzmet.rate_limit_audit'))`);
    const rows = await tx
      .select()
      .from(rateLimitRefusals)
      .where(and(isNull(rateLimitRefusals.auditedAt), lt(rateLimitRefusals.windowStart, closedBefore)))
      .orderBy(rateLimitRefusals.action, rateLimitRefusals.windowStart, desc(rateLimitRefusals.count));
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const k = `${r.action}|${r.windowStart.toISOString()}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    for (const group of groups.values()) {
      const first = group[0]!;
      await audit(tx, null, null, {
        action: 'rate_limit.refused',
        data: {
          limit: first.action,
          from: first.windowStart.toISOString(),
          to: new Date(first.windowStart.getTime() + REFUSAL_WINDOW_MS).toISOString(),
          refused: group.reduce((n, r) => n + r.count, 0),
          buckets: group.length,
          top: group.slice(0, TOP).map((r) => ({ bucket: r.bucket, count: r.count })),
        },
      });
      await tx
        .update(rateLimitRefusals)
        .set({ auditedAt: now })
        .where(
          and(
            eq(rateLimitRefusals.action, first.action),
            eq(rateLimitRefusals.windowStart, first.windowStart),
            isNull(rateLimitRefusals.auditedAt),
          ),
        );
    }
    return groups.size;
  });
  await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(now.getTime() - 3_600_000)));
  await db.delete(rateLimitRefusals).where(lt(rateLimitRefusals.auditedAt, new Date(now.getTime() - 7 * 86_400_000)));
  return written;
}
