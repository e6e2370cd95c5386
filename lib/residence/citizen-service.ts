import 'server-only';
// The citizen's online registration (order 003, SPEC §6 "Online"): start one of the two services, pick the dwelling
// from the cadastre, fill the statistical arrival form, finish the draft (the other owners are asked, or nobody when
// the applicant owns it alone), sign with EDS — GBD FL records the address — and the address certificate is the
// result. Astana's extra steps (p.9–10) and the owners' answers are the Astana and consent services'.
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applicationEvents, applications } from '@/db/schema/applications';
import { users } from '@/db/schema/people';
import { pilotSettings } from '@/db/schema/reference';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import { createApplication, transition } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { grantFor } from '@/lib/auth/scope';
import { toLocalDate } from '@/lib/calendar/deadline';
import { localYear } from '@/lib/calendar/local';
import { DomainError, isDomainError } from '@/lib/errors';
import { notify } from '@/lib/outbox';
import { pilotOpen } from '@/lib/reference/queries';
import type { Registries } from '@/lib/registries';
import type { Person } from '@/lib/registries/gbd-fl/port';
import type { Property } from '@/lib/registries/cadastre/port';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { arrivalFormSchema, withStateFacts, type ArrivalFacts, type ArrivalForm } from './arrival-form';
import { recheckAstana } from './astana-service';
import { ASTANA_EVENTS } from './astana-step';
import { astanaRefusalAtSigning, timelineDataOf } from './astana-step-rules';
import { astanaPasses, type AstanaDecision } from './astana-types';
import { applicationDocument, type ResidenceKind } from './certificate';
import {
  ASTANA_REGION,
  expiringStatuses,
  type SigningRefusal,
  isStale,
  stayAtSigning,
  stayProblem,
  withdrawableStatuses,
} from './citizen-service-rules';
import { ownerBlock, ownersChanged, ownersToAsk, type OwnerFacts } from './dwelling';
import { applicantView, loadResidence, type ResidenceApplication } from './load';
import { residenceMachine as machine, type ResidenceState } from './machine';
import { maskedName } from './person';
import { lockForRegistration, registerResidence } from './register';

type Locale = 'kk' | 'ru';

export type ResidenceParams = {
  consentTtlHours: number;
  draftTtlDays: number;
};

/** The pilot's settings row (SPEC §2.7): open today and in these regions, with its numbers. */
export async function residenceSettings(db: DbOrTx) {
  const [s] = await db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
  const params: ResidenceParams = {
    consentTtlHours: Number(s?.params.consentTtlHours ?? 72),
    draftTtlDays: Number(s?.params.draftTtlDays ?? 30),
  };
  return { row: s, params, open: (today: string) => pilotOpen(s, today), regionCodes: s?.regionCodes ?? [] };
}

/** Pages and services: the citizen's own application, or `not_found` (another person's is not found either). */
export async function citizenResidence(db: Db, actor: Actor, id: string) {
  const grant = grantFor(actor.grants, ['citizen']);
  if (!grant) throw new DomainError('not_found');
  return loadInScope({ db, actor, grant }, applicantView, id);
}

/** The person's open application for this service, if any (the unique index keeps one). */
export async function openResidenceOf(db: DbOrTx, iin: string, kind: ResidenceKind) {
  const [row] = await db
    .select({ applicationId: residenceApplications.applicationId })
    .from(residenceApplications)
    .where(and(eq(residenceApplications.iin, iin), eq(residenceApplications.kind, kind), isNull(residenceApplications.closedAt)));
  return row?.applicationId ?? null;
}

const isUniqueViolation = (e: unknown) =>
  !!e && typeof e === 'object' && 'cause' in e && (e.cause as { code?: string } | undefined)?.code === '23505';

/**
 * Starts a service: one open application per person per service, so a second start opens the first. The person must
 * be in GBD FL; a temporary registration comes with its period (citizen-service-rules.ts).
 */
