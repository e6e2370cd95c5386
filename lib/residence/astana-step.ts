// The online Astana step (order 003 p.9–10, steps 1–7) on the applicant's own draft: steps 1–3 stored with a
// timeline event when the page opens; at the norm the claim of step 4, checked by steps 5–7 against the dwelling's
// owners in the cadastre; an unconfirmed claim refuses the application (the system decides: the registries'
// answer, not a person). Each change is one transaction with its event and audit row, and a repeat of the same
// request (a double submit, a second tab) gives the stored answer without a second event or refusal.
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applicationEvents, applications } from '@/db/schema/applications';
import { residenceApplications } from '@/db/schema/residence';
import { transition } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { audit } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import type { Property } from '@/lib/registries/cadastre/port';
import type { ServiceContext } from '@/lib/service-context';
import { checkNorm, decideClaim, isAstana } from './astana-service';
import { refusalOf, sameClaim, timelineDataOf } from './astana-step-rules';
import type { AstanaClaim, AstanaDecision } from './astana-types';
import { applicantView, type ResidenceApplication } from './load';
import { residenceMachine } from './machine';

export const ASTANA_EVENTS = { normChecked: 'astana_norm_checked', claimDecided: 'astana_claim_decided' } as const;

/** The applicant's own application (another person's answers `not_found`, audited). */
export function applicantApplication(ctx: ServiceContext, id: string) {
  return loadInScope(ctx, applicantView, id);
}

/** The dwelling as the cadastre has it (address, area, owners), or `residence_dwelling_not_found`. */
export async function dwellingOf(ctx: ServiceContext, app: ResidenceApplication): Promise<Property> {
  if (!app.residence.cadastralNumber) throw new DomainError('residence_astana_no_dwelling');
  const property = await ctx.registries.cadastre.findProperty(app.residence.cadastralNumber);
  if (!property) throw new DomainError('residence_dwelling_not_found');
  return property;
}

/** The draft this step may work on: the dwelling picked, and in Astana. */
function assertAstanaDraft(app: ResidenceApplication): string {
  if (app.status !== 'draft') throw new DomainError('residence_astana_closed');
  if (!app.residence.cadastralNumber) throw new DomainError('residence_astana_no_dwelling');
  if (!isAstana(app.regionCode)) throw new DomainError('residence_astana_not_astana');
  return app.residence.cadastralNumber;
}

/**
 * Locks the application row, so of two requests at once the second sees what the first stored. The residence row
 * is read after the lock, in its own statement: a joined row of the locking query would be the one from before
 * the wait.
 */
async function lockedState(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select({ status: applications.status, version: applications.version })
    .from(applications)
    .where(eq(applications.id, id))
    .for('update');
  if (!row) throw new DomainError('not_found');
  const [residence] = await tx
    .select({ astana: residenceApplications.astana })
    .from(residenceApplications)
    .where(eq(residenceApplications.applicationId, id));
  return { ...row, astana: residence?.astana ?? null };
}

/**
 * Steps 1–3: the area (cadastre), the registered count (GBD FL) against the maslikhat's norm, stored on the draft
 * with a timeline event. Idempotent: a decision already stored is returned as it is (the norm is re-checked at
 * signing, lib/residence/astana-service.ts `recheckAstana`).
 */
export async function runNormCheck(ctx: ServiceContext, id: string): Promise<AstanaDecision> {
  const app = await applicantApplication(ctx, id);
  if (app.residence.astana) return app.residence.astana;
  const cadastralNumber = assertAstanaDraft(app);
  const decision = await checkNorm(ctx.db, ctx.registries, cadastralNumber);
  return ctx.db.transaction(async (tx) => {
    const now = await lockedState(tx, id);
    if (now.astana) return now.astana;
    if (now.status !== 'draft') throw new DomainError('residence_astana_closed');
    await tx.update(residenceApplications).set({ astana: decision }).where(eq(residenceApplications.applicationId, id));
    await tx
      .update(applications)
      .set({ updatedAt: sql`now()` })
      .where(eq(applications.id, id));
    await tx.insert(applicationEvents).values({
      applicationId: id,
      type: ASTANA_EVENTS.normChecked,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.grant.role,
      data: timelineDataOf(decision, cadastralNumber),
    });
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'residence.astana_norm_checked',
      applicationId: id,
      subjectIin: app.residence.iin,
      data: { outcome: decision.outcome },
    });
    return decision;
  });
}

export type ClaimResult = { decision: AstanaDecision; refused: boolean };

/**
 * Step 4 submitted: steps 5–7 against the owners of the dwelling (a relative of any one owner is enough), the
 * decision stored with a timeline event; not confirmed → `refuse` by the system with the refusal's code and
 * details. The same claim again answers what was stored; a different claim after a decision is refused.
 */
export async function submitClaim(ctx: ServiceContext, input: { id: string; claim: AstanaClaim }): Promise<ClaimResult> {
  const app = await applicantApplication(ctx, input.id);
  const stored = app.residence.astana;
  const repeat = (d: AstanaDecision | null) =>
    d && d.outcome !== 'claim_needed' && sameClaim(d.claim, input.claim) ? { decision: d, refused: !!refusalOf(d, '') } : null;
  const again = repeat(stored);
  if (again) return again;
  const cadastralNumber = assertAstanaDraft(app);
  if (stored && stored.outcome !== 'claim_needed') throw new DomainError('residence_astana_already_decided');
  // Steps 1–3 again (someone may have registered or left since the page opened), then 5–7 on today's numbers.
  const [norm, property] = await Promise.all([checkNorm(ctx.db, ctx.registries, cadastralNumber), dwellingOf(ctx, app)]);
  const owners = property.owners.map((o) => o.iin).filter((iin) => iin !== app.residence.iin);
  const decision = await decideClaim(ctx.registries, { norm, applicantIin: app.residence.iin, ownerIins: owners, claim: input.claim });
  const refusal = refusalOf(decision, cadastralNumber);
  return ctx.db.transaction(async (tx) => {
    const now = await lockedState(tx, input.id);
    const raced = repeat(now.astana);
    if (raced) return raced; // the first of two identical submits decided it
    if (now.status !== 'draft') throw new DomainError('residence_astana_closed');
    if (now.astana && now.astana.outcome !== 'claim_needed') throw new DomainError('residence_astana_already_decided');
    const closedAt = new Date();
    await tx
      .update(residenceApplications)
      .set({ astana: decision, ...(refusal ? { refusalCode: refusal.code, refusalDetails: refusal.details, closedAt } : {}) })
      .where(eq(residenceApplications.applicationId, input.id));
    await tx.insert(applicationEvents).values({
      applicationId: input.id,
      type: ASTANA_EVENTS.claimDecided,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.grant.role,
      data: timelineDataOf(decision, cadastralNumber),
    });
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'residence.astana_claim_decided',
      applicationId: input.id,
      subjectIin: app.residence.iin,
      data: { relation: input.claim.relation, outcome: decision.outcome },
    });
    if (refusal)
      // p.10 (6)/(7): the registries' answer refuses it; nobody signs a refusal, the system fires the event.
      await transition(tx, {
        id: input.id,
        expectedVersion: now.version,
        machine: residenceMachine,
        event: 'refuse',
        actor: null,
        grant: null,
        set: { decidedAt: closedAt },
        data: { refusalCode: refusal.code, step: refusal.details.step },
      });
    else
      await tx
        .update(applications)
        .set({ updatedAt: sql`now()` })
        .where(eq(applications.id, input.id));
    return { decision, refused: !!refusal };
  });
}
