import 'server-only';
import { and, desc, eq, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { transition } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors';
import { notify } from '@/lib/outbox';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { officerView } from './load';
import { idCardMachine as machine } from './machine';

/** Step 19: by RP DRN ticket or IIN, the applications at this registration point (none of any other point's). */
export async function findAtPoint(db: DbOrTx, grant: Grant, query: string) {
  const q = query.replace(/\s+/g, '').toUpperCase();
  if (!q || grant.registrationPointId == null) return [];
  return db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      ticket: idCardApplications.rpDrnTicket,
      iin: idCardApplications.iin,
    })
    .from(applications)
    .innerJoin(idCardApplications, eq(idCardApplications.applicationId, applications.id))
    .where(
      and(
        eq(applications.pilot, 'id_card'),
        eq(applications.registrationPointId, grant.registrationPointId),
        or(eq(idCardApplications.rpDrnTicket, q), eq(idCardApplications.iin, q), eq(applications.number, q)),
      ),
    )
    .orderBy(desc(applications.createdAt))
    .limit(20);
}

/** Pages: the application to be picked up at this officer's registration point, or not found. */
export async function officerApplication(db: Db, grant: Grant, id: string, actor: Pick<Actor, 'userId' | 'iin'> | null = null) {
  return loadInScope({ db, actor, grant }, officerView, id);
}

/**
 * Issue in person only (no proxy, point 19): the IIN of the person at the desk must be the applicant's; the new
 * card's number is recorded, the application is `issued` and the card appears in Digital documents.
 */
export async function issueCard(ctx: Ctx, input: { id: string; version: number; presentedIin: string; newCardNumber: string }) {
  const app = await loadInScope(ctx, officerView, input.id);
  if (app.status === 'issued') return app;
  if (input.presentedIin !== app.card.iin) throw new DomainError('id_card_not_in_person');
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(idCardApplications)
      .set({ newCardNumber: input.newCardNumber, issuedAt: new Date(), closedAt: new Date() })
      .where(eq(idCardApplications.applicationId, app.id));
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'issue',
      actor: ctx.actor,
      grant: ctx.grant,
      set: { decidedAt: new Date() },
      data: { card: input.newCardNumber },
    });
    await audit(tx, ctx.actor, ctx.grant, { action: 'id_card.issued', applicationId: app.id, subjectIin: app.card.iin });
    await notify(tx, `id_card:${app.id}:issued`, {
      recipientIin: app.card.iin,
      applicationId: app.id,
      kind: 'id_card_issued',
      params: { number: app.number },
    });
    return row;
  });
}
