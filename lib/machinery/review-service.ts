import 'server-only';
import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { files } from '@/db/schema/files';
import {
  machineryApplications,
  machineryChecklists,
  machineryPlates,
  machineryRefusalReasons,
  machineryScans,
} from '@/db/schema/machinery';
import { users } from '@/db/schema/people';
import { machines } from '@/db/schema/registry';
import { signatures } from '@/db/schema/signatures';
import { transition, raceLost as lostRace } from '@/lib/applications/core';
import { loadInScope } from '@/lib/applications/scope';
import { assertSeparation } from '@/lib/auth/separation-guard';
import { partiesOfMachinery } from './load';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { localDate } from '@/lib/calendar/local';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { DomainError } from '@/lib/errors';
import { notify } from '@/lib/outbox';
import type { Registries } from '@/lib/registries';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { recordSignature, signatureReport } from '@/lib/signatures/service';
import { akimatView, type MachineryApplication } from './load';
import { machineryMachine as machine } from './machine';
import { approvalDocument, collectFrom, decisionDraft, newDocumentNumber, refusalCommentProblem, refusalDocument } from './review-rules';
import { issuesPlate, itemApplies, normalizeMachineryPlate, plateRegionCode, type MachineryAction } from './rules';

/** Pages: the application in the reviewer's akimat; another akimat's is not found (and the denial audited). */
export async function reviewApplication(
  db: Db,
  grant: Grant,
  id: string,
  actor: Pick<Actor, 'userId' | 'iin'> | null = null,
): Promise<MachineryApplication> {
  return loadInScope({ db, actor, grant }, akimatView, id);
}

/** p.10 (2): viewing the applicant's data is a view of a person's data: audited, for "who viewed my data". */
export async function recordView(db: Db, actor: Actor, grant: Grant, app: MachineryApplication) {
  const m = app.machinery;
  const subjects = [m.ownerIin, m.representativeIin].filter((x): x is string => !!x);
  await db.transaction(async (tx) => {
    for (const subjectIin of subjects.length ? subjects : [null])
      await audit(tx, actor, grant, {
        action: 'person.viewed',
        applicationId: app.id,
        subjectIin,
        data: { purpose: 'machinery.review' },
      });
  });
}

/** The hash of the e-application the operator signed at intake (p.6 (5), p.9); the decision is bound to it. */
export async function intakeSha256(db: DbOrTx, app: MachineryApplication): Promise<string | null> {
  if (!app.machinery.operatorSignatureId) return null;
  const [row] = await db
    .select({ sha: signatures.dataSha256 })
    .from(signatures)
    .where(eq(signatures.id, app.machinery.operatorSignatureId));
  return row?.sha ?? null;
}

/** The serial the machine has in the register (every action but registration acts on a registered one). */
const serialOf = (app: MachineryApplication) => app.machinery.registerId ?? app.machinery.serialNumber;

export type PlateLookup = {
  plate: string | null;
  /** Null when the archive has no such plate. */
  status: 'free' | 'reserved' | 'assigned' | 'retired' | null;
  machineSerial: string | null;
  /** Whose machine it is, as the register has it (masked by the page). */
  ownerIin: string | null;
  ownerBin: string | null;
  inRegion: boolean;
};

/** p.10 (3): a plate in the archive of data: is it free, and if not whose machine carries it. */
export async function lookupPlate(db: DbOrTx, regionCode: string, typed: string): Promise<PlateLookup> {
  const plate = normalizeMachineryPlate(typed);
  if (!plate) return { plate: null, status: null, machineSerial: null, ownerIin: null, ownerBin: null, inRegion: false };
  const [row] = await db
    .select({
      status: machineryPlates.status,
      machineSerial: machineryPlates.machineSerial,
      ownerIin: machines.ownerIin,
      ownerBin: machines.ownerBin,
    })
    .from(machineryPlates)
    .leftJoin(machines, eq(machines.serialNumber, machineryPlates.machineSerial))
    .where(eq(machineryPlates.number, plate));
  return {
    plate,
    status: row?.status ?? null,
    machineSerial: row?.machineSerial ?? null,
    ownerIin: row?.ownerIin ?? null,
    ownerBin: row?.ownerBin ?? null,
    inRegion: plateRegionCode(plate) === regionCode,
  };
}

/** The plate letter of each machine kind in the archive (db/seed/machinery.ts): T, C, P, S. */
const KIND_LETTER: Record<string, string> = { tractor: 'T', self_propelled: 'C', trailer: 'P', special: 'S' };

