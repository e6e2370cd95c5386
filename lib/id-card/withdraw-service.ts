import 'server-only';
import { eq } from 'drizzle-orm';
import { idCardApplications } from '@/db/schema/id-card';
import { transition } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { DomainError } from '@/lib/errors';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { applicantView, type IdCardApplication } from './load';
import { idCardMachine as machine, type IdCardState } from './machine';

/**
 * The citizen withdraws a draft or an application whose duty is unpaid (SPEC §5; the machine says from where).
 * The renewal is closed, so a new one can be started; a duty paid after this is refunded by the payment
 * callback (`onDutyPaid` answers false). A second click on the same version finds it withdrawn and changes nothing.
 */
export async function withdrawRenewal(ctx: Ctx, input: { id: string; version: number }): Promise<IdCardApplication> {
  const app = await loadInScope(ctx, applicantView, input.id);
  if (app.status === 'withdrawn' && app.version === input.version + 1) return app; // double submit
  if (!machine.can(app.status as IdCardState, 'withdraw')) throw new DomainError('illegal_transition');
  if (app.version !== input.version) throw new DomainError('application_changed');
  return ctx.db.transaction(async (tx) => {
    await tx.update(idCardApplications).set({ closedAt: new Date() }).where(eq(idCardApplications.applicationId, app.id));
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'withdraw',
      actor: ctx.actor,
      grant: ctx.grant,
      data: { from: app.status },
    });
    return { ...app, status: row.status, version: row.version };
  });
}
