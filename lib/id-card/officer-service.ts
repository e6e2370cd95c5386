import 'server-only';
import { and, desc, eq, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { transition } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { assertSeparation } from '@/lib/auth/separation-guard';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors';
import { checkPersonAtDesk, type DeskPerson } from '@/lib/identity/desk-check';
import type { DocumentSource } from '@/lib/identity/presented-document';
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

type PresentedDocument = { documentNumber: string; source: DocumentSource };

/**
 * Step 19, in person only (no proxy, point 5 (3)): the officer enters the number of the document the one at the desk
 * presents (the current card, or its copy in Digital documents); it must be the applicant's current document in
 * GBD FL. Only then does the officer see the applicant's IIN and GBD FL photo. Anyone else's document (a
 * representative with a power of attorney) or an old one is refused, and the refusal is recorded.
 */
export async function checkApplicantAtPoint(ctx: Ctx, input: { id: string } & PresentedDocument): Promise<DeskPerson> {
  const app = await loadInScope(ctx, officerView, input.id);
  if (app.status !== 'ready_for_pickup') throw new DomainError('illegal_transition');
  await assertSeparation(ctx, app.id, 'id_card.issue', [app.card.iin]);
  return checkPersonAtDesk(ctx, {
    applicationId: app.id,
    expectedIin: app.card.iin,
    purpose: 'id_card.issuance',
    documentNumber: input.documentNumber,
    source: input.source,
  });
}

/** The issue: the presented document is checked again on the server, the new card's number is recorded, `issued`. */
export async function issueCard(ctx: Ctx, input: { id: string; version: number; newCardNumber: string } & PresentedDocument) {
  const app = await loadInScope(ctx, officerView, input.id);
  if (app.status === 'issued') return app;
  if (app.status !== 'ready_for_pickup') throw new DomainError('illegal_transition');
  await assertSeparation(ctx, app.id, 'id_card.issue', [app.card.iin]);
  await checkPersonAtDesk(ctx, {
    applicationId: app.id,
    expectedIin: app.card.iin,
    purpose: 'id_card.issuance',
    documentNumber: input.documentNumber,
    source: input.source,
  });
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
      data: { card: input.newCardNumber, identifiedBy: input.source },
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
