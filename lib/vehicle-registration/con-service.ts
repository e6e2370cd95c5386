import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { platePool } from '@/db/schema/reference';
import { queueTickets, vehicleApplications } from '@/db/schema/vehicle';
import { transition } from '@/lib/applications/core';
import { isUuid, loadInScope, type ScopeContext } from '@/lib/applications/scope';
import { assertSeparation } from '@/lib/auth/separation-guard';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { toLocalDate } from '@/lib/calendar/deadline';
import { DomainError } from '@/lib/errors';
import { checkPersonAtDesk, type DeskPerson } from '@/lib/identity/desk-check';
import type { DocumentSource } from '@/lib/identity/presented-document';
import { isValidIin } from '@/lib/kz/iin';
import { notify } from '@/lib/outbox';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { centreView } from './load';
import { vehicleMachine as machine } from './machine';

/** Electronic-queue codes of the issuance of registration documents: B-001, B-002… per CON and day. */
export const ticketCode = (seq: number) => `B-${String(seq).padStart(3, '0')}`;

/**
 * Reception (chapter 2 of order 000): the person shows an ID document; by its number or their IIN, reception finds
 * their registrations ready at this CON. Looking a person up is a view of their data: it is audited.
 */
export async function findReadyAtCentre(ctx: Ctx, query: string) {
  const q = query.replace(/\s+/g, '').toUpperCase();
  const person = isValidIin(q) ? await ctx.registries.gbdFl.findPerson(q) : await ctx.registries.gbdFl.findPersonByDocument(q);
  if (!person) return { person: null, ready: [] };
  await ctx.db.transaction((tx) =>
    audit(tx, ctx.actor, ctx.grant, { action: 'person.viewed', subjectIin: person.iin, data: { purpose: 'vehicle.reception' } }),
  );
  const ready = await ctx.db
    .select({
      id: applications.id,
      number: applications.number,
      version: applications.version,
      plateNumber: vehicleApplications.plateNumber,
      vehicle: vehicleApplications.vehicle,
    })
    .from(applications)
    .innerJoin(vehicleApplications, eq(vehicleApplications.applicationId, applications.id))
    .where(
      and(
        eq(applications.pilot, 'vehicle'),
        eq(applications.status, 'ready_for_pickup'),
        eq(applications.serviceCentreId, ctx.grant.serviceCentreId!),
        eq(vehicleApplications.buyerIin, person.iin),
      ),
    );
  const tickets = ready.length
    ? await ctx.db
        .select()
        .from(queueTickets)
        .where(
          and(
            eq(queueTickets.serviceCentreId, ctx.grant.serviceCentreId!),
            eq(queueTickets.day, toLocalDate(new Date())),
            eq(queueTickets.iin, person.iin),
          ),
        )
    : [];
  return {
    person,
    ready: ready.map((r) => ({ ...r, ticket: tickets.find((t) => t.applicationId === r.id && t.status !== 'served') ?? null })),
  };
}