export async function startResidence(
  ctx: Ctx,
  input: { kind: ResidenceKind; locale: Locale; stayFrom?: string; stayUntil?: string },
): Promise<{ applicationId: string; existed: boolean }> {
  const existing = await openResidenceOf(ctx.db, ctx.actor.iin, input.kind);
  if (existing) return { applicationId: existing, existed: true };
  const settings = await residenceSettings(ctx.db);
  const today = toLocalDate(new Date());
  if (!settings.open(today)) throw new DomainError('residence_pilot_closed');
  let period: { stayFrom: string; stayUntil: string } | null = null;
  if (input.kind === 'temporary') {
    if (!input.stayFrom || !input.stayUntil) throw new DomainError('residence_stay_required');
    const problem = stayProblem(input.stayFrom, input.stayUntil, today);
    if (problem) throw new DomainError(problem.code);
    period = { stayFrom: input.stayFrom, stayUntil: input.stayUntil };
  }
  const person = await ctx.registries.gbdFl.findPerson(ctx.actor.iin);
  if (!person || person.deceased) throw new DomainError('residence_person_not_found');
  try {
    return await ctx.db.transaction(async (tx) => {
      const app = await createApplication(
        tx,
        {
          pilot: 'residence',
          status: machine.initial,
          applicantIin: ctx.actor.iin,
          applicantUserId: ctx.actor.userId,
          regionCode: null,
          year: localYear(),
        },
        ctx.actor,
        ctx.grant,
      );
      await tx.insert(residenceApplications).values({
        applicationId: app.id,
        iin: ctx.actor.iin,
        kind: input.kind,
        channel: 'online',
        applicantLocale: input.locale,
        stayFrom: period?.stayFrom ?? null,
        stayUntil: period?.stayUntil ?? null,
      });
      return { applicationId: app.id, existed: false };
    });
  } catch (e) {
    // Two tabs starting at once: the partial unique index keeps one; the loser opens the winner's.
    if (isUniqueViolation(e)) {
      const winner = await openResidenceOf(ctx.db, ctx.actor.iin, input.kind);
      if (winner) return { applicationId: winner, existed: true };
    }
    throw e;
  }
}

function assertDraft(app: ResidenceApplication, version: number) {
  if (app.status !== 'draft') throw new DomainError('illegal_transition');
  if (app.version !== version) throw new DomainError('application_changed');
}

/** A draft's fields change under compare-and-set on the version, so two tabs cannot overwrite each other. */
async function bumpDraft(tx: DbOrTx, id: string, version: number, set: Partial<typeof applications.$inferInsert> = {}) {
  const [row] = await tx
    .update(applications)
    .set({ ...set, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(applications.id, id), eq(applications.version, version), eq(applications.status, 'draft')))
    .returning();
  if (!row) throw new DomainError('application_changed');
  return row;
}

/** A step of the draft on the timeline (not a change of status). */
async function draftEvent(tx: DbOrTx, ctx: Ctx, applicationId: string, type: string, data: Record<string, unknown>) {
  await tx.insert(applicationEvents).values({
    applicationId,
    type,
    actorUserId: ctx.actor.userId,
    actorRole: ctx.grant.role,
    data,
  });
  await audit(tx, ctx.actor, ctx.grant, { action: `residence.${type}`, applicationId, subjectIin: ctx.actor.iin });
}

/** What GBD FL and E-Sobes say of each owner. */
export async function ownerFactsOf(registries: Registries, property: Property): Promise<(OwnerFacts & { person: Person | null })[]> {
  return Promise.all(
    property.owners.map(async (o) => {
      const [person, guardianship] = await Promise.all([registries.gbdFl.findPerson(o.iin), registries.esobes.guardianship(o.iin)]);
      return {
        ...o,
        person,
        birthDate: person?.birthDate ?? null,
        capable: person?.capable ?? false,
        deceased: person?.deceased ?? false,
        incapableInEsobes: guardianship?.incapable ?? false,
      };
    }),
  );
}

