import { auditEvents } from '@/db/schema/audit';
import type { DbOrTx } from '@/db/client';
import type { Actor, Grant } from '@/lib/auth/actor';
import { auditOrigin } from './context';

export type AuditInput = {
  action: string;
  applicationId?: string | null;
  subjectIin?: string | null;
  data?: Record<string, unknown>;
  /** Only outside a request (a caller that knows the address by other means); in a request the proxy setting decides. */
  ip?: string | null;
};

/** "region:10", "centre:3"… — the scope the actor acted in, for the audit trail. */
export function scopeLabel(g: Grant | null | undefined): string | null {
  if (!g) return null;
  if (g.regionCode) return `region:${g.regionCode}`;
  if (g.akimatId) return `akimat:${g.akimatId}`;
  if (g.serviceCentreId) return `centre:${g.serviceCentreId}`;
  if (g.registrationPointId) return `point:${g.registrationPointId}`;
  if (g.dealerBin) return `dealer:${g.dealerBin}`;
  return g.role === 'citizen' ? 'self' : 'all';
}

/**
 * Appends an audit event in the caller's transaction, so it exists exactly when the change does. It takes no
 * lock: the row is chained later by the sealer (lib/audit/sealer.ts, issue 16). In a request the IP comes from the
 * trusted-proxy setting only, never from a value the client sent in a body (issue 14).
 */
export async function audit(tx: DbOrTx, actor: Pick<Actor, 'userId'> | null, grant: Grant | null, input: AuditInput) {
  const origin = await auditOrigin();
  await tx.insert(auditEvents).values({
    actorUserId: actor?.userId ?? null,
    actorRole: grant?.role ?? null,
    actorScope: scopeLabel(grant),
    // Citizens see which organisation looked at their data, never which officer (SPEC §2.8).
    actorOrg: grant && grant.role !== 'citizen' ? `${grant.role}:${scopeLabel(grant)}` : null,
    action: input.action,
    applicationId: input.applicationId ?? null,
    subjectIin: input.subjectIin ?? null,
    ip: origin.inRequest ? origin.ip : (input.ip ?? null),
    requestId: origin.requestId,
    data: input.data ?? {},
  });
}