/** A queue ticket for one ready application; asking again the same day gives the same ticket. */
export async function issueTicket(ctx: Ctx, input: { applicationId: string }) {
  const centreId = ctx.grant.serviceCentreId!;
  const day = toLocalDate(new Date());
  // Loaded before the transaction, so the audit row of a refusal is not rolled back with it.
  const app = await loadInScope(ctx, centreView, input.applicationId);
  if (app.status !== 'ready_for_pickup') throw new DomainError('illegal_transition');
  return ctx.db.transaction(async (tx) => {
    // One numbering per CON, service and day: the advisory lock makes "max + 1" safe between two desks.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ticket:${centreId}:${day}`}))`);
    const [existing] = await tx
      .select()
      .from(queueTickets)
      .where(
        and(
          eq(queueTickets.serviceCentreId, centreId),
          eq(queueTickets.day, day),
          eq(queueTickets.applicationId, app.id),
          sql`${queueTickets.status} <> 'served'`,
        ),
      );
    if (existing) return existing;
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${queueTickets.seq}), 0) + 1` })
      .from(queueTickets)
      .where(
        and(eq(queueTickets.serviceCentreId, centreId), eq(queueTickets.day, day), eq(queueTickets.service, 'vehicle_documents')),
      )) as [{ next: number }];
    const [ticket] = await tx
      .insert(queueTickets)
      .values({
        serviceCentreId: centreId,
        day,
        service: 'vehicle_documents',
        seq: Number(next),
        code: ticketCode(Number(next)),
        applicationId: app.id,
        iin: app.buyerIin!,
      })
      .returning();
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'vehicle.ticket_issued',
      applicationId: app.id,
      subjectIin: app.buyerIin,
      data: { ticket: ticket!.code },
    });
    return ticket!;
  });
}

/** Today's waiting and called tickets of this CON, in order. */
export async function queueBoard(db: DbOrTx, centreId: number) {
  return db
    .select({
      id: queueTickets.id,
      code: queueTickets.code,
      status: queueTickets.status,
      applicationId: queueTickets.applicationId,
      createdAt: queueTickets.createdAt,
      number: applications.number,
    })
    .from(queueTickets)
    .leftJoin(applications, eq(applications.id, queueTickets.applicationId))
    .where(
      and(
        eq(queueTickets.serviceCentreId, centreId),
        eq(queueTickets.day, toLocalDate(new Date())),
        eq(queueTickets.service, 'vehicle_documents'),
        sql`${queueTickets.status} in ('waiting', 'called')`,
      ),
    )
    .orderBy(asc(queueTickets.seq));
}

/** "Call next": the oldest waiting ticket of this CON; two desks calling at once get two different people. */
export async function callNext(ctx: Ctx) {
  const centreId = ctx.grant.serviceCentreId!;
  return ctx.db.transaction(async (tx) => {
    const [next] = await tx
      .select()
      .from(queueTickets)
      .where(
        and(
          eq(queueTickets.serviceCentreId, centreId),
          eq(queueTickets.day, toLocalDate(new Date())),
          // The machinery front office's tickets (orders 001/004, p.5) share the CON's queue table, not its desk.
          eq(queueTickets.service, 'vehicle_documents'),
          eq(queueTickets.status, 'waiting'),
        ),
      )
      .orderBy(asc(queueTickets.seq))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) throw new DomainError('vehicle_queue_empty');
    await tx.update(queueTickets).set({ status: 'called', calledAt: new Date() }).where(eq(queueTickets.id, next.id));
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'vehicle.ticket_called',
      applicationId: next.applicationId,
      data: { ticket: next.code },
    });
    return next;
  });
}

/** Pages: the application at this desk's CON (by id or its number), or not found: the desk sees only its own CON. */
export async function issuanceApplication(db: Db, grant: Grant, idOrNumber: string, actor: Pick<Actor, 'userId' | 'iin'> | null = null) {
  return loadAtDesk({ db, actor, grant }, idOrNumber);
}

async function loadAtDesk(ctx: ScopeContext, idOrNumber: string) {
  const byNumber = /^VR-\d{4}-\d{6}$/i.test(idOrNumber);
  const [row] = byNumber
    ? await ctx.db.select({ id: applications.id }).from(applications).where(eq(applications.number, idOrNumber.toUpperCase()))
    : [{ id: idOrNumber }];
  if (!row || !isUuid(row.id)) throw new DomainError('not_found');
  return loadInScope(ctx, centreView, row.id);
}

type PresentedDocument = { documentNumber: string; source: DocumentSource };

/**
 * p.9: the buyer presents an ID document (or its copy in Digital documents) with the application's number. The desk
 * enters the document's number; it must be the buyer's current document in GBD FL. Only then does the desk see the
 * buyer's IIN, name and GBD FL photo for the visual comparison. Someone else's document (a representative: no proxy
 * in the pilot) or an old one is refused, and the refusal is recorded (audit and the application's timeline).
 */
export async function checkBuyerAtDesk(ctx: Ctx, input: { id: string } & PresentedDocument): Promise<DeskPerson> {
  const app = await loadAtDesk(ctx, input.id);
  if (app.status !== 'ready_for_pickup') throw new DomainError('illegal_transition');
  await assertSeparation(ctx, app.id, 'vehicle.issue', [app.buyerIin]);
  return checkPersonAtDesk(ctx, {
    applicationId: app.id,
    expectedIin: app.buyerIin!,
    purpose: 'vehicle.issuance',
    documentNumber: input.documentNumber,
    source: input.source,
  });
}

/**
 * p.10, the hand-over: the presented document is checked again (the check is the server's, not the form's), then the
 * SRTS blank's serial and the plates; the application becomes `issued` and the registration appears in Digital
 * documents.
 */
export async function issueDocuments(ctx: Ctx, input: { id: string; version: number; srtsBlankSerial: string } & PresentedDocument) {
  const app = await loadAtDesk(ctx, input.id);
  if (app.status === 'issued') return app; // double submit
  if (app.status !== 'ready_for_pickup') throw new DomainError('illegal_transition');
  await assertSeparation(ctx, app.id, 'vehicle.issue', [app.buyerIin]);
  await checkPersonAtDesk(ctx, {
    applicationId: app.id,
    expectedIin: app.buyerIin!,
    purpose: 'vehicle.issuance',
    documentNumber: input.documentNumber,
    source: input.source,
  });
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(vehicleApplications)
      .set({ srtsBlankSerial: input.srtsBlankSerial, issuedAt: new Date() })
      .where(eq(vehicleApplications.applicationId, app.id));
    await tx.update(platePool).set({ status: 'issued', updatedAt: new Date() }).where(eq(platePool.number, app.plateNumber!));
    await tx
      .update(queueTickets)
      .set({ status: 'served' })
      .where(and(eq(queueTickets.applicationId, app.id), sql`${queueTickets.status} <> 'served'`));
    const row = await transition(tx, {
      id: app.id,
      expectedVersion: input.version,
      machine,
      event: 'issue',
      actor: ctx.actor,
      grant: ctx.grant,
      set: { decidedAt: new Date() },
      data: { srtsBlankSerial: input.srtsBlankSerial, identifiedBy: input.source },
    });
    await notify(tx, `vehicle:${app.id}:issued`, {
      recipientIin: app.buyerIin!,
      applicationId: app.id,
      kind: 'vehicle_issued',
      params: { number: app.number, plate: app.plateNumber! },
    });
    return row;
  });
}
