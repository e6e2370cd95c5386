import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { feeExemptions, idCardApplications } from '@/db/schema/id-card';
import { registrationPoints } from '@/db/schema/reference';
import { files } from '@/db/schema/files';
import { signatures } from '@/db/schema/signatures';
import { checkRun, valueOrThrow, type CheckRun } from '@/lib/applications/check-run';
import { recordChecks, transition } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { selectablePoint } from '@/lib/reference/pickup';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { grantFor } from '@/lib/auth/scope';
import { DomainError } from '@/lib/errors';
import { getFileStore } from '@/lib/files/store';
import { notify } from '@/lib/outbox';
import { reviewDeadline, toLocalDate } from '@/lib/calendar/deadline';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { localYear } from '@/lib/calendar/local';
import { payForPurpose } from '@/lib/payments/purpose';
import type { Registries } from '@/lib/registries';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { recordSignature } from '@/lib/signatures/service';
import { requestDocument } from './signed-documents';
import { applicantView, loadIdCardApplication, type IdCardApplication } from './load';
import { idCardMachine as machine, type IdCardEvent } from './machine';
import { outageError } from './outage';
import { checkPhoto } from './photo';
import { checkSignatureSample } from './signature-sample';
import { renewalWindow, tooEarlyParams } from './eligibility';
import { recheckAtSigning } from './sign-recheck';

export const dutyPurpose = (applicationId: string) => `id_card:${applicationId}:duty`;
/** Step 15's duty: 0.2 MRP of the current year (the fee table's `id_card.duty`). */
export const dutyFeeCodes = ['id_card.duty'] as const;

/** Pages: the citizen's own renewal, or not found. */
export async function citizenApplication(db: Db, actor: Actor, id: string) {
  const grant = grantFor(actor.grants, ['citizen']);
  if (!grant) throw new DomainError('not_found');
  return loadInScope({ db, actor, grant }, applicantView, id);
}

function assertDraft(app: IdCardApplication, version: number) {
  if (app.status !== 'draft') throw new DomainError('illegal_transition');
  if (app.version !== version) throw new DomainError('application_changed');
}

/** A draft step other than signing (which re-checks with the registries and closes the draft instead). */
function assertEditableDraft(app: IdCardApplication, version: number) {
  assertDraft(app, version);
  // p.7 at every step: a draft whose card left the window takes no more changes (signing closes it as refused).
  const window = renewalWindow(app.card.currentCardExpiresOn, toLocalDate(new Date()));
  if (window === 'too_late') throw new DomainError('id_card_too_late');
  if (window === 'too_early') throw new DomainError('id_card_too_early', tooEarlyParams(app.card.currentCardExpiresOn));
}

/** A draft's fields change under compare-and-set on the version, so two tabs cannot overwrite each other. */
async function bumpVersion(tx: DbOrTx, id: string, version: number, set: Partial<typeof applications.$inferInsert> = {}) {
  const [row] = await tx
    .update(applications)
    .set({ ...set, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(applications.id, id), eq(applications.version, version), eq(applications.status, 'draft')))
    .returning();
  if (!row) throw new DomainError('application_changed');
  return row;
}

/** Step 8: the region and registration point of pickup (only the region's points), phone and e-mail. */
export async function saveForm(
  ctx: Ctx,
  input: { id: string; version: number; registrationPointId: number; phone: string; email?: string },
) {
  const app = await loadInScope(ctx, applicantView, input.id);
  assertEditableDraft(app, input.version);
  // Issue 14: only an open point of a pilot region, whatever the form posted.
  const point = await selectablePoint(ctx.db, 'id_card', input.registrationPointId);
  if (!point) throw new DomainError('id_card_point_unknown');
  return ctx.db.transaction(async (tx) => {
    // The UMS DP of the chosen region reviews it (step 17), so the region is the point's.
    const row = await bumpVersion(tx, app.id, input.version, { regionCode: point.regionCode, registrationPointId: point.id });
    await tx
      .update(idCardApplications)
      .set({ registrationPointId: point.id, phone: input.phone, email: input.email ?? null })
      .where(eq(idCardApplications.applicationId, app.id));
    // Order p.4 (1): the user's actions are logged (what was chosen; never the phone or e-mail themselves).
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'id_card.form_saved',
      applicationId: app.id,
      data: { registrationPointId: point.id, email: !!input.email },
    });
    return row;
  });
}

