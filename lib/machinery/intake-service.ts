import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { UPLOAD_LIMITS } from '@/lib/files/limits';
import { applicationParties, applications } from '@/db/schema/applications';
import { machineryActionFees, machineryApplications, machineryChecklists, machineryScans } from '@/db/schema/machinery';
import { akimats, districts, fees, mrpValues, pilotSettings, serviceCentres } from '@/db/schema/reference';
import { pilotOpen } from '@/lib/reference/queries';
import { machines } from '@/db/schema/registry';
import { signatures } from '@/db/schema/signatures';
import { queueTickets } from '@/db/schema/vehicle';
import { createApplication, transition } from '@/lib/applications/core';
import { identifyAtDesk, normalizeDocumentNumber } from '@/lib/applications/identify-at-desk';
import { loadInScope, type ScopedView } from '@/lib/applications/scope';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { reviewDeadline } from '@/lib/calendar/deadline';
import { localDate, localYear } from '@/lib/calendar/local';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { DomainError } from '@/lib/errors';
import { getFileStore } from '@/lib/files/store';
import { mrpToTiyn } from '@/lib/format';
import type { Registries } from '@/lib/registries';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { recordSignature } from '@/lib/signatures/service';
import { feeStatus } from './intake-rules';
import {
  akimatForAddress,
  intakeDocument,
  machineryTicketCode,
  powerOfAttorneyValid,
  submitBlockers,
  type IntakeState,
} from './intake-steps';
import { machineryMachine as machine } from './machine';
import {
  checklistCompleteness,
  needsRegisteredMachine,
  normalizeMachineryPlate,
  type ChecklistItem,
  type MachineryAction,
  type MachineryKind,
} from './rules';

// The CON front office of the machinery pilot (orders 001/004, p.5–9, p.14): the e-queue ticket, the call, and the
// intake steps p.6 (1)–(5) with the refusals of p.7 and p.8. Every step is saved on its own (the intake resumes after
// the applicant pays a fee, p.6 (3)), is versioned (two tabs or two clicks: one wins), audited, and repeated with the
// same input changes nothing. The worker is `con_operator`; the scope is their CON (the application's
// service_centre_id).

/** The application core and its machinery part (one query). */
export async function loadMachineryApplication(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      version: applications.version,
      applicantIin: applications.applicantIin,
      regionCode: applications.regionCode,
      akimatId: applications.akimatId,
      serviceCentreId: applications.serviceCentreId,
      createdAt: applications.createdAt,
      submittedAt: applications.submittedAt,
      deadlineAt: applications.deadlineAt,
      decidedAt: applications.decidedAt,
      m: machineryApplications,
    })
    .from(applications)
    .innerJoin(machineryApplications, eq(machineryApplications.applicationId, applications.id))
    .where(and(eq(applications.id, id), eq(applications.pilot, 'machinery')));
  return row ?? null;
}
export type MachineryIntake = NonNullable<Awaited<ReturnType<typeof loadMachineryApplication>>>;

/** The front-office worker's: the intakes of their CON. */
export const frontOfficeView: ScopedView<MachineryIntake> = {
  name: 'machinery.front_office',
  load: loadMachineryApplication,
  scopeOf: (a) => ({ serviceCentreId: a.serviceCentreId }),
};

/** The cabinet's: the applicant, the owner and the representative each see it (e.g. a refusal to download). */
export const intakePartyView: ScopedView<MachineryIntake> = {
  name: 'machinery.party',
  load: loadMachineryApplication,
  scopeOf: (a) => ({ iins: [a.applicantIin, a.m.ownerIin, a.m.representativeIin, a.m.identifiedIin].filter((x): x is string => !!x) }),
};

/** Pages: the intake at this worker's CON, or not found (audited) for any other. */
export function frontOfficeApplication(db: Db, grant: Grant, id: string, actor: Pick<Actor, 'userId' | 'iin'> | null) {
  return loadInScope({ db, actor, grant }, frontOfficeView, id);
}

// ── p.5: the e-queue ──────────────────────────────────────────────────────────────────────────────────────

/**
 * p.5: a machinery ticket, taken without any IIN (the front office identifies whoever comes by the document they
 * present, p.6 (1)). Reception issues it (`con_reception`); the worker may issue one too (`con_operator`, for a
 * CON without a reception desk): both act in their own CON only. Numbered M-001… per CON and day.
 */
/**
 * Order p.1 (and pilot_settings): the service is given only by the CONs of the pilot's regions (Almaty city,
 * Kostanay region), only while the pilot runs. Checked where an intake begins: the ticket and the call.
 */
