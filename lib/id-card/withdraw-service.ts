import 'server-only';
import { eq } from 'drizzle-orm';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { transition } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { DomainError } from '@/lib/errors';
import { refundPurpose } from '@/lib/payments/purpose';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { dutyPurpose } from './citizen-service';
import { applicantView, type IdCardApplication } from './load';
import { idCardMachine as machine, type IdCardState } from './machine';
import { withdrawalEffects } from './withdrawal';

/**
 * The citizen withdraws a draft, an unpaid application, or one UMS DP has not decided yet (SPEC §5; the machine says
 * from where). In one transaction, with the application's row locked: RP DRN's registration ticket, when there is
 * one, is cancelled (idempotent at RP DRN; RP DRN down → "try again" and nothing changes), the renewal is closed
 * (a new one can start), the state moves to `withdrawn` (audited by `transition`), and a paid duty is refunded the
 * way an annulment refunds it. A duty paid after this is refunded by the payment callback (`onDutyPaid` answers false). A second
 * click on the same version finds it withdrawn and changes nothing.
 */
export async function withdrawRenewal(ctx: Ctx, input: { id: string; version: number }): Promise<IdCardApplication> {
  const app = await loadInScope(ctx, applicantView, input.id);
  if (app.status === 'withdrawn' && app.version === input.version + 1) return app; // double submit
  if (!machine.can(app.status as IdCardState, 'withdraw')) throw new DomainError('illegal_transition');
  if (app.version !== input.version) throw new DomainError('application_changed');
  const effects = withdrawalEffects(app.status as IdCardState, { ticket: app.card.rpDrnTicket, exempt: !!app.card.exemptStatus });
  return ctx.db.transaction(async (tx) => {
    // The row stays locked while RP DRN is asked, so a reviewer's decision (or the payment callback) cannot slip in
    // between the cancelled ticket and the withdrawal: it waits, then finds the version gone.
    const [locked] = await tx.select({ version: applications.version }).from(applications).where(eq(applications.id, app.id)).for('update');
    if (locked?.version !== input.version) throw new DomainError('application_changed');
    const cancelled = effects.cancelTicket ? await ctx.registries.production.cancelIdCard(app.card.rpDrnTicket!) : null;
    if (cancelled && cancelled.status !== 'cancelled') throw new DomainError('application_changed');
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'withdraw',
      actor: ctx.actor,
      grant: ctx.grant,
      data: { from: app.status, ticketCancelled: !!cancelled },
    });
    await tx.update(idCardApplications).set({ closedAt: new Date() }).where(eq(idCardApplications.applicationId, app.id));
    if (effects.refund) await refundPurpose(tx, dutyPurpose(app.id), 'id_card_withdrawn');
    return { ...app, status: row.status, version: row.version };
  });
}