/**
 * Steps 9–11: the photo (checked as SPEC §8 says, EXIF stripped before it is stored) and the Digital-ID face
 * match against GBD FL; the signature sample. A failed check stores nothing and says what to fix. Digital-ID
 * down for more than 10 minutes is point 12: "go to a CON", as at the start.
 */
export async function uploadPhoto(ctx: Ctx, input: { id: string; version: number; bytes: Uint8Array }) {
  const app = await loadInScope(ctx, applicantView, input.id);
  assertEditableDraft(app, input.version);
  const check = await checkPhoto(input.bytes);
  if (!check.ok || !check.cleaned) throw new DomainError('id_card_photo_rejected', {}, { problems: check.problems });
  // Digital-ID gets the photo itself (the EXIF-stripped bytes that are stored), so a real adapter can compare it.
  const match = await ctx.registries.digitalId
    .faceMatch(ctx.actor.iin, { bytes: check.cleaned, mimeType: 'image/jpeg' })
    .catch((e: unknown) => outageError(ctx.db, e));
  if (!match?.matched) throw new DomainError('id_card_face_mismatch');
  // The file row is written in the same transaction as the version bump: a double submit or a lost race stores
  // nothing (the bump fails and the row goes with it).
  return ctx.db.transaction(async (tx) => {
    const row = await bumpVersion(tx, app.id, input.version);
    const stored = await getFileStore().save(tx, {
      data: check.cleaned!,
      purpose: 'id_card.photo',
      ownerIin: ctx.actor.iin,
      applicationId: app.id,
      maxBytes: 1_048_576,
      allowed: ['image/jpeg'],
    });
    await tx
      .update(idCardApplications)
      .set({ photoFileId: stored.id, faceMatched: true })
      .where(eq(idCardApplications.applicationId, app.id));
    await recordChecks(tx, app.id, ctx.actor, ctx.grant, [{ step: 11, system: 'digital_id', ok: true, code: 'id_card_face_matched' }]);
    return row;
  });
}

export async function uploadSignatureSample(ctx: Ctx, input: { id: string; version: number; bytes: Uint8Array }) {
  const app = await loadInScope(ctx, applicantView, input.id);
  assertEditableDraft(app, input.version);
  const check = await checkSignatureSample(input.bytes);
  if (!check.ok || !check.cleaned) throw new DomainError('id_card_signature_rejected', {}, { problems: check.problems });
  return ctx.db.transaction(async (tx) => {
    const row = await bumpVersion(tx, app.id, input.version);
    const stored = await getFileStore().save(tx, {
      data: check.cleaned!,
      purpose: 'id_card.signature',
      ownerIin: ctx.actor.iin,
      applicationId: app.id,
      maxBytes: 1_048_576,
      allowed: ['image/png', 'image/jpeg'],
    });
    await tx.update(idCardApplications).set({ signatureFileId: stored.id }).where(eq(idCardApplications.applicationId, app.id));
    await audit(tx, ctx.actor, ctx.grant, { action: 'id_card.signature_sample_saved', applicationId: app.id, data: { fileId: stored.id } });
    return row;
  });
}

/** The request of step 12, rebuilt from the stored draft. */
export async function requestDocumentOf(db: DbOrTx, app: IdCardApplication, actor: Pick<Actor, 'surname' | 'givenName' | 'patronymic'>) {
  const c = app.card;
  if (!c.registrationPointId || !c.phone || !c.photoFileId || !c.signatureFileId) throw new DomainError('id_card_form_incomplete');
  const [point] = await db.select().from(registrationPoints).where(eq(registrationPoints.id, c.registrationPointId));
  const uploads = await db.select({ id: files.id, sha256: files.sha256 }).from(files).where(eq(files.applicationId, app.id));
  const sha = (id: string) => uploads.find((f) => f.id === id)!.sha256;
  return requestDocument({
    number: app.number,
    iin: c.iin,
    name: [actor.surname, actor.givenName, actor.patronymic].filter(Boolean).join(' '),
    currentCard: { number: c.currentCardNumber, issuedOn: c.currentCardIssuedOn, expiresOn: c.currentCardExpiresOn },
    registrationPoint: { id: point!.id, nameRu: point!.nameRu },
    phone: c.phone,
    email: c.email,
    photoSha256: sha(c.photoFileId),
    signatureSampleSha256: sha(c.signatureFileId),
  });
}

