import 'server-only';
import { and, asc, desc, eq, gte, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applicationParties, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { pilotSettings } from '@/db/schema/reference';
import { residenceApplications } from '@/db/schema/residence';
import { queueTickets } from '@/db/schema/vehicle';
import { createApplication, transition } from '@/lib/applications/core';
import { identifyAtDesk } from '@/lib/applications/identify-at-desk';
import { loadInScope, isUuid, type ScopeContext } from '@/lib/applications/scope';
import { assertSeparation } from '@/lib/auth/separation-guard';
import { audit, scopeLabel } from '@/lib/audit';
import { localDate, localDayStart, localYear } from '@/lib/calendar/local';
import { DomainError } from '@/lib/errors';
import { pilotOpen } from '@/lib/reference/queries';
import type { Registries } from '@/lib/registries';
import type { Property } from '@/lib/registries/cadastre/port';
import type { Person } from '@/lib/registries/gbd-fl/port';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { canonicalJson } from '@/lib/signatures/canonical';
import type { ArrivalForm } from './arrival-form';
import { checkNorm, decideClaim, isAstana, recheckAstana } from './astana-service';
import { astanaPasses, type AstanaClaim, type AstanaDecision } from './astana-types';
import { conDocument, ownerIncapacity, receptionOutcome, representativeBasis, residenceTicketCode, signBlockers } from './con-rules';
import type { ConAuthority, ConIntake, DeskBiometrics, DeskRefusalCode, OwnerIncapacity } from './con-types';
import { centreView, loadResidence, type ResidenceApplication } from './load';
import { residenceMachine as machine } from './machine';
import { ageOn, maskedName } from './person';
import { lockForRegistration, registerResidence } from './register';

// The CON path of order 003 (chapter 2, p.3–8). Reception (`con_reception`) finds who owns the dwelling and sends a
// minor's or an incapable owner's visitor to the operating hall with an e-queue ticket (p.4), anyone else to the
// online service (p.5). In the operating hall (`con_operator`) the worker calls the ticket, enters the owner's IIN and
// the portal checks it in GBD FL and E-Sobes (p.6); on a warning the worker refuses and refers online (p.8, recorded
// in the audit trail: no application exists yet); otherwise the worker identifies the legal representative and
// checks the authority in ZAGS or E-Sobes (p.7), forms the application (a draft at this CON), takes Astana's steps
// and the arrival form, and signs it with EDS: GBD FL records the address. Every step is scoped to the worker's
// CON, versioned, audited in its transaction, and repeated with the same input changes nothing.

const SERVICE = 'residence' as const;

function centreOf(ctx: Pick<Ctx, 'grant'>, role: 'con_reception' | 'con_operator'): number {
  const id = ctx.grant.serviceCentreId;
  if (id == null || ctx.grant.role !== role) throw new DomainError('not_your_step', { event: 'residence_con' });
  return id;
}

// ── reception: p.3–5 ──────────────────────────────────────────────────────────────────────────────────────

export type OwnerStatus = {
  iin: string;
  shareMilli: number;
  /** Masked as a portal shows a person to staff who need not know more: «Айша Ж.». */
  nameKk: string;
  nameRu: string;
  found: boolean;
  age: number | null;
  incapacity: OwnerIncapacity | null;
};

export type ReceptionLookup = { property: Property; owners: OwnerStatus[]; outcome: 'operating_hall' | 'online' };

/** p.3: each owner of the dwelling with their age (GBD FL birth date) and legal capacity (E-Sobes). */
async function ownerStatuses(registries: Registries, property: Property, today: string): Promise<OwnerStatus[]> {
  return Promise.all(
    property.owners.map(async (o) => {
      const [person, guardianship] = await Promise.all([registries.gbdFl.findPerson(o.iin), registries.esobes.guardianship(o.iin)]);
      return {
        iin: o.iin,
        shareMilli: o.shareMilli,
        nameKk: maskedName(person, 'kk'),
        nameRu: maskedName(person, 'ru'),
        found: !!person,
        age: person ? ageOn(person.birthDate, today) : null,
        incapacity: person && !person.deceased ? ownerIncapacity(person, guardianship, today) : null,
      };
    }),
  );
}

export const normalizeCadastralNumber = (s: string) => s.trim().replace(/\s+/g, '');

/**
 * p.3–5: reception names the dwelling (its cadastral number) and sees who owns it. Each lookup is recorded: the
 * dwelling, the outcome (operating hall / online), and a `person.viewed` row per owner. Null: no such dwelling.
 */
export async function receptionLookup(ctx: Ctx, cadastralNumber: string, today = localDate()): Promise<ReceptionLookup | null> {
  centreOf(ctx, 'con_reception');
  const cn = normalizeCadastralNumber(cadastralNumber);
  const property = await ctx.registries.cadastre.findProperty(cn);
  if (!property) {
    await audit(ctx.db, ctx.actor, ctx.grant, {
      action: 'residence.con.reception_checked',
      data: { cadastralNumber: cn, outcome: 'not_found' },
    });
    return null;
  }
  const owners = await ownerStatuses(ctx.registries, property, today);
  const outcome = receptionOutcome(owners);
  await ctx.db.transaction(async (tx) => {
    for (const o of owners)
      await audit(tx, ctx.actor, ctx.grant, { action: 'person.viewed', subjectIin: o.iin, data: { purpose: 'residence.con.reception' } });
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'residence.con.reception_checked',
      data: { cadastralNumber: cn, outcome, owners: owners.length },
    });
  });
  return { property, owners, outcome };
}