/** A few free plates of the akimat's region for the machine's kind: the hint beside the plate field. */
export async function freePlates(db: DbOrTx, regionCode: string, machineKind: string | null, limit = 5) {
  const letter = machineKind ? KIND_LETTER[machineKind] : undefined;
  const rows = await db
    .select({ number: machineryPlates.number })
    .from(machineryPlates)
    .where(
      and(
        eq(machineryPlates.regionCode, regionCode),
        eq(machineryPlates.status, 'free'),
        letter ? sql`${machineryPlates.number} like ${`${letter} %`}` : undefined,
      ),
    )
    .orderBy(asc(machineryPlates.number))
    .limit(limit);
  return rows.map((r) => r.number);
}

/**
 * p.10 (1)–(3): everything the reviewer checks, in few queries: the applicant's and representative's GBD FL data
 * (the business registry for an organisation owner), the scans by checklist item, the machine in the register with
 * its plates and earlier applications, the operator's signature re-verified now, the reasons of a refusal.
 */
export async function reviewData(db: DbOrTx, registries: Registries, app: MachineryApplication) {
  const m = app.machinery;
  const serial = serialOf(app);
  const region = app.akimat?.regionCode ?? '';
  const [owner, representative, organisation, checklist, scans, [machine], plates, history, operator, reasons, hints] = await Promise.all([
    m.ownerIin ? registries.gbdFl.findPerson(m.ownerIin) : Promise.resolve(null),
    m.representativeIin ? registries.gbdFl.findPerson(m.representativeIin) : Promise.resolve(null),
    m.ownerBin ? registries.business.findByBin(m.ownerBin) : Promise.resolve(null),
    db.select().from(machineryChecklists).where(eq(machineryChecklists.action, m.action)).orderBy(asc(machineryChecklists.position)),
    db
      .select({
        id: machineryScans.id,
        itemCode: machineryScans.itemCode,
        fileId: machineryScans.fileId,
        sha256: machineryScans.sha256,
        pages: machineryScans.pages,
        contentType: files.contentType,
        size: files.size,
      })
      .from(machineryScans)
      .innerJoin(files, eq(files.id, machineryScans.fileId))
      .where(eq(machineryScans.applicationId, app.id))
      .orderBy(asc(machineryScans.createdAt)),
    serial ? db.select().from(machines).where(eq(machines.serialNumber, serial)) : Promise.resolve([]),
    serial
      ? db.select().from(machineryPlates).where(eq(machineryPlates.machineSerial, serial)).orderBy(asc(machineryPlates.number))
      : Promise.resolve([]),
    serial
      ? db
          .select({
            id: applications.id,
            number: applications.number,
            status: applications.status,
            action: machineryApplications.action,
            decidedAt: applications.decidedAt,
            plate: machineryApplications.plate,
          })
          .from(machineryApplications)
          .innerJoin(applications, eq(applications.id, machineryApplications.applicationId))
          .where(
            and(
              or(eq(machineryApplications.serialNumber, serial), eq(machineryApplications.registerId, serial)),
              ne(applications.id, app.id),
            ),
          )
          .orderBy(desc(applications.createdAt))
          .limit(20)
      : Promise.resolve([]),
    operatorSignature(db, m.operatorSignatureId),
    db
      .select()
      .from(machineryRefusalReasons)
      .where(and(eq(machineryRefusalReasons.stage, 'review'), eq(machineryRefusalReasons.active, true)))
      .orderBy(asc(machineryRefusalReasons.position)),
    region && issuesPlate(m.action) ? freePlates(db, region, m.machineKind) : Promise.resolve([]),
  ]);
  const who = { ownerKind: m.ownerKind ?? 'person', representative: !!m.representativeIin } as const;
  const items = checklist
    .filter((i) => itemApplies({ code: i.itemCode, required: i.required, appliesTo: i.appliesTo }, who))
    .map((i) => ({
      code: i.itemCode,
      required: i.required,
      ticked: m.checklistTicks.includes(i.itemCode),
      scans: scans.filter((s) => s.itemCode === i.itemCode),
    }));
  const machinePlate = machine?.plate ? await lookupPlate(db, region, machine.plate) : null;
  return {
    owner,
    representative,
    organisation,
    items,
    machine: machine ?? null,
    machinePlate,
    plates,
    history,
    operator,
    reasons,
    freePlates: hints,
  };
}
export type ReviewData = Awaited<ReturnType<typeof reviewData>>;