/**
 * Whether this dwelling can be registered in online by this applicant, with what was found. The refusals are
 * domain codes: no such dwelling, no person among its owners (an organisation's: at its office), an owner who is a
 * minor or incapable (only at a CON, p.4 / p.6–7), an owner who cannot answer, the applicant registered there already.
 */
export async function checkDwelling(registries: Registries, applicant: { iin: string; kind: ResidenceKind }, cadastralNumber: string) {
  const property = await registries.cadastre.findProperty(cadastralNumber);
  if (!property) throw new DomainError('residence_dwelling_not_found');
  if (property.owners.length === 0) throw new DomainError('residence_dwelling_no_private_owner');
  const owners = await ownerFactsOf(registries, property);
  const block = ownerBlock(owners, toLocalDate(new Date()));
  if (block) throw new DomainError(`residence_owner_${block.reason}`);
  const person = await registries.gbdFl.findPerson(applicant.iin);
  if (!person || person.deceased) throw new DomainError('residence_person_not_found');
  if (person.permanentAddress?.cadastralNumber === property.cadastralNumber) throw new DomainError('residence_already_registered_here');
  return { property, owners, person };
}

/**
 * The dwelling (SPEC §6): from the cadastre, checked as above. A new dwelling clears an Astana decision taken for
 * another one. Returns where the citizen goes next: Astana's page (p.9–10) or the arrival form.
 */
export async function chooseDwelling(ctx: Ctx, input: { id: string; version: number; cadastralNumber: string }) {
  const app = await loadInScope(ctx, applicantView, input.id);
  assertDraft(app, input.version);
  const settings = await residenceSettings(ctx.db);
  const { property } = await checkDwelling(ctx.registries, { iin: app.residence.iin, kind: app.residence.kind }, input.cadastralNumber);
  if (!settings.regionCodes.includes(property.regionCode)) throw new DomainError('residence_region_not_in_pilot');
  const changed = app.residence.cadastralNumber !== property.cadastralNumber;
  await ctx.db.transaction(async (tx) => {
    await bumpDraft(tx, app.id, input.version, { regionCode: property.regionCode });
    await tx
      .update(residenceApplications)
      .set({ cadastralNumber: property.cadastralNumber, ...(changed ? { astana: null } : {}) })
      .where(eq(residenceApplications.applicationId, app.id));
    await draftEvent(tx, ctx, app.id, 'residence_dwelling_chosen', { cadastralNumber: property.cadastralNumber });
  });
  return { next: property.regionCode === ASTANA_REGION ? ('astana' as const) : ('form' as const) };
}

/** Astana (p.9–10): the arrival form comes only after the Astana service let it pass. */
function astanaPassed(app: ResidenceApplication) {
  return app.regionCode !== ASTANA_REGION || (!!app.residence.astana && astanaPasses.includes(app.residence.astana.outcome));
}

function assertDwellingReady(app: ResidenceApplication) {
  if (!app.residence.cadastralNumber) throw new DomainError('residence_dwelling_required');
  if (!astanaPassed(app)) throw new DomainError('residence_astana_check_required');
}

/** What GBD FL and ZAGS know for the arrival form, in the applicant's language. */
export async function arrivalFactsOf(registries: Registries, iin: string, locale: Locale): Promise<ArrivalFacts & { person: Person }> {
  const [person, spouses] = await Promise.all([registries.gbdFl.findPerson(iin), registries.zags.spousesOf(iin)]);
  if (!person) throw new DomainError('residence_person_not_found');
  const a = person.permanentAddress;
  return {
    person,
    permanentAddress: a ? { text: locale === 'kk' ? a.addressKk : a.addressRu, regionCode: a.regionCode } : null,
    marriedInZags: spouses.length > 0,
  };
}