/**
 * p.4: an e-queue ticket for the operating hall, only for a dwelling with a minor or incapable owner. The ticket
 * carries no IIN (the hall identifies whoever comes). The same dwelling asked twice at this CON today while its
 * ticket still waits gets the same ticket (a double click).
 */
/** Order 003 p.6: the pilot's CON path runs only within its dates too (pilot_settings row `residence`). */
async function assertPilotOpen(db: Ctx['db'], today: string) {
  const [s] = await db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
  if (!pilotOpen(s, today)) throw new DomainError('residence_pilot_closed');
}

export async function issueResidenceTicket(ctx: Ctx, input: { cadastralNumber: string }, today = localDate()) {
  const centreId = centreOf(ctx, 'con_reception');
  await assertPilotOpen(ctx.db, today);
  const cn = normalizeCadastralNumber(input.cadastralNumber);
  const property = await ctx.registries.cadastre.findProperty(cn);
  if (!property) throw new DomainError('residence_con_dwelling_not_found');
  if (receptionOutcome(await ownerStatuses(ctx.registries, property, today)) !== 'operating_hall')
    throw new DomainError('residence_con_online_only');
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ticket:${centreId}:${today}:${SERVICE}`}))`);
    const [earlier] = await tx
      .select({ ticketId: sql<string>`${auditEvents.data}->>'ticketId'` })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'residence.con.ticket_issued'),
          eq(auditEvents.actorScope, scopeLabel(ctx.grant)!),
          gte(auditEvents.at, localDayStart(today)),
          sql`${auditEvents.data}->>'cadastralNumber' = ${cn}`,
        ),
      )
      .orderBy(desc(auditEvents.at))
      .limit(1);
    if (earlier?.ticketId && isUuid(earlier.ticketId)) {
      const [waiting] = await tx
        .select()
        .from(queueTickets)
        .where(and(eq(queueTickets.id, earlier.ticketId), eq(queueTickets.status, 'waiting')));
      if (waiting) return waiting;
    }
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${queueTickets.seq}), 0) + 1` })
      .from(queueTickets)
      .where(and(eq(queueTickets.serviceCentreId, centreId), eq(queueTickets.day, today), eq(queueTickets.service, SERVICE)))) as [
      { next: number },
    ];
    const seq = Number(next);
    const [ticket] = await tx
      .insert(queueTickets)
      .values({ serviceCentreId: centreId, day: today, service: SERVICE, seq, code: residenceTicketCode(seq), iin: null })
      .returning();
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'residence.con.ticket_issued',
      data: { ticket: ticket!.code, ticketId: ticket!.id, cadastralNumber: cn },
    });
    return ticket!;
  });
}

// ── the operating hall: the e-queue ───────────────────────────────────────────────────────────────────────

/** A CON's residence tickets waiting on a day. */
const waitingAt = (centreId: number, day: string) =>
  and(
    eq(queueTickets.serviceCentreId, centreId),
    eq(queueTickets.day, day),
    eq(queueTickets.service, SERVICE),
    eq(queueTickets.status, 'waiting'),
  );

/** Today's waiting residence tickets of a CON, in order. */
export function waitingResidenceTickets(db: DbOrTx, centreId: number, today = localDate()) {
  return db
    .select({ id: queueTickets.id, code: queueTickets.code, createdAt: queueTickets.createdAt })
    .from(queueTickets)
    .where(waitingAt(centreId, today))
    .orderBy(asc(queueTickets.seq));
}

/** The oldest waiting residence ticket of this CON today (two workers calling at once get two: SKIP LOCKED). */
export async function callNextResidenceTicket(ctx: Ctx, today = localDate()) {
  const centreId = centreOf(ctx, 'con_operator');
  return ctx.db.transaction(async (tx) => {
    const [next] = await tx
      .select()
      .from(queueTickets)
      .where(waitingAt(centreId, today))
      .orderBy(asc(queueTickets.seq))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) throw new DomainError('residence_con_queue_empty');
    await tx.update(queueTickets).set({ status: 'called', calledAt: new Date() }).where(eq(queueTickets.id, next.id));
    await audit(tx, ctx.actor, ctx.grant, { action: 'residence.con.ticket_called', data: { ticket: next.code, ticketId: next.id } });
    return { ...next, status: 'called' as const };
  });
}

/** A residence ticket of the worker's CON, or not_found (audited) for a malformed id, another CON's or another service's. */
export async function deskTicket(ctx: ScopeContext, ticketId: string) {
  const [ticket] = isUuid(ticketId) ? await ctx.db.select().from(queueTickets).where(eq(queueTickets.id, ticketId)) : [];
  if (ticket && ticket.service === SERVICE && ticket.serviceCentreId === ctx.grant.serviceCentreId && ctx.grant.role === 'con_operator')
    return ticket;
  if (ticket) await audit(ctx.db, ctx.actor, ctx.grant, { action: 'access.denied', data: { view: 'residence.con.ticket', ticketId } });
  throw new DomainError('not_found');
}

async function openTicket(ctx: Ctx, ticketId: string) {
  const ticket = await deskTicket(ctx, ticketId);
  if (ticket.status !== 'called') throw new DomainError('residence_con_ticket_closed');
  return ticket;
}

// ── p.6: the owner's IIN in GBD FL and E-Sobes ───────────────────────────────────────────────────────────

export type Dwelling = Pick<Property, 'cadastralNumber' | 'regionCode' | 'addressKk' | 'addressRu' | 'totalAreaM2' | 'kind'>;
export type OwnerCheck = {
  ownerIin: string;
  nameKk: string;
  nameRu: string;
  age: number;
  incapacity: OwnerIncapacity;
  /** E-Sobes: the guardian (masked) and the decision it rests on, when there is one. */
  guardian: { nameKk: string; nameRu: string; basisKk: string | null; basisRu: string | null } | null;
  dwellings: Dwelling[];
};

/** A warning of the checks (p.8): the worker refuses on it. Message: Errors.residence_con_<code>. */
const warning = (code: DeskRefusalCode) => new DomainError(`residence_con_${code}`, {}, { refusal: code });

/**
 * p.6: the format check is the form's (`isValidIin`); here the logic checks: GBD FL knows the owner and they are
 * alive, they are under 18 (GBD FL birth date) or legally incapable (E-Sobes), and they own a dwelling in the
 * cadastre. Each check is recorded (the owner viewed, the outcome); a failed one is a warning (p.8).
 */
export async function checkOwner(ctx: Ctx, input: { ticketId: string; ownerIin: string }, today = localDate()): Promise<OwnerCheck> {
  const ticket = await openTicket(ctx, input.ticketId);
  const person = await ctx.registries.gbdFl.findPerson(input.ownerIin);
  const record = (outcome: string) =>
    ctx.db.transaction(async (tx) => {
      if (person)
        await audit(tx, ctx.actor, ctx.grant, {
          action: 'person.viewed',
          subjectIin: person.iin,
          data: { purpose: 'residence.con.owner' },
        });
      await audit(tx, ctx.actor, ctx.grant, { action: 'residence.con.owner_checked', data: { ticket: ticket.code, outcome } });
    });
  if (!person) {
    await record('owner_not_found');
    throw warning('owner_not_found');
  }
  if (person.deceased) {
    await record('owner_deceased');
    throw warning('owner_deceased');
  }
  const guardianship = await ctx.registries.esobes.guardianship(person.iin);
  const incapacity = ownerIncapacity(person, guardianship, today);
  if (!incapacity) {
    await record('owner_not_minor_or_incapable');
    throw warning('owner_not_minor_or_incapable');
  }
  const dwellings = await ctx.registries.cadastre.propertiesOf(person.iin);
  if (!dwellings.length) {
    await record('owner_has_no_dwelling');
    throw warning('owner_has_no_dwelling');
  }
  const guardian = guardianship?.guardianIin ? await ctx.registries.gbdFl.findPerson(guardianship.guardianIin) : null;
  await record('passed');
  return {
    ownerIin: person.iin,
    nameKk: maskedName(person, 'kk'),
    nameRu: maskedName(person, 'ru'),
    age: ageOn(person.birthDate, today),
    incapacity,
    guardian: guardianship?.guardianIin
      ? {
          nameKk: maskedName(guardian, 'kk'),
          nameRu: maskedName(guardian, 'ru'),
          basisKk: guardianship.basisKk,
          basisRu: guardianship.basisRu,
        }
      : null,
    dwellings: dwellings.map((d) => ({
      cadastralNumber: d.cadastralNumber,
      regionCode: d.regionCode,
      addressKk: d.addressKk,
      addressRu: d.addressRu,
      totalAreaM2: d.totalAreaM2,
      kind: d.kind,
    })),
  };
}

/**
 * p.8: the worker refuses on a warning and refers the person online (the printout). Recorded in the audit trail
 * (who, which CON, the ticket, the reason, the owner when one was entered) and the ticket is served. No application
 * is created: the order forms one only after the checks pass (p.7). Refusing a ticket already closed changes nothing.
 */
export async function refuseAtDesk(ctx: Ctx, input: { ticketId: string; code: DeskRefusalCode; ownerIin?: string }) {
  const ticket = await deskTicket(ctx, input.ticketId);
  if (ticket.status !== 'called') {
    if (ticket.applicationId) throw new DomainError('residence_con_ticket_closed');
    return ticket;
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(queueTickets)
      .set({ status: 'served' })
      .where(and(eq(queueTickets.id, ticket.id), eq(queueTickets.status, 'called')))
      .returning();
    if (!row) return ticket; // the other click refused it
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'residence.con_refused',
      subjectIin: input.ownerIin ?? null,
      data: { ticket: ticket.code, ticketId: ticket.id, refusal: input.code, referredOnline: true },
    });
    return row;
  });
}

// ── p.7: the legal representative, the applicant, and the application formed ────────────────────────────

/** A CON visitor identified as at every desk (identifyAtDesk); not found or deceased → an input error, not a refusal. */
async function identifyVisitor(registries: Registries, documentNumber: string) {
  const found = await identifyAtDesk(registries, documentNumber);
  if (!found || found.person.deceased) throw new DomainError('residence_con_document_not_found');
  return found;
}

export type FormApplicationInput = {
  ticketId: string;
  ownerIin: string;
  cadastralNumber: string;
  representativeDocument: string;
  applicantMode: 'representative' | 'other';
  applicantDocument?: string;
  kind: 'permanent' | 'temporary';
  stayFrom?: string;
  stayUntil?: string;
  applicantLocale: 'kk' | 'ru';
};

function isUniqueViolation(e: unknown): boolean {
  const code = (x: unknown) => (x && typeof x === 'object' && 'code' in x ? (x as { code?: string }).code : undefined);
  return code(e) === '23505' || (!!e && typeof e === 'object' && 'cause' in e && code((e as { cause: unknown }).cause) === '23505');
}

/**
 * p.6–7: the owner checked again (the page's first answer is not trusted), the dwelling one of theirs, the
 * representative identified with a passed biometric check and their authority found — a minor's parent in ZAGS (the
 * birth act) or the guardian in E-Sobes (its basis) —, the applicant (the representative, or another person
 * identified the same way). Then the application is formed at this CON in one transaction: a draft of the residence
 * pilot, channel `con`, with the intake and (in Astana) steps 1–3 of p.10. A second submit for the same ticket, or
 * for the same person's open CON application, answers the one formed.
 */
export async function formApplication(ctx: Ctx, input: FormApplicationInput, today = localDate()): Promise<{ applicationId: string }> {
  const centreId = centreOf(ctx, 'con_operator');
  const ticket = await deskTicket(ctx, input.ticketId);
  if (ticket.applicationId) return { applicationId: ticket.applicationId };
  await assertPilotOpen(ctx.db, today);
  if (ticket.status !== 'called') throw new DomainError('residence_con_ticket_closed');
  const owner = await checkOwner(ctx, { ticketId: ticket.id, ownerIin: input.ownerIin }, today);
  const cn = normalizeCadastralNumber(input.cadastralNumber);
  const property = await ctx.registries.cadastre.findProperty(cn);
  if (!property || !property.owners.some((o) => o.iin === owner.ownerIin)) throw new DomainError('residence_con_not_owners_dwelling');

  const rep = await identifyVisitor(ctx.registries, input.representativeDocument);
  if (!rep.biometrics.passed) throw warning('biometrics_failed');
  const [parents, guardianship] = await Promise.all([
    ctx.registries.zags.parentsOf(owner.ownerIin),
    ctx.registries.esobes.guardianship(owner.ownerIin),
  ]);
  const basis = representativeBasis({
    representativeIin: rep.person.iin,
    ownerIin: owner.ownerIin,
    incapacity: owner.incapacity,
    parents,
    guardianIin: guardianship?.guardianIin ?? null,
  });
  if (!basis) {
    await audit(ctx.db, ctx.actor, ctx.grant, {
      action: 'residence.con.authority_checked',
      subjectIin: rep.person.iin,
      data: { ticket: ticket.code, outcome: 'not_representative' },
    });
    throw warning('not_representative');
  }
  let authority: ConAuthority;
  if (basis === 'parent') {
    const act = await ctx.registries.zags.birthAct(owner.ownerIin);
    if (!act) throw warning('not_representative');
    authority = { kind: 'birth_act', number: act.number, registeredOn: act.registeredOn };
  } else {
    authority = { kind: 'guardianship', basisKk: guardianship?.basisKk ?? '—', basisRu: guardianship?.basisRu ?? '—' };
  }

  let applicant: { person: Person; documentNumber: string; biometrics: DeskBiometrics } = rep;
  if (input.applicantMode === 'other') {
    applicant = await identifyVisitor(ctx.registries, input.applicantDocument ?? '');
    if (!applicant.biometrics.passed) throw warning('biometrics_failed');
  }
  const astana = isAstana(property.regionCode) ? await checkNorm(ctx.db, ctx.registries, cn, today) : null;
  const intake: ConIntake = {
    serviceCentreId: centreId,
    queueTicketId: ticket.id,
    ownerIin: owner.ownerIin,
    ownerIncapacity: owner.incapacity,
    representativeIin: rep.person.iin,
    representativeBasis: basis,
    authority,
    identityDocumentNumber: rep.documentNumber,
    biometrics: rep.biometrics,
    applicant:
      applicant.person.iin === rep.person.iin
        ? null
        : { iin: applicant.person.iin, identityDocumentNumber: applicant.documentNumber, biometrics: applicant.biometrics },
    checkedAt: new Date().toISOString(),
  };

  try {
    return await ctx.db.transaction(async (tx) => {
      const app = await createApplication(
        tx,
        {
          pilot: 'residence',
          status: machine.initial,
          applicantIin: applicant.person.iin,
          regionCode: property.regionCode,
          serviceCentreId: centreId,
          year: localYear(),
        },
        ctx.actor,
        ctx.grant,
      );
      await tx.insert(residenceApplications).values({
        applicationId: app.id,
        iin: applicant.person.iin,
        kind: input.kind,
        channel: 'con',
        applicantLocale: input.applicantLocale,
        cadastralNumber: cn,
        stayFrom: input.kind === 'temporary' ? input.stayFrom! : null,
        stayUntil: input.kind === 'temporary' ? input.stayUntil! : null,
        astana,
        conIntake: intake,
      });
      await tx
        .insert(applicationParties)
        .values([
          { applicationId: app.id, iin: owner.ownerIin, role: 'owner' },
          { applicationId: app.id, iin: rep.person.iin, role: 'representative' },
        ])
        .onConflictDoNothing();
      const [linked] = await tx
        .update(queueTickets)
        .set({ applicationId: app.id })
        .where(and(eq(queueTickets.id, ticket.id), isNull(queueTickets.applicationId)))
        .returning({ id: queueTickets.id });
      if (!linked) throw new DomainError('application_changed'); // the other click formed it: answer that one
      await audit(tx, ctx.actor, ctx.grant, {
        action: 'residence.con.formed',
        applicationId: app.id,
        subjectIin: owner.ownerIin,
        data: { ticket: ticket.code, basis, incapacity: owner.incapacity, astana: astana?.outcome ?? null },
      });
      return { applicationId: app.id };
    });
  } catch (e) {
    const [again] = await ctx.db
      .select({ applicationId: queueTickets.applicationId })
      .from(queueTickets)
      .where(eq(queueTickets.id, ticket.id));
    if (again?.applicationId) return { applicationId: again.applicationId };
    if (!isUniqueViolation(e)) throw e;
    // One open application per person per service: the same person's open CON application for this owner is this one.
    const [open] = await ctx.db
      .select({ id: applications.id, intake: residenceApplications.conIntake, centre: applications.serviceCentreId })
      .from(residenceApplications)
      .innerJoin(applications, eq(applications.id, residenceApplications.applicationId))
      .where(
        and(
          eq(residenceApplications.iin, applicant.person.iin),
          eq(residenceApplications.kind, input.kind),
          isNull(residenceApplications.closedAt),
        ),
      );
    if (open && open.centre === centreId && open.intake?.ownerIin === owner.ownerIin) return { applicationId: open.id };
    throw new DomainError('residence_con_open_application');
  }
}

// ── the formed application: Astana's steps 4–7, the arrival form, the signature ──────────────────────────

/** The worker's CON's application of the CON channel, or not_found (audited). */
export async function conApplication(ctx: ScopeContext, id: string): Promise<ResidenceApplication & { intake: ConIntake }> {
  const app = await loadInScope(ctx, centreView, id);
  if (app.residence.channel !== 'con' || !app.residence.conIntake) throw new DomainError('not_found');
  return { ...app, intake: app.residence.conIntake };
}

function requireDraft(app: ResidenceApplication) {
  if (app.status !== 'draft') throw new DomainError('illegal_transition');
}

/** A step's compare-and-set on the application's version, with the step's columns and its audit row. */
async function saveStep(
  tx: DbOrTx,
  ctx: Ctx,
  app: ResidenceApplication,
  expectedVersion: number,
  step: string,
  set: Partial<typeof residenceApplications.$inferInsert>,
) {
  const [row] = await tx
    .update(applications)
    .set({ version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(applications.id, app.id), eq(applications.version, expectedVersion), eq(applications.status, 'draft')))
    .returning({ version: applications.version });
  if (!row) throw new DomainError('application_changed');
  await tx.update(residenceApplications).set(set).where(eq(residenceApplications.applicationId, app.id));
  await audit(tx, ctx.actor, ctx.grant, { action: `residence.con.${step}`, applicationId: app.id });
  return row.version;
}

async function closeTicket(tx: DbOrTx, intake: ConIntake) {
  if (intake.queueTicketId) await tx.update(queueTickets).set({ status: 'served' }).where(eq(queueTickets.id, intake.queueTicketId));
}

/** An application refused on Astana's steps (6: no kinship; 7: no full-time study): `con_refuse`, with the reason. */
async function refuseOnAstana(
  tx: DbOrTx,
  ctx: Ctx,
  app: ResidenceApplication & { intake: ConIntake },
  version: number,
  decision: AstanaDecision,
) {
  const now = new Date();
  const row = await transition(tx, {
    id: app.id,
    expectedVersion: version,
    machine,
    event: 'con_refuse',
    actor: ctx.actor,
    grant: ctx.grant,
    set: { decidedAt: now },
    data: { reason: decision.outcome },
  });
  await tx
    .update(residenceApplications)
    .set({ astana: decision, refusalCode: decision.outcome, refusalDetails: { claim: decision.claim }, closedAt: now })
    .where(eq(residenceApplications.applicationId, app.id));
  await closeTicket(tx, app.intake);
  return row;
}

/**
 * p.10 steps 4–7 on a dwelling at the norm: the applicant's claim checked with `decideClaim` against the dwelling's
 * owners. Confirmed → on to the arrival form; not confirmed → the application is refused with the reason (p.10
 * step 6 / 7). The same claim again changes nothing.
 */
export async function setAstanaClaim(ctx: Ctx, input: { id: string; version: number; claim: AstanaClaim }, today = localDate()) {
  const app = await conApplication(ctx, input.id);
  const current = app.residence.astana;
  if (current?.claim && canonicalJson(current.claim) === canonicalJson(input.claim) && current.outcome !== 'claim_needed') return app;
  requireDraft(app);
  if (!current || current.withinNorm) throw new DomainError('residence_con_no_claim_needed');
  const property = await ctx.registries.cadastre.findProperty(app.residence.cadastralNumber!);
  const decision = await decideClaim(
    ctx.registries,
    {
      norm: current,
      applicantIin: app.residence.iin,
      ownerIins: property?.owners.map((o) => o.iin) ?? [app.intake.ownerIin],
      claim: input.claim,
    },
    today,
  );
  await ctx.db.transaction(async (tx) => {
    if (astanaPasses.includes(decision.outcome)) await saveStep(tx, ctx, app, input.version, 'astana_claim', { astana: decision });
    else await refuseOnAstana(tx, ctx, app, input.version, decision);
  });
  return conApplication(ctx, app.id);
}

/** The statistical arrival form (its shared schema), saved on its own; the same form again changes nothing. */
export async function saveArrivalForm(ctx: Ctx, input: { id: string; version: number; form: ArrivalForm }) {
  const app = await conApplication(ctx, input.id);
  if (app.residence.arrivalForm && canonicalJson(app.residence.arrivalForm) === canonicalJson(input.form)) return app;
  requireDraft(app);
  await ctx.db.transaction((tx) => saveStep(tx, ctx, app, input.version, 'arrival_form', { arrivalForm: input.form }));
  return conApplication(ctx, app.id);
}

/** The application the worker signs, rebuilt from the stored one (the page shows it and signs exactly it). */
export function conDocumentOf(app: ResidenceApplication & { intake: ConIntake }, operatorIin: string) {
  if (!app.residence.arrivalForm || !app.residence.cadastralNumber) return null;
  return conDocument({
    number: app.number,
    serviceCentreId: app.intake.serviceCentreId,
    operatorIin,
    applicantIin: app.residence.iin,
    kind: app.residence.kind,
    stayFrom: app.residence.stayFrom,
    stayUntil: app.residence.stayUntil,
    cadastralNumber: app.residence.cadastralNumber,
    intake: app.intake,
    astana: app.residence.astana,
    arrivalForm: app.residence.arrivalForm,
  });
}

export const blockersOf = (app: ResidenceApplication) =>
  signBlockers({ astana: app.residence.astana, inAstana: isAstana(app.regionCode), arrivalForm: app.residence.arrivalForm });

/**
 * p.7: the worker signs the application with EDS; Astana's window is checked again (someone may have registered
 * there since); GBD FL records the address (permanent, or temporary for the period) and the application is
 * registered with its address certificate's number. The application's row is locked first, so of two submits
 * exactly one signs and GBD FL is written once; the other answers the registered application.
 */
export async function signAndRegister(ctx: Ctx, input: { id: string; version: number; cms: string }, today = localDate()) {
  const app = await conApplication(ctx, input.id);
  if (app.status === 'registered') return app;
  requireDraft(app);
  await assertSeparation(ctx, app.id, 'residence.register', [app.residence.iin]);
  if (blockersOf(app).length) throw new DomainError('residence_con_not_ready', {}, { blockers: blockersOf(app) });
  const property = await ctx.registries.cadastre.findProperty(app.residence.cadastralNumber!);
  if (!property) throw new DomainError('residence_con_dwelling_not_found');
  const recheck = await recheckAstana(
    ctx.db,
    ctx.registries,
    app,
    property.owners.map((o) => o.iin),
    today,
  );
  if (recheck && !astanaPasses.includes(recheck.outcome)) {
    if (recheck.outcome === 'claim_needed') {
      // The norm was reached since the form was filled in: the claim is asked now (step 4).
      await ctx.db.transaction((tx) => saveStep(tx, ctx, app, input.version, 'astana_recheck', { astana: recheck }));
      throw new DomainError('residence_con_claim_needed_now');
    }
    await ctx.db.transaction((tx) => refuseOnAstana(tx, ctx, app, input.version, recheck));
    return conApplication(ctx, app.id);
  }
  const document = conDocumentOf(app, ctx.actor.iin)!;
  await ctx.db.transaction(async (tx) => {
    if (!(await lockForRegistration(tx, app.id, input.version))) return; // the other submit signed it
    const period = app.residence.kind === 'temporary' ? { from: app.residence.stayFrom!, until: app.residence.stayUntil! } : null;
    await registerResidence(tx, ctx.registries, {
      app,
      property,
      period,
      signature: { purpose: 'residence.con', document, cms: input.cms, party: { role: 'con_operator', iin: ctx.actor.iin } },
      personMissing: 'residence_con_gbd_fl_refused',
      set: recheck ? { astana: recheck } : {},
      event: { name: 'con_register', expectedVersion: input.version, actor: ctx.actor, grant: ctx.grant },
    });
    await closeTicket(tx, app.intake);
  });
  return conApplication(ctx, app.id);
}

/** The hall's lists: this CON's residence applications still at the desk, and today's registered ones. */
export async function hallApplications(db: DbOrTx, centreId: number, today = localDate()) {
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      createdAt: applications.createdAt,
      kind: residenceApplications.kind,
      certificateNumber: residenceApplications.certificateNumber,
    })
    .from(applications)
    .innerJoin(residenceApplications, eq(residenceApplications.applicationId, applications.id))
    .where(
      and(
        eq(applications.pilot, 'residence'),
        eq(applications.serviceCentreId, centreId),
        eq(residenceApplications.channel, 'con'),
        or(eq(applications.status, 'draft'), gte(applications.updatedAt, localDayStart(today))),
      ),
    )
    .orderBy(desc(applications.createdAt))
    .limit(100);
  return rows;
}

export { loadResidence };
