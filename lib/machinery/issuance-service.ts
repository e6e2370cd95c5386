// Orders 001/004, p.11: after a positive decision the registration document (or its duplicate) and the plates are
// handed over at the CON. The issuance desk identifies the one at the desk exactly as the front office does at
// intake (p.6 (1): GBD FL by the ID document's number, then the Digital-ID sample check), hands over only to the
// owner or to the representative recorded at intake whose power of attorney is still valid, and records the serials.
import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { machineryApplications } from '@/db/schema/machinery';
import { transition } from '@/lib/applications/core';
import { loadInScope, type ScopedView } from '@/lib/applications/scope';
import { assertSeparation } from '@/lib/auth/separation-guard';
import { partiesOfMachinery } from './load';
import { audit } from '@/lib/audit';
import { localDate } from '@/lib/calendar/local';
import { DomainError } from '@/lib/errors';
import { personByDocument } from '@/lib/identity/at-desk';
import { maskIin } from '@/lib/kz/iin';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { handsOver, mayCollect, normalizeDocumentSerial, normalizePlateSerial } from './issuance-rules';
import { machineryMachine as machine } from './machine';
import { biometricSample } from '@/lib/registries/digital-id/sample';

async function loadDeskApplication(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ app: applications, m: machineryApplications })
    .from(applications)
    .innerJoin(machineryApplications, eq(machineryApplications.applicationId, applications.id))
    .where(and(eq(applications.id, id), eq(applications.pilot, 'machinery')));
  return row ? { ...row.app, machinery: row.m } : null;
}

export type DeskApplication = NonNullable<Awaited<ReturnType<typeof loadDeskApplication>>>;

/** The issuance desk sees the machinery applications of its own CON (the intake CON is where they are collected). */
export const issuanceView: ScopedView<DeskApplication> = {
  name: 'machinery.issuance',
  load: loadDeskApplication,
  scopeOf: (a) => ({ serviceCentreId: a.serviceCentreId }),
};

function requireDesk(ctx: Pick<Ctx, 'grant'>): number {
  if (ctx.grant.role !== 'con_issuance' || ctx.grant.serviceCentreId == null) throw new DomainError('forbidden');
  return ctx.grant.serviceCentreId;
}

/** The desk's list: approved machinery applications of this CON, waiting to be handed over, oldest decision first. */
export async function approvedAtDesk(ctx: Pick<Ctx, 'db' | 'grant'>) {
  const centreId = requireDesk(ctx);
  const rows = await ctx.db
    .select({
      id: applications.id,
      number: applications.number,
      decidedAt: applications.decidedAt,
      action: machineryApplications.action,
      machineKind: machineryApplications.machineKind,
      make: machineryApplications.make,
      model: machineryApplications.model,
      plate: machineryApplications.plate,
      ownerIin: machineryApplications.ownerIin,
      ownerBin: machineryApplications.ownerBin,
      representative: machineryApplications.representativeIin,
    })
    .from(applications)
    .innerJoin(machineryApplications, eq(machineryApplications.applicationId, applications.id))
    .where(and(eq(applications.pilot, 'machinery'), eq(applications.status, 'approved'), eq(applications.serviceCentreId, centreId)))
    .orderBy(asc(applications.decidedAt), asc(applications.number))
    .limit(200);
  // Lists never show a whole IIN.
  return rows.map(({ ownerIin, representative, ...r }) => ({
    ...r,
    owner: ownerIin ? maskIin(ownerIin) : (r.ownerBin ?? ''),
    byRepresentative: !!representative,
  }));
}

/** Pages: one application at this desk's CON, or `not_found` (audited) for another CON's. */
export async function deskApplication(ctx: Pick<Ctx, 'db' | 'actor' | 'grant'>, id: string) {
  requireDesk(ctx);
  return loadInScope(ctx, issuanceView, id);
}

