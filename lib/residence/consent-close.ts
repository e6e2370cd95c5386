import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import { notify } from '@/lib/outbox';
import type { ConsentRefusalCode } from './consent-rules';

/** Locks the application row: every answer, expiry and cancellation of its requests queues behind it. */
export async function lockApplication(tx: DbOrTx, applicationId: string) {
  const [row] = await tx
    .select({ status: applications.status, version: applications.version, number: applications.number })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for('update');
  return row ?? null;
}

/** The application ended without a registration: why (Residence.refusal.<code>) and when. */
export async function closeResidence(
  tx: DbOrTx,
  applicationId: string,
  code: ConsentRefusalCode,
  details: Record<string, unknown>,
  at: Date,
) {
  await tx
    .update(residenceApplications)
    .set({ refusalCode: code, refusalDetails: details, closedAt: at })
    .where(eq(residenceApplications.applicationId, applicationId));
}

/**
 * The requests nobody waits for any more (the application ended): `cancelled`, and each of their owners is told in
 * the cabinet that nothing is asked of them now (no SMS: they need not act). `except` keeps the request that ended it.
 */
export async function cancelOpenRequests(tx: DbOrTx, applicationId: string, number: string, except?: string) {
  const closed = await tx
    .update(residenceConsents)
    .set({ status: 'cancelled', version: sql`${residenceConsents.version} + 1` })
    .where(
      and(
        eq(residenceConsents.applicationId, applicationId),
        eq(residenceConsents.status, 'requested'),
        except ? ne(residenceConsents.id, except) : undefined,
      ),
    )
    .returning({ id: residenceConsents.id, ownerIin: residenceConsents.ownerIin });
  for (const c of closed)
    await notify(tx, `residence:consent:${c.id}:cancelled`, {
      recipientIin: c.ownerIin,
      applicationId,
      kind: 'residence_consent_cancelled',
      params: { number },
    });
  return closed;
}

/** Every request of an application: the statuses decide what the application does next. */
export async function statusesOf(tx: DbOrTx, applicationId: string) {
  const rows = await tx
    .select({ status: residenceConsents.status })
    .from(residenceConsents)
    .where(eq(residenceConsents.applicationId, applicationId));
  return rows.map((r) => r.status);
}