/**
 * The statistical arrival form, with GBD FL's and ZAGS's facts over the fields the person does not own, and for a
 * temporary registration its period. Only after the dwelling (and Astana's steps) are done.
 */
export async function saveArrivalForm(
  ctx: Ctx,
  input: { id: string; version: number; form: ArrivalForm; stayFrom?: string; stayUntil?: string },
) {
  const app = await loadInScope(ctx, applicantView, input.id);
  assertDraft(app, input.version);
  assertDwellingReady(app);
  let period: { stayFrom: string; stayUntil: string } | null = null;
  if (app.residence.kind === 'temporary') {
    if (!input.stayFrom || !input.stayUntil) throw new DomainError('residence_stay_required');
    const problem = stayProblem(input.stayFrom, input.stayUntil, toLocalDate(new Date()));
    if (problem) throw new DomainError(problem.code);
    period = { stayFrom: input.stayFrom, stayUntil: input.stayUntil };
  }
  const facts = await arrivalFactsOf(ctx.registries, app.residence.iin, app.residence.applicantLocale);
  const form = arrivalFormSchema.parse(withStateFacts(input.form, facts));
  await ctx.db.transaction(async (tx) => {
    await bumpDraft(tx, app.id, input.version);
    await tx
      .update(residenceApplications)
      .set({ arrivalForm: form, ...(period ?? {}) })
      .where(eq(residenceApplications.applicationId, app.id));
    await draftEvent(tx, ctx, app.id, 'residence_form_saved', {});
  });
}

async function localeOf(db: DbOrTx, iin: string): Promise<Locale> {
  const [u] = await db.select({ locale: users.locale }).from(users).where(eq(users.iin, iin));
  return u?.locale === 'ru' ? 'ru' : 'kk';
}

/**
 * Finishes the draft (SPEC §6): the cadastre's owners are read again; an applicant who owns it alone needs nobody's
 * consent (→ ready to sign); otherwise every other owner gets a request that expires after the pilot's
 * `consentTtlHours`, an SMS in their language and a cabinet notification that opens the request (→ awaiting the
 * owners' consent). A second press finds it finished and changes nothing.
 */
export async function finishDraft(ctx: Ctx, input: { id: string; version: number }) {
  const app = await loadInScope(ctx, applicantView, input.id);
  if (app.status !== 'draft') {
    if (app.status === 'awaiting_owner_consent' || app.status === 'ready_to_sign') return app.status as ResidenceState;
    throw new DomainError('illegal_transition');
  }
  if (app.version !== input.version) throw new DomainError('application_changed');
  assertDwellingReady(app);
  if (!app.residence.arrivalForm) throw new DomainError('residence_form_required');
  const today = toLocalDate(new Date());
  if (app.residence.kind === 'temporary') {
    const problem =
      app.residence.stayFrom && app.residence.stayUntil ? stayProblem(app.residence.stayFrom, app.residence.stayUntil, today) : null;
    if (!app.residence.stayFrom || !app.residence.stayUntil) throw new DomainError('residence_stay_required');
    if (problem) throw new DomainError(problem.code);
  }
  const { property, person } = await checkDwelling(
    ctx.registries,
    { iin: app.residence.iin, kind: app.residence.kind },
    app.residence.cadastralNumber!,
  );
  const others = ownersToAsk(property.owners, app.residence.iin);
  const { params } = await residenceSettings(ctx.db);
  const localeOfOwner = new Map(await Promise.all(others.map(async (o) => [o.iin, await localeOf(ctx.db, o.iin)] as const)));
  return ctx.db.transaction(async (tx) => {
    if (others.length === 0) {
      const row = await transition(tx, {
        id: app.id,
        expectedVersion: input.version,
        machine,
        event: 'no_consent_needed',
        actor: ctx.actor,
        grant: ctx.grant,
        data: { cadastralNumber: property.cadastralNumber },
      });
      return row.status as ResidenceState;
    }
    const expiresAt = new Date(Date.now() + params.consentTtlHours * 3_600_000);
    const asked = await tx
      .insert(residenceConsents)
      .values(others.map((o) => ({ applicationId: app.id, ownerIin: o.iin, shareMilli: o.shareMilli, expiresAt })))
      .returning();
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'request_consent',
      actor: ctx.actor,
      grant: ctx.grant,
      data: { owners: asked.length },
    });
    for (const c of asked) {
      const locale = localeOfOwner.get(c.ownerIin) ?? 'kk';
      await notify(tx, `residence:${app.id}:consent:${c.id}`, {
        recipientIin: c.ownerIin,
        applicationId: app.id,
        kind: 'residence_consent_requested',
        sms: true,
        locale,
        params: {
          number: app.number,
          applicant: maskedName(person, locale),
          address: locale === 'kk' ? property.addressKk : property.addressRu,
          hours: params.consentTtlHours,
          path: `/cabinet/consents/${c.id}`,
        },
      });
    }
    return row.status as ResidenceState;
  });
}

