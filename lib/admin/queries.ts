import 'server-only';
import { and, count, desc, gte, isNull, lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { auditEvents } from '@/db/schema/audit';
import { outbox, smsMessages } from '@/db/schema/notifications';
import { registryCalls } from '@/db/schema/registry-ops';
import { getFaults } from '@/lib/registries';

/** Calls per system and outcome over the last N minutes, in one grouped query. */
export async function recentCallStats(minutes: number) {
  return db
    .select({ system: registryCalls.system, outcome: registryCalls.outcome, n: count() })
    .from(registryCalls)
    .where(gte(registryCalls.at, sql`now() - make_interval(mins => ${minutes})`))
    .groupBy(registryCalls.system, registryCalls.outcome);
}

export async function listSms(limit: number, before?: string) {
  const rows = await db
    .select()
    .from(smsMessages)
    .where(before ? lt(smsMessages.createdAt, new Date(before)) : undefined)
    .orderBy(desc(smsMessages.createdAt))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), next: rows.length > limit ? rows[limit - 1]!.createdAt.toISOString() : null };
}

export async function outboxStats() {
  const [pending] = await db.select({ n: count() }).from(outbox).where(isNull(outbox.processedAt));
  const stuck = await db
    .select({ id: outbox.id, topic: outbox.topic, attempts: outbox.attempts, lastError: outbox.lastError, createdAt: outbox.createdAt })
    .from(outbox)
    .where(and(isNull(outbox.processedAt)))
    .orderBy(outbox.id)
    .limit(20);
  return { pending: pending?.n ?? 0, oldest: stuck };
}

/** pg-boss keeps its jobs in the `pgboss` schema: counts per queue and state. */
export async function jobStats() {
  try {
    return await db.execute<{ name: string; state: string; n: number }>(
      sql`select name, state::text as state, count(*)::int as n from pgboss.job group by 1, 2 order by 1, 2`,
    );
  } catch {
    return []; // the queue has not been started on this database yet
  }
}

export async function listAudit(limit: number, beforeId?: number) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(beforeId ? lt(auditEvents.id, beforeId) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), next: rows.length > limit ? rows[limit - 1]!.id : null };
}

/** Every external system's configured fault (none for a system without a row), uncached: the admin sees them as saved. */
export const currentFaults = () => getFaults(db);