/** Opening an application at the desk shows the owner's and the representative's data: an audited view. */
export async function recordDeskView(ctx: Pick<Ctx, 'db' | 'actor' | 'grant'>, app: DeskApplication) {
  await ctx.db.transaction((tx) =>
    audit(tx, ctx.actor, ctx.grant, {
      action: 'person.viewed',
      applicationId: app.id,
      subjectIin: app.machinery.ownerIin ?? app.machinery.representativeIin,
      data: { purpose: 'machinery.issuance' },
    }),
  );
}

export type IssueInput = {
  id: string;
  version: number;
  /** The number of the ID document the one at the desk presented. */
  documentNumber: string;
  /** The captured biometric sample, base64; its SHA-256 goes to Digital-ID (the simulator ignores it). */
  sampleBase64?: string;
  documentSerial?: string;
  plateSerial?: string;
};

/** Audited outside any transaction: a refused hand-over leaves its trace even though nothing is written. */
async function refuse(
  ctx: Ctx,
  app: DeskApplication,
  code: string,
  data: Record<string, unknown>,
  subjectIin?: string | null,
): Promise<never> {
  await audit(ctx.db, ctx.actor, ctx.grant, {
    action: 'machinery.issuance_refused',
    applicationId: app.id,
    subjectIin: subjectIin ?? null,
    data: { reason: code, ...data },
  });
  throw new DomainError(code);
}

/**
 * p.11, the hand-over: identity (GBD FL + Digital-ID), entitlement (owner, or representative with a valid power of
 * attorney), the serials the action needs, then `issue` (approved → issued) with the expected version. A double
 * submit of the same hand-over returns the issued application unchanged.
 */
export async function issue(ctx: Ctx, input: IssueInput) {
  requireDesk(ctx);
  const app = await loadInScope(ctx, issuanceView, input.id);
  const gives = handsOver(app.machinery.action);
  const documentSerial = input.documentSerial ? normalizeDocumentSerial(input.documentSerial) : null;
  const plateSerial = input.plateSerial ? normalizePlateSerial(input.plateSerial) : null;
  if (app.status === 'issued') {
    const same =
      app.machinery.issuedDocumentSerial === (gives.document ? documentSerial : null) &&
      app.machinery.issuedPlateSerial === (gives.plate ? plateSerial : null);
    if (same) return app; // a double submit
    throw new DomainError('machinery_issuance_already_issued');
  }
  if (app.status !== 'approved') throw new DomainError('illegal_transition');
  await assertSeparation(ctx, app.id, 'machinery.issue', partiesOfMachinery(app));
  if (gives.document && !documentSerial) throw new DomainError('machinery_issuance_document_serial_invalid');
  if (gives.plate && !plateSerial) throw new DomainError('machinery_issuance_plate_serial_invalid');

  const person = await personByDocument(ctx.registries.gbdFl, input.documentNumber);
  if (!person) return refuse(ctx, app, 'machinery_issuance_person_not_found', {});
  const sample = Buffer.from(input.sampleBase64 ?? '', 'base64');
  const sampleSha256 = createHash('sha256').update(sample).digest('hex');
  const biometrics = await ctx.registries.digitalId.verifySample(person.iin, biometricSample(sample));
  if (!biometrics?.passed) return refuse(ctx, app, 'machinery_issuance_biometrics_failed', { sampleSha256 }, person.iin);
  const entitled = mayCollect(app.machinery, person.iin, localDate());
  if (!entitled.ok) return refuse(ctx, app, `machinery_issuance_${entitled.code}`, {}, person.iin);

  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(machineryApplications)
      .set({
        issuedDocumentSerial: gives.document ? documentSerial : null,
        issuedPlateSerial: gives.plate ? plateSerial : null,
        issuedByUserId: ctx.actor.userId,
        issuedAt: now,
      })
      .where(eq(machineryApplications.applicationId, app.id));
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'issue',
      actor: ctx.actor,
      grant: ctx.grant,
      data: { collectedAs: entitled.as, documentSerial, plateSerial, sampleSha256 },
    });
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'machinery.issued',
      applicationId: app.id,
      subjectIin: person.iin,
      data: { collectedAs: entitled.as },
    });
    return row;
  });
}