export async function pilotOpenAt(db: DbOrTx, centreId: number, day: string): Promise<boolean> {
  const [row] = await db
    .select({ settings: pilotSettings, regionCode: serviceCentres.regionCode })
    .from(serviceCentres)
    .leftJoin(pilotSettings, eq(pilotSettings.pilot, 'machinery'))
    .where(eq(serviceCentres.id, centreId));
  return !!row && pilotOpen(row.settings ?? undefined, day) && row.settings!.regionCodes.includes(row.regionCode);
}

async function requirePilotOpen(db: DbOrTx, centreId: number, day: string) {
  if (!(await pilotOpenAt(db, centreId, day))) throw new DomainError('machinery_pilot_closed');
}

export async function issueTicket(ctx: Ctx) {
  const centreId = ctx.grant.serviceCentreId;
  if (centreId == null || (ctx.grant.role !== 'con_reception' && ctx.grant.role !== 'con_operator'))
    throw new DomainError('not_your_step', { event: 'ticket' });
  const day = localDate();
  await requirePilotOpen(ctx.db, centreId, day);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ticket:${centreId}:${day}:machinery`}))`);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${queueTickets.seq}), 0) + 1` })
      .from(queueTickets)
      .where(and(eq(queueTickets.serviceCentreId, centreId), eq(queueTickets.day, day), eq(queueTickets.service, 'machinery')))) as [
      { next: number },
    ];
    const seq = Number(next);
    const [ticket] = await tx
      .insert(queueTickets)
      .values({ serviceCentreId: centreId, day, service: 'machinery', seq, code: machineryTicketCode(seq), iin: null })
      .returning();
    await audit(tx, ctx.actor, ctx.grant, { action: 'machinery.ticket_issued', data: { ticket: ticket!.code } });
    return ticket!;
  });
}

/** Today's waiting machinery tickets of a CON, in order. */
export async function waitingTickets(db: DbOrTx, centreId: number) {
  return db
    .select({ id: queueTickets.id, code: queueTickets.code, createdAt: queueTickets.createdAt })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.serviceCentreId, centreId),
        eq(queueTickets.day, localDate()),
        eq(queueTickets.service, 'machinery'),
        eq(queueTickets.status, 'waiting'),
      ),
    )
    .orderBy(asc(queueTickets.seq));
}

/**
 * p.5–6: "call next" takes the oldest waiting machinery ticket of this CON for today (two workers calling at once
 * get two different tickets: SKIP LOCKED) and opens the intake for it: an application `received` at this CON.
 * The action is `registration` until the worker chooses another (step 1).
 */
export async function callNextTicket(ctx: Ctx) {
  const centreId = ctx.grant.serviceCentreId;
  if (centreId == null) throw new DomainError('not_found');
  const [centre] = await ctx.db
    .select({ regionCode: serviceCentres.regionCode })
    .from(serviceCentres)
    .where(eq(serviceCentres.id, centreId));
  if (!centre) throw new DomainError('not_found');
  await requirePilotOpen(ctx.db, centreId, localDate());
  return ctx.db.transaction(async (tx) => {
    const [next] = await tx
      .select()
      .from(queueTickets)
      .where(
        and(
          eq(queueTickets.serviceCentreId, centreId),
          eq(queueTickets.day, localDate()),
          eq(queueTickets.service, 'machinery'),
          eq(queueTickets.status, 'waiting'),
        ),
      )
      .orderBy(asc(queueTickets.seq))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) throw new DomainError('machinery_queue_empty');
    const app = await createApplication(
      tx,
      { pilot: 'machinery', status: machine.initial, serviceCentreId: centreId, regionCode: centre.regionCode, year: localYear() },
      ctx.actor,
      ctx.grant,
    );
    await tx.insert(machineryApplications).values({ applicationId: app.id, action: 'registration', queueTicketId: next.id });
    await tx
      .update(queueTickets)
      .set({ status: 'called', calledAt: new Date(), applicationId: app.id })
      .where(eq(queueTickets.id, next.id));
    await audit(tx, ctx.actor, ctx.grant, { action: 'machinery.ticket_called', applicationId: app.id, data: { ticket: next.code } });
    return { ticket: next.code, applicationId: app.id };
  });
}

/** The front office's list: the intakes of this CON still at the desk, newest first. */
export async function openIntakes(db: DbOrTx, centreId: number) {
  return db
    .select({
      id: applications.id,
      number: applications.number,
      action: machineryApplications.action,
      createdAt: applications.createdAt,
      ticket: queueTickets.code,
    })
    .from(applications)
    .innerJoin(machineryApplications, eq(machineryApplications.applicationId, applications.id))
    .leftJoin(queueTickets, eq(queueTickets.id, machineryApplications.queueTicketId))
    .where(and(eq(applications.pilot, 'machinery'), eq(applications.serviceCentreId, centreId), eq(applications.status, 'received')))
    .orderBy(desc(applications.createdAt))
    .limit(100);
}

// ── shared step plumbing ──────────────────────────────────────────────────────────────────────────────────

async function atDesk(ctx: Ctx, id: string) {
  const app = await loadInScope(ctx, frontOfficeView, id);
  return app;
}

function requireReceived(app: MachineryIntake) {
  if (app.status !== 'received') throw new DomainError('illegal_transition');
}

/** The step's compare-and-set on the application's version, with the step's own columns and its audit row. */
async function saveStep(
  tx: DbOrTx,
  ctx: Ctx,
  app: MachineryIntake,
  expectedVersion: number,
  step: string,
  set: Partial<typeof machineryApplications.$inferInsert>,
  applicant?: { applicantIin: string | null },
) {
  const [row] = await tx
    .update(applications)
    .set({ version: sql`${applications.version} + 1`, updatedAt: sql`now()`, ...(applicant ?? {}) })
    .where(and(eq(applications.id, app.id), eq(applications.version, expectedVersion), eq(applications.status, 'received')))
    .returning({ version: applications.version });
  if (!row) throw new DomainError('application_changed');
  if (Object.keys(set).length) await tx.update(machineryApplications).set(set).where(eq(machineryApplications.applicationId, app.id));
  await audit(tx, ctx.actor, ctx.grant, { action: `machinery.intake.${step}`, applicationId: app.id });
  return row.version;
}

export async function checklistOf(db: DbOrTx, action: MachineryAction): Promise<ChecklistItem[]> {
  return db
    .select({ code: machineryChecklists.itemCode, required: machineryChecklists.required, appliesTo: machineryChecklists.appliesTo })
    .from(machineryChecklists)
    .where(eq(machineryChecklists.action, action))
    .orderBy(asc(machineryChecklists.position));
}

// ── step 1: the action ────────────────────────────────────────────────────────────────────────────────────

/**
 * The action the applicant asks for (the service's title). Changing it drops what depended on it: the ticks, the
 * fee check, the machine and the scans, which belong to another checklist.
 */
export async function chooseAction(ctx: Ctx, input: { id: string; version: number; action: MachineryAction }) {
  const app = await atDesk(ctx, input.id);
  requireReceived(app);
  if (app.m.action === input.action) return app;
  return ctx.db.transaction(async (tx) => {
    await tx.delete(machineryScans).where(eq(machineryScans.applicationId, app.id));
    const version = await saveStep(tx, ctx, app, input.version, 'action', {
      action: input.action,
      checklistTicks: [],
      feeCheck: null,
      ...noMachine,
    });
    return { ...app, version };
  });
}

const noMachine = {
  machineKind: null,
  make: null,
  model: null,
  year: null,
  serialNumber: null,
  engineNumber: null,
  bodyNumber: null,
  registerId: null,
} satisfies Partial<typeof machineryApplications.$inferInsert>;

// ── step 2: p.6 (1), p.7 identification ───────────────────────────────────────────────────────────────────

/**
 * p.6 (1): the one at the desk is found in GBD FL by the number of the ID document they present, and the captured
 * sample (its SHA-256) is checked by Digital ID. A negative result is p.7: the motivated refusal, at once
 * (`rejected_at_intake`, reason `biometrics_failed`); the refused person is the applicant and sees it in the cabinet.
 * The identification itself is every desk's (lib/applications/identify-at-desk.ts).
 */
export async function identify(
  ctx: Ctx,
  input: { id: string; version: number; documentNumber: string; sample?: Uint8Array; applicantLocale?: 'kk' | 'ru' },
) {
  const app = await atDesk(ctx, input.id);
  const documentNumber = normalizeDocumentNumber(input.documentNumber);
  if (app.m.identityDocumentNumber === documentNumber && app.m.biometrics) return { app, passed: app.m.biometrics.passed };
  requireReceived(app);
  const found = await identifyAtDesk(ctx.registries, documentNumber, input.sample);
  if (!found) throw new DomainError('machinery_document_not_found');
  const { person, biometrics } = found;
  return ctx.db.transaction(async (tx) => {
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'person.viewed',
      applicationId: app.id,
      subjectIin: person.iin,
      data: { purpose: 'machinery.intake' },
    });
    if (biometrics.passed) {
      const version = await saveStep(
        tx,
        ctx,
        app,
        input.version,
        'identified',
        {
          identityDocumentNumber: documentNumber,
          identifiedIin: person.iin,
          biometrics,
          applicantLocale: input.applicantLocale ?? app.m.applicantLocale,
          ...noOwner,
        },
        { applicantIin: person.iin },
      );
      await tx.delete(applicationParties).where(eq(applicationParties.applicationId, app.id));
      return { app: { ...app, version }, passed: true };
    }
    await tx
      .update(machineryApplications)
      .set({
        identityDocumentNumber: documentNumber,
        identifiedIin: person.iin,
        biometrics,
        applicantLocale: input.applicantLocale ?? app.m.applicantLocale,
        refusalReasonCode: 'biometrics_failed',
      })
      .where(eq(machineryApplications.applicationId, app.id));
    await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'biometrics_failed',
      actor: ctx.actor,
      grant: ctx.grant,
      set: { applicantIin: person.iin, decidedAt: new Date() },
      data: { reason: 'biometrics_failed' },
    });
    await closeTicket(tx, app);
    return { app, passed: false };
  });
}

const noOwner = {
  ownerKind: null,
  ownerIin: null,
  ownerBin: null,
  representativeIin: null,
  powerOfAttorneyNumber: null,
  powerOfAttorneyValidUntil: null,
  phone: null,
} satisfies Partial<typeof machineryApplications.$inferInsert>;

async function closeTicket(tx: DbOrTx, app: MachineryIntake) {
  if (app.m.queueTicketId) await tx.update(queueTickets).set({ status: 'served' }).where(eq(queueTickets.id, app.m.queueTicketId));
}

// ── step 3: the owner, in person or through a representative ──────────────────────────────────────────────

export type OwnerInput =
  | { mode: 'self' }
  | { mode: 'organisation_head'; ownerBin: string }
  | {
      mode: 'representative';
      owner: { kind: 'person'; iin: string } | { kind: 'organisation'; bin: string };
      powerOfAttorneyNumber: string;
      powerOfAttorneyValidUntil: string;
    };

/**
 * Whose machine it is. In person: the identified one. An organisation's head: the registry's director must be the
 * identified one. A representative: the owner is a person found in GBD FL or an organisation in the business
 * registry, with a power of attorney valid today. The SMS phone is the BMG number of the one at the desk unless
 * another is typed. The applicant is the owner in person, else the one who came (the representative or the head);
 * the owner and the representative are parties, so both see it in their cabinet.
 */
export async function setOwner(ctx: Ctx, input: { id: string; version: number; phone?: string | null } & OwnerInput) {
  const app = await atDesk(ctx, input.id);
  requireReceived(app);
  const identified = app.m.identifiedIin;
  if (!identified || !app.m.biometrics?.passed) throw new DomainError('machinery_identify_first');
  let set: Partial<typeof machineryApplications.$inferInsert>;
  if (input.mode === 'self') {
    set = { ...noOwner, ownerKind: 'person', ownerIin: identified };
  } else if (input.mode === 'organisation_head') {
    const business = await ctx.registries.business.findByBin(input.ownerBin);
    if (!business) throw new DomainError('machinery_organisation_not_found');
    if (business.directorIin !== identified) throw new DomainError('machinery_not_the_head');
    set = { ...noOwner, ownerKind: 'organisation', ownerBin: business.bin };
  } else {
    if (!powerOfAttorneyValid(input.powerOfAttorneyValidUntil, localDate())) throw new DomainError('machinery_poa_expired');
    if (input.owner.kind === 'person') {
      if (input.owner.iin === identified) throw new DomainError('machinery_representative_is_owner');
      const owner = await ctx.registries.gbdFl.findPerson(input.owner.iin);
      if (!owner || owner.deceased) throw new DomainError('machinery_owner_not_found');
      set = { ...noOwner, ownerKind: 'person', ownerIin: owner.iin };
    } else {
      const business = await ctx.registries.business.findByBin(input.owner.bin);
      if (!business) throw new DomainError('machinery_organisation_not_found');
      set = { ...noOwner, ownerKind: 'organisation', ownerBin: business.bin };
    }
    set.representativeIin = identified;
    set.powerOfAttorneyNumber = input.powerOfAttorneyNumber.trim();
    set.powerOfAttorneyValidUntil = input.powerOfAttorneyValidUntil;
  }
  set.phone = input.phone?.trim() || (await ctx.registries.bmg.findPhone(identified));
  // The applicant is always the one at the desk: the owner in person, the organisation's head or the representative.
  const applicantIin = identified;
  const same =
    app.m.ownerKind === set.ownerKind &&
    app.m.ownerIin === (set.ownerIin ?? null) &&
    app.m.ownerBin === (set.ownerBin ?? null) &&
    app.m.representativeIin === (set.representativeIin ?? null) &&
    app.m.powerOfAttorneyNumber === (set.powerOfAttorneyNumber ?? null) &&
    app.m.powerOfAttorneyValidUntil === (set.powerOfAttorneyValidUntil ?? null) &&
    app.m.phone === (set.phone ?? null);
  if (same) return app;
  const ownerChanged =
    app.m.ownerKind !== set.ownerKind || app.m.ownerIin !== (set.ownerIin ?? null) || app.m.ownerBin !== (set.ownerBin ?? null);
  return ctx.db.transaction(async (tx) => {
    // The machine and the fees were checked against the previous owner: they are checked again.
    const version = await saveStep(
      tx,
      ctx,
      app,
      input.version,
      'owner',
      { ...set, ...(ownerChanged ? { ...noMachine, feeCheck: null } : {}) },
      { applicantIin },
    );
    await tx.delete(applicationParties).where(eq(applicationParties.applicationId, app.id));
    const parties = [
      ...(set.ownerIin ? [{ applicationId: app.id, iin: set.ownerIin, role: 'owner' }] : []),
      ...(set.representativeIin ? [{ applicationId: app.id, iin: set.representativeIin, role: 'representative' }] : []),
    ];
    if (parties.length) await tx.insert(applicationParties).values(parties).onConflictDoNothing();
    return { ...app, version };
  });
}

// ── step 4: the machine ───────────────────────────────────────────────────────────────────────────────────

export type TypedMachine = {
  kind: MachineryKind;
  make: string;
  model: string;
  year: number;
  serialNumber: string;
  engineNumber?: string | null;
  bodyNumber?: string | null;
};

/**
 * The machine: for a registration as typed from its documents (a machine the register holds as registered cannot
 * be registered again); for any other action looked up in the register by its serial or plate, and it must be the
 * owner's there.
 */
export async function setMachine(ctx: Ctx, input: { id: string; version: number } & ({ typed: TypedMachine } | { lookup: string })) {
  const app = await atDesk(ctx, input.id);
  requireReceived(app);
  if (!app.m.ownerKind) throw new DomainError('machinery_owner_first');
  let set: Partial<typeof machineryApplications.$inferInsert>;
  if (!needsRegisteredMachine(app.m.action)) {
    if (!('typed' in input)) throw new DomainError('invalid');
    const t = input.typed;
    const serial = t.serialNumber.trim().toUpperCase();
    const [known] = await ctx.db.select({ status: machines.status }).from(machines).where(eq(machines.serialNumber, serial));
    if (known?.status === 'registered') throw new DomainError('machinery_already_registered');
    set = {
      machineKind: t.kind,
      make: t.make.trim(),
      model: t.model.trim(),
      year: t.year,
      serialNumber: serial,
      engineNumber: t.engineNumber?.trim() || null,
      bodyNumber: t.bodyNumber?.trim() || null,
      registerId: null,
    };
  } else {
    if (!('lookup' in input)) throw new DomainError('invalid');
    const q = input.lookup.trim();
    const plate = normalizeMachineryPlate(q);
    const [m] = await ctx.db
      .select()
      .from(machines)
      .where(plate ? eq(machines.plate, plate) : eq(machines.serialNumber, q.toUpperCase()));
    if (!m || m.status !== 'registered') throw new DomainError('machinery_machine_not_found');
    const owns = app.m.ownerKind === 'person' ? m.ownerIin === app.m.ownerIin : m.ownerBin === app.m.ownerBin;
    if (!owns) throw new DomainError('machinery_machine_owner_mismatch');
    set = {
      machineKind: m.kind,
      make: m.make,
      model: m.model,
      year: m.year,
      serialNumber: m.serialNumber,
      engineNumber: null,
      bodyNumber: null,
      registerId: m.serialNumber,
    };
  }
  const same = (Object.keys(set) as (keyof typeof set)[]).every((k) => app.m[k as keyof MachineryIntake['m']] === set[k]);
  if (same) return app;
  return ctx.db.transaction(async (tx) => ({ ...app, version: await saveStep(tx, ctx, app, input.version, 'machine', set) }));
}

// ── step 5: p.6 (2), p.8 the checklist ────────────────────────────────────────────────────────────────────

/** p.6 (2): the items presented. The ticks are kept whatever the outcome; completeness is answered. */
export async function checklist(ctx: Ctx, input: { id: string; version: number; ticked: string[] }) {
  const app = await atDesk(ctx, input.id);
  requireReceived(app);
  if (!app.m.ownerKind) throw new DomainError('machinery_owner_first');
  const items = await checklistOf(ctx.db, app.m.action);
  const codes = new Set(items.map((i) => i.code));
  const ticked = items.map((i) => i.code).filter((c) => input.ticked.includes(c) && codes.has(c));
  const completeness = checklistCompleteness(items, ticked, { ownerKind: app.m.ownerKind, representative: !!app.m.representativeIin });
  if (ticked.join() === app.m.checklistTicks.join()) return { app, completeness };
  const version = await ctx.db.transaction((tx) => saveStep(tx, ctx, app, input.version, 'checklist', { checklistTicks: ticked }));
  return { app: { ...app, version }, completeness };
}

/**
 * p.8: the refusal to accept an incomplete package: the missing items as the checklist names them are stored for the
 * printed refusal, and the applicant sees it in the cabinet. A complete package cannot be refused so.
 */
export async function refuseIncomplete(ctx: Ctx, input: { id: string; version: number }) {
  const app = await atDesk(ctx, input.id);
  if (app.status === 'rejected_at_intake' && app.m.refusalReasonCode === 'package_incomplete') return app;
  requireReceived(app);
  if (!app.m.ownerKind || !app.applicantIin) throw new DomainError('machinery_owner_first');
  const items = await checklistOf(ctx.db, app.m.action);
  const completeness = checklistCompleteness(items, app.m.checklistTicks, {
    ownerKind: app.m.ownerKind,
    representative: !!app.m.representativeIin,
  });
  if (completeness.complete) throw new DomainError('machinery_package_complete');
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(machineryApplications)
      .set({ missingItems: completeness.missing, refusalReasonCode: 'package_incomplete' })
      .where(eq(machineryApplications.applicationId, app.id));
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'package_incomplete',
      actor: ctx.actor,
      grant: ctx.grant,
      set: { decidedAt: new Date() },
      data: { reason: 'package_incomplete', missing: completeness.missing },
    });
    await closeTicket(tx, app);
    return { ...app, status: row.status, version: row.version };
  });
}

// ── step 6: p.6 (3) the fees ──────────────────────────────────────────────────────────────────────────────

export type FeeLineView = {
  code: string;
  nameKk: string;
  nameRu: string;
  requiredTiyn: number;
  paidTiyn: number;
  reference: string | null;
};

/** The action's fees at this year's MRP, in tiyn (whole tenge, as duties are charged). */
export async function actionFees(db: DbOrTx, action: MachineryAction, year = localYear()) {
  const rows = await db
    .select({ code: fees.code, nameKk: fees.nameKk, nameRu: fees.nameRu, mrpMilli: fees.mrpMilli })
    .from(machineryActionFees)
    .innerJoin(fees, eq(fees.code, machineryActionFees.feeCode))
    .where(eq(machineryActionFees.action, action))
    .orderBy(asc(fees.code));
  if (!rows.length) return [];
  const [mrp] = await db.select({ tenge: mrpValues.valueTenge }).from(mrpValues).where(eq(mrpValues.year, year));
  if (!mrp) throw new DomainError('unexpected');
  return rows.map((r) => ({ code: r.code, nameKk: r.nameKk, nameRu: r.nameRu, requiredTiyn: mrpToTiyn(r.mrpMilli, mrp.tenge) }));
}

/**
 * p.6 (3): the payment registry asked for the owner's (IIN or BIN) payments of the action's fees. A fee counts up to
 * its amount (an overpaid fee does not pay another). Not paid or partial: the intake stays `received` and resumes
 * once paid; the page says what to pay.
 */
export async function checkFees(ctx: Ctx, input: { id: string; version: number }) {
  const app = await atDesk(ctx, input.id);
  requireReceived(app);
  const payer = app.m.ownerIin ?? app.m.ownerBin;
  if (!payer) throw new DomainError('machinery_owner_first');
  const lines = await feeLines(ctx.db, ctx.registries, app.m.action, payer);
  const requiredTiyn = lines.reduce((s, l) => s + l.requiredTiyn, 0);
  const paidTiyn = lines.reduce((s, l) => s + Math.min(l.paidTiyn, l.requiredTiyn), 0);
  const feeCheck = { status: feeStatus(requiredTiyn, paidTiyn), requiredTiyn, paidTiyn, checkedAt: new Date().toISOString() };
  const version = await ctx.db.transaction((tx) => saveStep(tx, ctx, app, input.version, 'fees', { feeCheck }));
  return { app: { ...app, version }, feeCheck, lines };
}

export async function feeLines(db: DbOrTx, registries: Registries, action: MachineryAction, payer: string): Promise<FeeLineView[]> {
  const required = await actionFees(db, action);
  const paid = await registries.feePayments.paidFor(
    payer,
    required.map((r) => r.code),
  );
  return required.map((r) => {
    const p = paid.find((x) => x.feeCode === r.code);
    return { ...r, paidTiyn: p?.paidTiyn ?? 0, reference: p?.reference ?? null };
  });
}

// ── step 7: p.6 (4) scans ─────────────────────────────────────────────────────────────────────────────────

/** Under the server actions' 5 MB body limit (next.config.ts), with room for the form's other fields. */
export const SCAN_MAX_BYTES = UPLOAD_LIMITS.machineryScan;

/** p.6 (4): a scan of a checklist item (PDF, JPEG or PNG, recognised by content, ≤ 4 MB); its SHA-256 is kept. */
export async function addScan(ctx: Ctx, input: { id: string; version: number; itemCode: string; file: Uint8Array }) {
  const app = await atDesk(ctx, input.id);
  requireReceived(app);
  const items = await checklistOf(ctx.db, app.m.action);
  if (!items.some((i) => i.code === input.itemCode)) throw new DomainError('invalid');
  const sha256 = createHash('sha256').update(input.file).digest('hex');
  const [existing] = await ctx.db
    .select()
    .from(machineryScans)
    .where(and(eq(machineryScans.applicationId, app.id), eq(machineryScans.itemCode, input.itemCode), eq(machineryScans.sha256, sha256)));
  if (existing) return existing; // the same file twice (a double submit)
  return ctx.db.transaction(async (tx) => {
    await saveStep(tx, ctx, app, input.version, 'scan_added', {});
    const file = await getFileStore().save(tx, {
      data: input.file,
      purpose: 'machinery.scan',
      applicationId: app.id,
      maxBytes: SCAN_MAX_BYTES,
      allowed: ['application/pdf', 'image/jpeg', 'image/png'],
    });
    const [scan] = await tx
      .insert(machineryScans)
      .values({ applicationId: app.id, itemCode: input.itemCode, fileId: file.id, sha256: file.sha256 })
      .returning();
    return scan!;
  });
}

export async function removeScan(ctx: Ctx, input: { id: string; version: number; scanId: string }) {
  const app = await atDesk(ctx, input.id);
  requireReceived(app);
  const [scan] = await ctx.db
    .select({ id: machineryScans.id })
    .from(machineryScans)
    .where(and(eq(machineryScans.applicationId, app.id), eq(machineryScans.id, input.scanId)));
  if (!scan) return app; // removed already
  return ctx.db.transaction(async (tx) => {
    const version = await saveStep(tx, ctx, app, input.version, 'scan_removed', {});
    await tx.delete(machineryScans).where(eq(machineryScans.id, scan.id));
    return { ...app, version };
  });
}

export async function scansOf(db: DbOrTx, applicationId: string) {
  return db
    .select({ id: machineryScans.id, itemCode: machineryScans.itemCode, fileId: machineryScans.fileId, sha256: machineryScans.sha256 })
    .from(machineryScans)
    .where(eq(machineryScans.applicationId, applicationId))
    .orderBy(asc(machineryScans.createdAt));
}

// ── step 8: p.6 (5), p.9 the signed e-application ─────────────────────────────────────────────────────────

/** What still stands in the way of signing (lib/machinery/intake-steps.ts submitBlockers). */
export async function blockersOf(db: DbOrTx, app: MachineryIntake) {
  const [items, scans] = await Promise.all([checklistOf(db, app.m.action), scansOf(db, app.id)]);
  const state: IntakeState = {
    action: app.m.action,
    identifiedIin: app.m.identifiedIin,
    biometrics: app.m.biometrics,
    ownerKind: app.m.ownerKind,
    representativeIin: app.m.representativeIin,
    serialNumber: app.m.serialNumber,
    checklistTicks: app.m.checklistTicks,
    feeCheck: app.m.feeCheck,
    scannedItems: scans.map((s) => s.itemCode),
  };
  return submitBlockers(state, items);
}

/** The e-application the worker signs, rebuilt from the stored intake (the page shows it and signs exactly it). */
export async function intakeDocumentOf(db: DbOrTx, app: MachineryIntake, operatorIin: string) {
  const scans = await scansOf(db, app.id);
  const m = app.m;
  return intakeDocument({
    number: app.number,
    action: m.action,
    serviceCentreId: app.serviceCentreId!,
    operatorIin,
    identified: {
      iin: m.identifiedIin ?? '',
      documentNumber: m.identityDocumentNumber ?? '',
      biometricSampleSha256: m.biometrics?.sampleSha256 ?? '',
    },
    owner: { kind: m.ownerKind ?? 'person', iin: m.ownerIin, bin: m.ownerBin },
    representative: m.representativeIin
      ? { iin: m.representativeIin, powerOfAttorneyNumber: m.powerOfAttorneyNumber!, validUntil: m.powerOfAttorneyValidUntil! }
      : null,
    phone: m.phone,
    machine: {
      kind: m.machineKind,
      make: m.make,
      model: m.model,
      year: m.year,
      serialNumber: m.serialNumber ?? '',
      engineNumber: m.engineNumber,
      bodyNumber: m.bodyNumber,
      registerId: m.registerId,
    },
    checklist: m.checklistTicks,
    fees: { requiredTiyn: m.feeCheck?.requiredTiyn ?? 0, paidTiyn: m.feeCheck?.paidTiyn ?? 0 },
    scans,
  });
}

/** p.9: the akimat of the owner's district (a person: the GBD FL address; an organisation: its registered region). */
export async function akimatOfOwner(db: DbOrTx, registries: Registries, app: MachineryIntake): Promise<number> {
  let place: { regionCode: string; addressKk: string; addressRu: string } | null = null;
  if (app.m.ownerKind === 'person' && app.m.ownerIin) {
    const person = await registries.gbdFl.findPerson(app.m.ownerIin);
    place = person?.permanentAddress ?? null;
  } else if (app.m.ownerBin) {
    const business = await registries.business.findByBin(app.m.ownerBin);
    place = business ? { regionCode: business.regionCode, addressKk: '', addressRu: '' } : null;
  }
  if (!place) throw new DomainError('machinery_no_akimat');
  const [ds, as] = await Promise.all([
    db
      .select({ id: districts.id, regionCode: districts.regionCode, nameKk: districts.nameKk, nameRu: districts.nameRu })
      .from(districts)
      .where(eq(districts.regionCode, place.regionCode)),
    db
      .select({ id: akimats.id, regionCode: akimats.regionCode, districtId: akimats.districtId })
      .from(akimats)
      .where(eq(akimats.regionCode, place.regionCode)),
  ]);
  const id = akimatForAddress(place, ds, as);
  if (id == null) throw new DomainError('machinery_no_akimat');
  return id;
}

/**
 * p.6 (5), p.9, p.14: the worker signs the e-application with their EDS and it goes to the akimat of the owner's
 * district at once: `under_review`, received now, due one working day later (after 17:00 from the next working day).
 * Asked again after it went (a double click), it answers the submitted application and signs nothing more.
 */
export async function signAndSubmit(ctx: Ctx, input: { id: string; version: number; cms: string }) {
  const app = await atDesk(ctx, input.id);
  if (app.status !== 'received' && app.m.operatorSignatureId) return app;
  requireReceived(app);
  const blockers = await blockersOf(ctx.db, app);
  if (blockers.length) throw new DomainError('machinery_not_ready', {}, { blockers });
  const document = await intakeDocumentOf(ctx.db, app, ctx.actor.iin);
  const akimatId = await akimatOfOwner(ctx.db, ctx.registries, app);
  const calendar = await loadWorkCalendar(ctx.db);
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    const signature = await recordSignature(tx, {
      applicationId: app.id,
      documentNumber: app.number,
      purpose: 'machinery.intake',
      document,
      cms: input.cms,
      party: { role: 'con_operator', iin: ctx.actor.iin },
    });
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'submit',
      actor: ctx.actor,
      grant: ctx.grant,
      set: { submittedAt: now, deadlineAt: reviewDeadline(now, calendar), akimatId },
      data: { signature: signature.id },
    });
    await tx
      .update(machineryApplications)
      .set({ operatorSignatureId: signature.id })
      .where(eq(machineryApplications.applicationId, app.id));
    await closeTicket(tx, app);
    return {
      ...app,
      status: row.status,
      version: row.version,
      submittedAt: row.submittedAt,
      deadlineAt: row.deadlineAt,
      akimatId: row.akimatId,
    };
  });
}

/** The stored signature of the e-application (for the page after submission). */
export async function operatorSignatureOf(db: DbOrTx, app: MachineryIntake) {
  if (!app.m.operatorSignatureId) return null;
  const [s] = await db.select().from(signatures).where(eq(signatures.id, app.m.operatorSignatureId));
  return s ?? null;
}
