import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { users } from '@/db/schema/people';
import { transition, raceLost as lostRace } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { assertSeparation } from '@/lib/auth/separation-guard';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { notify } from '@/lib/outbox';
import { refundPurpose } from '@/lib/payments/purpose';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { recordSignature } from '@/lib/signatures/service';
import { dutyPurpose, requestSignatureOf } from './citizen-service';
import { annulmentRefunds, type AnnulReason } from './annulment';
import { reviewerView, type IdCardApplication } from './load';
import { approvalDocument } from './signed-documents';
import { idCardMachine as machine } from './machine';
import { orderProduction } from './production-service';

export { annulReasons, annulmentRefunds, type AnnulReason } from './annulment';

/** Pages: the application in the reviewer's region; another region's is not found, like every out-of-scope one. */
export async function reviewerApplication(
  db: Db,
  grant: Grant,
  id: string,
  actor: Pick<Actor, 'userId' | 'iin'> | null = null,
): Promise<IdCardApplication> {
  return loadInScope({ db, actor, grant }, reviewerView, id);
}

/** Viewing an application is a view of the person's data: audited, so they see it in "who viewed my data". */
export async function recordView(db: Db, actor: Actor, grant: Grant, app: IdCardApplication) {
  await db.transaction((tx) =>
    audit(tx, actor, grant, {
      action: 'person.viewed',
      applicationId: app.id,
      subjectIin: app.card.iin,
      data: { purpose: 'id_card.review' },
    }),
  );
}

/** The document the reviewer signs to approve, bound to the citizen's signed request. */
export async function approvalDocumentOf(db: DbOrTx, app: IdCardApplication, reviewerIin: string) {
  const request = await requestSignatureOf(db, app);
  if (!request) throw new DomainError('illegal_transition');
  return approvalDocument({ number: app.number, requestSha256: request.dataSha256, reviewerIin, regionCode: app.regionCode! });
}

/** Who decided it first, for "already decided by …" when two reviewers race (the version decides). */
async function decidedBy(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ surname: users.surname, givenName: users.givenName, status: applications.status })
    .from(idCardApplications)
    .innerJoin(applications, eq(applications.id, idCardApplications.applicationId))
    .leftJoin(users, eq(users.id, idCardApplications.decidedByUserId))
    .where(eq(idCardApplications.applicationId, id));
  return row;
}

const raceLost = (db: DbOrTx, id: string, e: unknown) => lostRace(e, 'id_card_already_decided', () => decidedBy(db, id));

/**
 * Step 18, approve: the reviewer's EDS, then the production order goes to RP DRN at once (p.11 ¶1); if RP DRN does
 * not answer, the card stays approved and the production job sends it.
 */
export async function approve(ctx: Ctx, input: { id: string; version: number; cms: string }) {
  const app = await loadInScope(ctx, reviewerView, input.id);
  if (app.status !== 'under_review') return raceLost(ctx.db, app.id, new DomainError('application_changed'));
  await assertSeparation(ctx, app.id, 'id_card.approve', [app.card.iin]);
  const document = await approvalDocumentOf(ctx.db, app, ctx.actor.iin);
  const row = await ctx.db
    .transaction(async (tx) => {
      const signature = await recordSignature(tx, {
        applicationId: app.id,
        documentNumber: app.number,
        purpose: 'id_card.approval',
        document,
        cms: input.cms,
        party: { role: 'reviewer', iin: ctx.actor.iin },
      });
      const row = await transition(tx, {
        id: app.id,
        expectedVersion: input.version,
        machine,
        event: 'approve',
        actor: ctx.actor,
        grant: ctx.grant,
        set: { decidedAt: new Date() },
        data: { signature: signature.id },
      });
      await tx.update(idCardApplications).set({ decidedByUserId: ctx.actor.userId }).where(eq(idCardApplications.applicationId, app.id));
      await notify(tx, `id_card:${app.id}:approved`, {
        recipientIin: app.card.iin,
        applicationId: app.id,
        kind: 'id_card_approved',
        sms: true,
        params: { number: app.number },
      });
      return row;
    })
    .catch((e: unknown) => raceLost(ctx.db, app.id, e));
  await orderProduction(ctx.db, ctx.registries, app.id).catch((e: unknown) => {
    if (!isRegistryUnavailable(e)) logError('id_card_production', e, { application: app.id });
  });
  return row;
}

/**
 * Step 18, annul: a reason from the list and a comment. For the photo or the signature sample the paid duty is
 * refunded (one refund record) and the citizen is told they may apply again and pay again.
 */
export async function annul(ctx: Ctx, input: { id: string; version: number; reason: AnnulReason; comment: string }) {
  const app = await loadInScope(ctx, reviewerView, input.id);
  await assertSeparation(ctx, app.id, 'id_card.annul', [app.card.iin]);
  return ctx.db
    .transaction(async (tx) => {
      const row = await transition(tx, {
        id: app.id,
        expectedVersion: input.version,
        machine,
        event: 'annul',
        actor: ctx.actor,
        grant: ctx.grant,
        set: { decidedAt: new Date() },
        data: { reason: input.reason, comment: input.comment },
      });
      await tx
        .update(idCardApplications)
        .set({ annulReason: input.reason, annulComment: input.comment, decidedByUserId: ctx.actor.userId, closedAt: new Date() })
        .where(eq(idCardApplications.applicationId, app.id));
      const refunded =
        annulmentRefunds(input.reason) && !!(await refundPurpose(tx, dutyPurpose(app.id), `id_card_annulled_${input.reason}`));
      await notify(tx, `id_card:${app.id}:annulled`, {
        recipientIin: app.card.iin,
        applicationId: app.id,
        kind: refunded ? 'id_card_annulled_refund' : 'id_card_annulled',
        sms: true,
        params: { number: app.number },
      });
      return row;
    })
    .catch((e: unknown) => raceLost(ctx.db, app.id, e));
}