async function operatorSignature(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const [row] = await db.select({ signerIin: signatures.signerIin }).from(signatures).where(eq(signatures.id, id));
  return row ? signatureReport(db, id, row.signerIin) : null;
}

export type ApproveInput = {
  id: string;
  version: number;
  cms: string;
  technicalPassport?: { number: string; issuedOn: string } | null;
  plate?: string | null;
};

/** p.12: the typed fields checked for the action and the akimat's region (lib/machinery/review-rules.ts). */
export function decisionFields(app: MachineryApplication, input: Pick<ApproveInput, 'technicalPassport' | 'plate'>, today = localDate()) {
  const { fields, errors } = decisionDraft(
    app.machinery.action,
    { passportNumber: input.technicalPassport?.number, passportIssuedOn: input.technicalPassport?.issuedOn, plate: input.plate },
    app.akimat?.regionCode ?? '',
    today,
  );
  const first = Object.values(errors)[0];
  if (first) throw new DomainError(first, {}, { fieldErrors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]])) });
  return fields;
}

/** The document the reviewer signs to approve (the page shows it; the service rebuilds it from the same inputs). */
export async function approvalDocumentOf(
  db: DbOrTx,
  app: MachineryApplication,
  reviewerIin: string,
  fields: { technicalPassport: { number: string; issuedOn: string } | null; plate: string | null },
) {
  return approvalDocument({
    number: app.number,
    action: app.machinery.action,
    applicationSha256: await intakeSha256(db, app),
    reviewerIin,
    akimatId: app.akimatId!,
    ...fields,
  });
}

/** Who decided it first, for "already decided by …" when two reviewers race (the version decides). */
async function decidedBy(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ surname: users.surname, givenName: users.givenName })
    .from(machineryApplications)
    .leftJoin(users, eq(users.id, machineryApplications.decidedByUserId))
    .where(eq(machineryApplications.applicationId, id));
  return row;
}

const raceLost = (db: DbOrTx, id: string, e: unknown) => lostRace(e, 'machinery_already_decided', () => decidedBy(db, id));

/**
 * p.10 (3), p.12: the plate goes from the archive to the machine. A free plate is reserved atomically (of two
 * approvals racing for it exactly one updates the row; the other waits for its commit and finds it taken), then
 * assigned. The machine's own current plate may be kept (a re-registration to a new owner).
 */
async function takePlate(tx: DbOrTx, app: MachineryApplication, plate: string, serial: string) {
  const reserved = await tx
    .update(machineryPlates)
    .set({ status: 'reserved', applicationId: app.id, updatedAt: new Date() })
    .where(and(eq(machineryPlates.number, plate), eq(machineryPlates.status, 'free')))
    .returning({ number: machineryPlates.number });
  if (!reserved.length) {
    const [own] = await tx
      .select({ number: machineryPlates.number })
      .from(machineryPlates)
      .where(and(eq(machineryPlates.number, plate), eq(machineryPlates.status, 'assigned'), eq(machineryPlates.machineSerial, serial)));
    if (!own || app.machinery.action === 'duplicate_plate')
      throw new DomainError('machinery_plate_taken', { plate }, { fieldErrors: { plate: ['machinery_plate_taken'] } });
  }
  await tx
    .update(machineryPlates)
    .set({ status: 'assigned', machineSerial: serial, applicationId: app.id, updatedAt: new Date() })
    .where(eq(machineryPlates.number, plate));
}