/** Step 12: the citizen's own EDS over the request; then steps 13–15 (RP DRN, AIS SIK) right after. */
export async function signAndSubmit(ctx: Ctx, input: { id: string; version: number; cms: string }) {
  const app = await loadInScope(ctx, applicantView, input.id);
  if (app.status !== 'draft' && app.card.signatureId) return app; // double submit
  assertDraft(app, input.version);
  const document = await requestDocumentOf(ctx.db, app, ctx.actor);
  // p.7: the window (and the data behind steps 2–6) is checked again now; a "no" closes the draft as refused.
  const recheck = await recheckAtSigning(ctx.registries, app.card, toLocalDate(new Date()));
  if (!recheck.ok) {
    await refuseAtSigning(ctx, app, input.version, recheck);
    valueOrThrow(recheck);
  }
  await ctx.db.transaction(async (tx) => {
    await recordChecks(tx, app.id, ctx.actor, ctx.grant, recheck.lines);
    const signature = await recordSignature(tx, {
      applicationId: app.id,
      documentNumber: app.number,
      purpose: 'id_card.request',
      document,
      cms: input.cms,
      party: { role: 'applicant', iin: ctx.actor.iin },
    });
    await tx.update(idCardApplications).set({ signatureId: signature.id }).where(eq(idCardApplications.applicationId, app.id));
    await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'submit',
      actor: ctx.actor,
      grant: ctx.grant,
      set: { submittedAt: new Date() },
      data: { signature: signature.id, verifyCode: signature.verifyCode },
    });
  });
  // The request is signed and submitted; RP DRN being down now only delays steps 13–15 (the sweep retries).
  return registerWithRpDrn(ctx.db, ctx.registries, app.id).catch((e: unknown) => {
    if (isRegistryUnavailable(e)) return loadIdCardApplication(ctx.db, app.id);
    throw e;
  });
}

async function refuseAtSigning(ctx: Ctx, app: IdCardApplication, version: number, recheck: CheckRun<null>) {
  await ctx.db.transaction(async (tx) => {
    await recordChecks(tx, app.id, ctx.actor, ctx.grant, recheck.lines);
    await tx.update(idCardApplications).set({ closedAt: new Date() }).where(eq(idCardApplications.applicationId, app.id));
    await transition(tx, {
      id: app.id,
      expectedVersion: version,
      machine,
      event: 'recheck_failed',
      actor: null,
      grant: null,
      data: { code: recheck.ok ? null : recheck.code },
    });
  });
}

/**
 * Steps 13–15: RP DRN registers the request and gives its ticket (or refuses, with a reason); AIS SIK says whether
 * a social status exempts from the duty (the statuses are reference data, `fee_exemptions`). Nothing is ordered
 * for production yet: that waits for UMS DP (step 18). Retried by the sweep when RP DRN was down.
 */