/** The owners as the applicant signs them: the applicant's own share, and each other owner's consent. */
function signedOwners(app: ResidenceApplication, property: Property) {
  return property.owners.map((o) => ({
    iin: o.iin,
    shareMilli: o.shareMilli,
    consent: o.iin === app.residence.iin ? ('applicant' as const) : ('consented' as const),
  }));
}

/** What the applicant signs (certificate.ts), rebuilt from the stored application and the cadastre. */
export async function applicationDocumentOf(
  registries: Registries,
  app: ResidenceApplication,
  actor: Pick<Actor, 'surname' | 'givenName' | 'patronymic'>,
) {
  if (!app.residence.cadastralNumber || !app.residence.arrivalForm) throw new DomainError('residence_form_required');
  const property = await registries.cadastre.findProperty(app.residence.cadastralNumber);
  if (!property) throw new DomainError('residence_dwelling_not_found');
  return applicationDocument({
    number: app.number,
    kind: app.residence.kind,
    applicant: { iin: app.residence.iin, name: [actor.surname, actor.givenName, actor.patronymic].filter(Boolean).join(' ') },
    dwelling: { cadastralNumber: property.cadastralNumber, regionCode: property.regionCode, addressRu: property.addressRu },
    period: app.residence.kind === 'temporary' ? { from: app.residence.stayFrom!, until: app.residence.stayUntil! } : null,
    owners: signedOwners(app, property),
    arrivalForm: app.residence.arrivalForm,
  });
}

export type { SigningRefusal };

type Refusal = { refusal: SigningRefusal; details?: Record<string, unknown>; astana?: AstanaDecision };

/**
 * The Astana norm re-checked at signing (p.10 steps 1–3 again: the count may have grown while the owners answered;
 * on a reached norm the stated claim again, lib/residence/astana-service.ts `recheckAstana`). A reached norm that no
 * confirmed kinship or study covers refuses with the numbers and the new decision; outside Astana, or passing, null.
 */
async function astanaRecheckAtSigning(
  db: DbOrTx,
  registries: Registries,
  app: ResidenceApplication,
  property: Property,
  today: string,
): Promise<Refusal | null> {
  const owners = ownersToAsk(property.owners, app.residence.iin).map((o) => o.iin);
  const decision = await recheckAstana(db, registries, app, owners, today);
  if (!decision) return null;
  const refused = astanaRefusalAtSigning(decision, property.cadastralNumber);
  return refused ? { refusal: refused.code, details: refused.details, astana: decision } : null;
}

/**
 * What can have changed since the draft was finished: the applicant still in GBD FL, the dwelling's owners the ones
 * asked, every consent given, the period still ahead, Astana's norm (the seam above). Null when all hold.
 */