/** The machinery register after an approval (p.12): what each action changes there. */
async function updateRegister(
  tx: DbOrTx,
  app: MachineryApplication,
  decided: { plate: string | null; technicalPassport: { number: string } | null },
) {
  const m = app.machinery;
  const serial = serialOf(app)!;
  const region = app.akimat!.regionCode;
  const owner = {
    ownerIin: m.ownerKind === 'organisation' ? null : m.ownerIin,
    ownerBin: m.ownerKind === 'organisation' ? m.ownerBin : null,
  };
  const documentNumber = decided.technicalPassport?.number ?? newDocumentNumber(region, app.number);
  const [current] = await tx.select().from(machines).where(eq(machines.serialNumber, serial));
  const oldPlate = current?.plate ?? null;
  const action: MachineryAction = m.action;
  switch (action) {
    case 'registration':
      if (current && current.status === 'registered') throw new DomainError('machinery_already_registered');
      if (current)
        await tx
          .update(machines)
          .set({ ...owner, plate: decided.plate, registeredRegionCode: region, documentNumber, status: 'registered' })
          .where(eq(machines.serialNumber, serial));
      else
        await tx.insert(machines).values({
          serialNumber: serial,
          kind: m.machineKind ?? 'tractor',
          make: m.make ?? '',
          model: m.model ?? '',
          year: m.year ?? 0,
          ...owner,
          plate: decided.plate,
          registeredRegionCode: region,
          documentNumber,
          status: 'registered',
        });
      return;
    case 're_registration':
      if (!current) throw new DomainError('machinery_not_in_register');
      await tx
        .update(machines)
        .set({ ...owner, plate: decided.plate, registeredRegionCode: region, documentNumber, status: 'registered' })
        .where(eq(machines.serialNumber, serial));
      if (oldPlate && oldPlate !== decided.plate) await retirePlate(tx, oldPlate, 'free');
      return;
    case 'deregistration':
      if (!current) throw new DomainError('machinery_not_in_register');
      await tx.update(machines).set({ status: 'deregistered', plate: null }).where(eq(machines.serialNumber, serial));
      // p.10 (3): the plate goes back to the archive, free for another machine.
      if (oldPlate) await retirePlate(tx, oldPlate, 'free');
      return;
    case 'duplicate_document':
      if (!current) throw new DomainError('machinery_not_in_register');
      await tx.update(machines).set({ documentNumber }).where(eq(machines.serialNumber, serial));
      return;
    case 'duplicate_plate':
      if (!current) throw new DomainError('machinery_not_in_register');
      await tx.update(machines).set({ plate: decided.plate }).where(eq(machines.serialNumber, serial));
      // The lost or damaged plate is never issued again.
      if (oldPlate && oldPlate !== decided.plate) await retirePlate(tx, oldPlate, 'retired');
      return;
  }
}

async function retirePlate(tx: DbOrTx, plate: string, status: 'free' | 'retired') {
  await tx
    .update(machineryPlates)
    .set({ status, machineSerial: null, applicationId: null, updatedAt: new Date() })
    .where(eq(machineryPlates.number, plate));
}

/** Where and from when the result is collected (p.11), for the SMS in the applicant's language. */
function collectionParams(app: MachineryApplication, from: string) {
  const kk = app.machinery.applicantLocale !== 'ru';
  const c = app.centre;
  return {
    number: app.number,
    con: c ? (kk ? c.nameKk : c.nameRu) : '',
    address: c ? (kk ? c.addressKk : c.addressRu) : '',
    hours: c ? (kk ? c.hoursKk : c.hoursRu) : '',
    from: from.split('-').reverse().join('.'),
  };
}

/** The owner's IIN (or the representative's for an organisation owner): the cabinet the notification goes to. */
function recipientOf(app: MachineryApplication): string | null {
  const m = app.machinery;
  return m.ownerIin ?? m.representativeIin ?? app.applicantIin ?? m.identifiedIin;
}

/**
 * p.10 (4), p.11, p.12: approve with the reviewer's EDS over the decision document (bound to the operator's
 * e-application), with the technical passport and plate typed by hand; the register is updated, the plate taken
 * from the archive, and the applicant gets an SMS with the CON, its address and the day from which to collect.
 */
export async function approve(ctx: Ctx, input: ApproveInput) {
  const app = await loadInScope(ctx, akimatView, input.id);
  if (app.status !== 'under_review') return raceLost(ctx.db, app.id, new DomainError('application_changed'));
  await assertSeparation(ctx, app.id, 'machinery.approve', partiesOfMachinery(app));
  const fields = decisionFields(app, input);
  const serial = serialOf(app);
  if (!serial) throw new DomainError('machinery_not_in_register');
  const document = await approvalDocumentOf(ctx.db, app, ctx.actor.iin, fields);
  const calendar = await loadWorkCalendar(ctx.db);
  return ctx.db
    .transaction(async (tx) => {
      const signature = await recordSignature(tx, {
        applicationId: app.id,
        documentNumber: app.number,
        purpose: 'machinery.approval',
        document,
        cms: input.cms,
        party: { role: 'reviewer', iin: ctx.actor.iin },
      });
      const now = new Date();
      const row = await transition(tx, {
        id: app.id,
        expectedVersion: input.version,
        machine,
        event: 'approve',
        actor: ctx.actor,
        grant: ctx.grant,
        set: { decidedAt: now },
        data: { signature: signature.id, plate: fields.plate },
      });
      if (fields.plate) await takePlate(tx, app, fields.plate, serial);
      await updateRegister(tx, app, fields);
      await tx
        .update(machineryApplications)
        .set({
          decidedByUserId: ctx.actor.userId,
          reviewerSignatureId: signature.id,
          plate: fields.plate,
          technicalPassport: fields.technicalPassport,
        })
        .where(eq(machineryApplications.applicationId, app.id));
      const recipient = recipientOf(app);
      if (recipient)
        await notify(tx, `machinery:${app.id}:approved`, {
          recipientIin: recipient,
          applicationId: app.id,
          kind: 'machinery_approved',
          sms: true,
          locale: app.machinery.applicantLocale,
          ...(app.machinery.phone ? { phone: app.machinery.phone } : {}),
          params: collectionParams(app, collectFrom(now, calendar)),
        });
      return row;
    })
    .catch((e: unknown) => raceLost(ctx.db, app.id, e));
}

