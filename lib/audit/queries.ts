import 'server-only';
import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import { db } from '@/db';
import { auditEvents } from '@/db/schema/audit';
import { latestAnchor as latestAnchorIn } from './anchor';

/** The newest signed anchor of the audit chain, {at, sealedUpTo}, or null: for /api/health and the ops pages. */
export const latestAnchor = () => latestAnchorIn(db);

/** "Who viewed my data": staff organisations (never the officer) that touched this person's data, newest first. */
export async function accessLogFor(iin: string, limit: number, beforeId?: number) {
  const rows = await db
    .select({ id: auditEvents.id, at: auditEvents.at, org: auditEvents.actorOrg, action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectIin, iin), isNotNull(auditEvents.actorOrg), beforeId ? lt(auditEvents.id, beforeId) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), next: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
}