async function recheckAtSigning(
  db: DbOrTx,
  registries: Registries,
  app: ResidenceApplication,
  today: string,
): Promise<Refusal | { property: Property; person: Person; period: { from: string; until: string } | null }> {
  const [person, property] = await Promise.all([
    registries.gbdFl.findPerson(app.residence.iin),
    registries.cadastre.findProperty(app.residence.cadastralNumber!),
  ]);
  if (!person || person.deceased) return { refusal: 'applicant_not_in_gbd_fl' };
  if (!property) return { refusal: 'dwelling_gone' };
  if (
    ownersChanged(
      property.owners,
      app.consents.map((c) => ({ iin: c.ownerIin, shareMilli: c.shareMilli })),
      app.residence.iin,
    )
  )
    return { refusal: 'owners_changed' };
  // An owner who became incapable (or died) since: the service is no longer online for this dwelling (p.4, p.6–7).
  const block = ownerBlock(await ownerFactsOf(registries, property), today);
  if (block) return { refusal: 'not_for_this_dwelling', details: { reason: block.reason } };
  if (app.consents.some((c) => c.status !== 'consented')) return { refusal: 'consent_missing' };
  let period: { from: string; until: string } | null = null;
  if (app.residence.kind === 'temporary') {
    period = stayAtSigning(app.residence.stayFrom!, app.residence.stayUntil!, today);
    if (!period) return { refusal: 'stay_ended' };
  }
  const astana = await astanaRecheckAtSigning(db, registries, app, property, today);
  if (astana) return astana;
  return { property, person, period };
}

/**
 * A refusal decided at signing: the application ends (the person may start again) and is told why. An Astana
 * refusal keeps the new decision (the decision page explains it) and puts its numbers on the timeline.
 */
async function refuseAtSigning(db: Db, app: ResidenceApplication, refused: Refusal): Promise<never> {
  const { refusal, details = {}, astana } = refused;
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(residenceApplications)
      .set({ refusalCode: refusal, refusalDetails: details, closedAt: now, ...(astana ? { astana } : {}) })
      .where(eq(residenceApplications.applicationId, app.id));
    if (astana)
      await tx.insert(applicationEvents).values({
        applicationId: app.id,
        type: ASTANA_EVENTS.normChecked,
        actorUserId: null,
        actorRole: null,
        data: timelineDataOf(astana, app.residence.cadastralNumber!),
      });
    await transition(tx, {
      id: app.id,
      expectedVersion: app.version,
      machine,
      event: 'refuse',
      actor: null,
      grant: null,
      set: { decidedAt: now },
      data: { refusalCode: refusal, at: 'signing' },
    });
    await notify(tx, `residence:${app.id}:refused`, {
      recipientIin: app.residence.iin,
      applicationId: app.id,
      kind: 'residence_refused',
      sms: true,
      locale: app.residence.applicantLocale,
      params: { number: app.number },
    });
  });
  throw new DomainError(`residence_refused_${refusal}`);
}

/**
 * Signs and registers (SPEC §6): the re-checks above, then in one transaction — the application row locked, so of
 * two submits exactly one goes on — the EDS is verified and stored, GBD FL records the address (permanent: the person
 * moves, which ends the previous registration; temporary: from–until), and the application is `registered` with its
 * certificate number; SMS and notification go out with it. A second submit finds it registered and does nothing.
 */
export async function signResidence(ctx: Ctx, input: { id: string; version: number; cms: string }) {
  const app = await loadInScope(ctx, applicantView, input.id);
  if (app.status === 'registered' && app.residence.signatureId) return app; // double submit
  if (app.status !== 'ready_to_sign') throw new DomainError('illegal_transition');
  if (app.version !== input.version) throw new DomainError('application_changed');
  const today = toLocalDate(new Date());
  const checked = await recheckAtSigning(ctx.db, ctx.registries, app, today);
  if ('refusal' in checked) return refuseAtSigning(ctx.db, app, checked);
  const { property, period } = checked;
  const document = await applicationDocumentOf(ctx.registries, app, ctx.actor);
  await ctx.db.transaction(async (tx) => {
    if (!(await lockForRegistration(tx, app.id, input.version))) return; // the other submit won
    await registerResidence(tx, ctx.registries, {
      app,
      property,
      period,
      signature: { purpose: 'residence.application', document, cms: input.cms, party: { role: 'applicant', iin: ctx.actor.iin } },
      personMissing: 'residence_person_not_found',
      event: { name: 'sign', expectedVersion: input.version, actor: ctx.actor, grant: ctx.grant },
    });
  });
  return loadResidence(ctx.db, app.id);
}