export type RefuseInput = { id: string; version: number; cms: string; reasonCode: string; comment: string };

/** The document the reviewer signs to refuse. */
export async function refusalDocumentOf(db: DbOrTx, app: MachineryApplication, reviewerIin: string, reasonCode: string, comment: string) {
  return refusalDocument({
    number: app.number,
    applicationSha256: await intakeSha256(db, app),
    reviewerIin,
    akimatId: app.akimatId!,
    reasonCode,
    comment,
  });
}

/** p.13: the motivated refusal with a legal reason of the review stage and a comment, signed; SMS and cabinet. */
export async function refuse(ctx: Ctx, input: RefuseInput) {
  const app = await loadInScope(ctx, akimatView, input.id);
  if (app.status !== 'under_review') return raceLost(ctx.db, app.id, new DomainError('application_changed'));
  await assertSeparation(ctx, app.id, 'machinery.refuse', partiesOfMachinery(app));
  const [reason] = await ctx.db
    .select({ code: machineryRefusalReasons.code })
    .from(machineryRefusalReasons)
    .where(
      and(
        eq(machineryRefusalReasons.code, input.reasonCode),
        eq(machineryRefusalReasons.stage, 'review'),
        eq(machineryRefusalReasons.active, true),
      ),
    );
  if (!reason) throw new DomainError('machinery_reason_invalid');
  const comment = input.comment.trim();
  const problem = refusalCommentProblem(comment);
  if (problem) throw new DomainError(problem);
  const document = await refusalDocumentOf(ctx.db, app, ctx.actor.iin, reason.code, comment);
  return ctx.db
    .transaction(async (tx) => {
      const signature = await recordSignature(tx, {
        applicationId: app.id,
        documentNumber: app.number,
        purpose: 'machinery.refusal',
        document,
        cms: input.cms,
        party: { role: 'reviewer', iin: ctx.actor.iin },
      });
      const row = await transition(tx, {
        id: app.id,
        expectedVersion: input.version,
        machine,
        event: 'refuse',
        actor: ctx.actor,
        grant: ctx.grant,
        set: { decidedAt: new Date() },
        data: { signature: signature.id, reason: reason.code },
      });
      await tx
        .update(machineryApplications)
        .set({
          decidedByUserId: ctx.actor.userId,
          reviewerSignatureId: signature.id,
          refusalReasonCode: reason.code,
          refusalComment: comment,
        })
        .where(eq(machineryApplications.applicationId, app.id));
      const recipient = recipientOf(app);
      if (recipient)
        await notify(tx, `machinery:${app.id}:refused`, {
          recipientIin: recipient,
          applicationId: app.id,
          kind: 'machinery_refused',
          sms: true,
          locale: app.machinery.applicantLocale,
          ...(app.machinery.phone ? { phone: app.machinery.phone } : {}),
          params: { number: app.number },
        });
      return row;
    })
    .catch((e: unknown) => raceLost(ctx.db, app.id, e));
}

/** For the page after a decision: the names of the ones who decided, by application. */
export async function decidersOf(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: machineryApplications.applicationId, surname: users.surname, givenName: users.givenName })
    .from(machineryApplications)
    .innerJoin(users, eq(users.id, machineryApplications.decidedByUserId))
    .where(inArray(machineryApplications.applicationId, [...ids]));
  return new Map(rows.map((r) => [r.id, `${r.givenName} ${r.surname}`]));
}