export async function registerWithRpDrn(db: Db, registries: Registries, applicationId: string) {
  const app = await loadIdCardApplication(db, applicationId);
  if (!app || app.status !== 'submitted') return app;
  const order = await registries.production.registerIdCard({
    reference: app.number,
    iin: app.card.iin,
    registrationPointId: app.card.registrationPointId!,
  });
  const statuses = order.status === 'refused' ? [] : await registries.aisSik.socialStatuses(app.card.iin);
  const exemptions = statuses.length ? await db.select().from(feeExemptions).where(eq(feeExemptions.feeCode, 'id_card.duty')) : [];
  const exempt = exemptions.find((e) => statuses.some((s) => s.status === e.status)) ?? null;
  const run = checkRun();
  // The reason is in the line's code, so the citizen reads it in their language, never as a raw code.
  if (order.status === 'refused')
    run.fail(13, 'production', order.refusalReason ? `id_card_rp_drn_refused_${order.refusalReason}` : 'id_card_rp_drn_refused', {
      ticket: order.orderId,
    });
  else {
    run.pass(13, 'production', 'id_card_rp_drn_ticket', { ticket: order.orderId });
    run.pass(14, 'ais_sik', exempt ? 'id_card_exempt' : 'id_card_duty_due', { status: exempt?.status ?? null });
  }
  return db.transaction(async (tx) => {
    const event: IdCardEvent = order.status === 'refused' ? 'rp_drn_refused' : exempt ? 'exempted' : 'duty_required';
    await tx
      .update(idCardApplications)
      .set({
        rpDrnTicket: order.orderId,
        exemptStatus: exempt?.status ?? null,
        ...(event === 'rp_drn_refused' ? { closedAt: new Date() } : {}),
      })
      .where(eq(idCardApplications.applicationId, app.id));
    await recordChecks(tx, app.id, null, null, run.lines);
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: app.version,
      machine,
      event,
      actor: null,
      grant: null,
      set: event === 'exempted' ? { deadlineAt: await umsDeadline(tx) } : undefined,
      data: { ticket: order.orderId },
    });
    await notify(tx, `id_card:${app.id}:${event}`, {
      recipientIin: app.card.iin,
      applicationId: app.id,
      kind: `id_card_${event}`,
      sms: true,
      params: { number: app.number, ticket: order.orderId },
    });
    return { ...app, status: row.status, version: row.version };
  });
}

/** Step 15: the state duty (0.2 MRP of the current year) through the gateway; never twice. */
export async function payDuty(ctx: Ctx, input: { id: string; locale: 'kk' | 'ru' }) {
  const app = await loadInScope(ctx, applicantView, input.id);
  if (app.status !== 'awaiting_payment') throw new DomainError('illegal_transition');
  return payForPurpose(ctx.db, ctx.registries, {
    payerIin: ctx.actor.iin,
    applicationId: app.id,
    purposeKey: dutyPurpose(app.id),
    feeCodes: dutyFeeCodes,
    year: localYear(),
    descriptionKk: `${app.number}: жеке куәлікті ауыстыру үшін мемлекеттік баж`,
    descriptionRu: `${app.number}: госпошлина за замену удостоверения личности`,
    returnPath: `/${input.locale}/cabinet/id-card/${app.id}`,
  });
}

/**
 * When UMS DP should decide an application that reaches it now (step 17): one working day (SPEC §7.3's rule; order
 * 002 sets no term of its own, docs/decisions.md). The queue shows it and flags the overdue; monitoring counts them.
 */
async function umsDeadline(tx: DbOrTx, at: Date = new Date()): Promise<Date> {
  return reviewDeadline(at, await loadWorkCalendar(tx));
}

/**
 * The payment callback's hook: a paid duty sends the application to the UMS DP of the region (step 17).
 * False when it no longer waits for the duty (withdrawn, refused): the callback refunds it.
 */
export async function onDutyPaid(tx: DbOrTx, applicationId: string, paymentId: string): Promise<boolean> {
  const [row] = await tx
    .select({ status: applications.status, version: applications.version })
    .from(applications)
    .where(eq(applications.id, applicationId));
  if (!row || row.status !== 'awaiting_payment') return false;
  await transition(tx, {
    id: applicationId,
    expectedVersion: row.version,
    machine,
    event: 'paid',
    actor: null,
    grant: null,
    set: { deadlineAt: await umsDeadline(tx) },
    data: { payment: paymentId },
  });
  return true;
}

export async function requestSignatureOf(db: DbOrTx, app: IdCardApplication) {
  if (!app.card.signatureId) return null;
  const [s] = await db.select().from(signatures).where(eq(signatures.id, app.card.signatureId));
  return s ?? null;
}

/** Applications whose RP DRN registration did not happen yet (RP DRN was down), for the sweep. */
export async function submittedIdCards(db: Db, olderThanMs = 30_000) {
  return db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.pilot, 'id_card'),
        eq(applications.status, 'submitted'),
        sql`${applications.updatedAt} < now() - make_interval(secs => ${olderThanMs / 1000})`,
      ),
    )
    .limit(50);
}