/** Requests nobody answered yet are closed with the application: the owners are no longer asked. */
async function closeOpenConsents(tx: DbOrTx, applicationId: string) {
  await tx
    .update(residenceConsents)
    .set({ status: 'expired', version: sql`${residenceConsents.version} + 1` })
    .where(and(eq(residenceConsents.applicationId, applicationId), eq(residenceConsents.status, 'requested')));
}

/** The applicant withdraws a draft, an application awaiting the owners, or one ready to sign. */
export async function withdrawResidence(ctx: Ctx, input: { id: string; version: number }) {
  const app = await loadInScope(ctx, applicantView, input.id);
  if (app.status === 'withdrawn') return; // double submit
  if (!withdrawableStatuses.includes(app.status as ResidenceState)) throw new DomainError('illegal_transition');
  if (app.version !== input.version) throw new DomainError('application_changed');
  await ctx.db.transaction(async (tx) => {
    await tx.update(residenceApplications).set({ closedAt: new Date() }).where(eq(residenceApplications.applicationId, app.id));
    await closeOpenConsents(tx, app.id);
    await transition(tx, { id: app.id, expectedVersion: input.version, machine, event: 'withdraw', actor: ctx.actor, grant: ctx.grant });
  });
}

/**
 * The sweep (lib/pilots/index.ts): a draft or a ready application nobody touched for the pilot's `draftTtlDays`
 * expires, and the applicant is told. A racing change (the applicant acting at that moment) wins; it is skipped.
 */
export async function expireStaleResidence(db: Db, now: Date = new Date()): Promise<number> {
  const { params } = await residenceSettings(db);
  const cutoff = new Date(now.getTime() - params.draftTtlDays * 86_400_000);
  const stale = await db
    .select({
      id: applications.id,
      number: applications.number,
      version: applications.version,
      updatedAt: applications.updatedAt,
      iin: residenceApplications.iin,
      locale: residenceApplications.applicantLocale,
    })
    .from(applications)
    .innerJoin(residenceApplications, eq(residenceApplications.applicationId, applications.id))
    .where(
      and(
        eq(applications.pilot, 'residence'),
        inArray(applications.status, [...expiringStatuses]),
        eq(residenceApplications.channel, 'online'),
        lt(applications.updatedAt, cutoff),
      ),
    )
    .limit(100);
  let expired = 0;
  for (const a of stale) {
    if (!isStale(a.updatedAt, now, params.draftTtlDays)) continue;
    try {
      await db.transaction(async (tx) => {
        await tx.update(residenceApplications).set({ closedAt: now }).where(eq(residenceApplications.applicationId, a.id));
        await closeOpenConsents(tx, a.id);
        await transition(tx, {
          id: a.id,
          expectedVersion: a.version,
          machine,
          event: 'expire',
          actor: null,
          grant: null,
          data: { days: params.draftTtlDays },
        });
        await notify(tx, `residence:${a.id}:expired`, {
          recipientIin: a.iin,
          applicationId: a.id,
          kind: 'residence_expired',
          sms: false,
          locale: a.locale,
          params: { number: a.number, days: params.draftTtlDays },
        });
      });
      expired++;
    } catch (e) {
      if (isDomainError(e) && e.code === 'application_changed') continue;
      throw e;
    }
  }
  return expired;
}
