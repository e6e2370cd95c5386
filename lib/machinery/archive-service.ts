// Orders 001/004, p.16–17: the documents that were the basis of a decision stay at the front office for one month,
// then go to the akimat under an act of acceptance and transfer in two copies, signed by the akimat and the head
// of the front office over the same canonical act. The act's states are the pure `nextActStatus` (transfer-act.ts).
import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applicationNumbers, applications } from '@/db/schema/applications';
import { machineryApplications, machineryScans, machineryTransferActItems, machineryTransferActs } from '@/db/schema/machinery';
import { users } from '@/db/schema/people';
import { akimats, serviceCentres } from '@/db/schema/reference';
import { signatures } from '@/db/schema/signatures';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { inScope } from '@/lib/auth/scope';
import { isUuid } from '@/lib/applications/scope';
import { localDate, localYear } from '@/lib/calendar/local';
import { DomainError } from '@/lib/errors';
import { recordSignature } from '@/lib/signatures/service';
import kk from '@/messages/kk.json';
import {
  canonicalAct,
  dueForTransfer,
  hasSigned,
  nextActStatus,
  type ActApplication,
  type ActSide,
  type CanonicalAct,
  type TransferActStatus,
} from './transfer-act';

/** Who asks: pages pass theirs (no registries are needed here). */
export type ArchiveContext = { db: Db; actor: Pick<Actor, 'userId' | 'iin'>; grant: Grant };

const decided = ['approved', 'issued', 'refused'] as const;
export type DecidedStatus = (typeof decided)[number];

export type DueApplication = {
  id: string;
  number: string;
  status: DecidedStatus;
  decidedAt: Date;
  dueDate: string;
  akimatId: number;
  serviceCentreId: number;
};

/** The decided applications not yet in any act, of a CON or of an akimat, whose month at the front office has passed. */
async function dueRows(db: DbOrTx, where: { serviceCentreId?: number; akimatId?: number }, now: Date): Promise<DueApplication[]> {
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      decidedAt: applications.decidedAt,
      akimatId: applications.akimatId,
      serviceCentreId: applications.serviceCentreId,
    })
    .from(applications)
    .innerJoin(machineryApplications, eq(machineryApplications.applicationId, applications.id))
    .leftJoin(machineryTransferActItems, eq(machineryTransferActItems.applicationId, applications.id))
    .where(
      and(
        eq(applications.pilot, 'machinery'),
        inArray(applications.status, [...decided]),
        isNotNull(applications.decidedAt),
        isNotNull(applications.akimatId),
        isNull(machineryTransferActItems.actId),
        isNull(machineryApplications.transferActId),
        where.serviceCentreId !== undefined ? eq(applications.serviceCentreId, where.serviceCentreId) : undefined,
        where.akimatId !== undefined ? eq(applications.akimatId, where.akimatId) : undefined,
      ),
    )
    .orderBy(asc(applications.decidedAt), asc(applications.number));
  return rows.flatMap((r) => {
    if (r.serviceCentreId == null || r.akimatId == null || !r.decidedAt) return [];
    const due = dueForTransfer(r.decidedAt, now);
    if (!due.due) return [];
    return [
      {
        ...r,
        status: r.status as DecidedStatus,
        decidedAt: r.decidedAt,
        akimatId: r.akimatId,
        serviceCentreId: r.serviceCentreId,
        dueDate: due.dueDate,
      },
    ];
  });
}

type Named = { id: number; nameKk: string; nameRu: string };

function group<K extends 'akimatId' | 'serviceCentreId'>(rows: DueApplication[], key: K, names: Map<number, Named>) {
  const out = new Map<number, { party: Named; applications: DueApplication[] }>();
  for (const r of rows) {
    const id = r[key];
    const entry = out.get(id) ?? { party: names.get(id) ?? { id, nameKk: String(id), nameRu: String(id) }, applications: [] };
    entry.applications.push(r);
    out.set(id, entry);
  }
  return [...out.values()];
}

function requireGrant(grant: Grant, roles: readonly Grant['role'][], column: 'serviceCentreId' | 'akimatId'): number {
  const id = grant[column];
  if (!roles.includes(grant.role) || id == null) throw new DomainError('forbidden');
  return id;
}

/** p.16, the front office (operator or head of its CON): what is due for transfer, per akimat. Read-only. */
export async function dueForTransferList(ctx: ArchiveContext, now = new Date()) {
  const centreId = requireGrant(ctx.grant, ['con_operator', 'con_head'], 'serviceCentreId');
  const rows = await dueRows(ctx.db, { serviceCentreId: centreId }, now);
  const ids = [...new Set(rows.map((r) => r.akimatId))];
  const names = ids.length ? await ctx.db.select().from(akimats).where(inArray(akimats.id, ids)) : [];
  return group(rows, 'akimatId', new Map(names.map((n) => [n.id, n])));
}

/** p.16, the akimat: what each CON holds for it that is due, per CON (the acts it may form). */
export async function dueForAkimat(ctx: ArchiveContext, now = new Date()) {
  const akimatId = requireGrant(ctx.grant, ['akimat_reviewer'], 'akimatId');
  const rows = await dueRows(ctx.db, { akimatId }, now);
  const ids = [...new Set(rows.map((r) => r.serviceCentreId))];
  const names = ids.length ? await ctx.db.select().from(serviceCentres).where(inArray(serviceCentres.id, ids)) : [];
  return group(rows, 'serviceCentreId', new Map(names.map((n) => [n.id, n])));
}

/** TA-2026-000001: one counter per year in the numbering table, incremented atomically. */
async function nextActNumber(tx: DbOrTx, year: number) {
  const [row] = await tx
    .insert(applicationNumbers)
    .values({ prefix: 'TA', year, last: 1 })
    .onConflictDoUpdate({
      target: [applicationNumbers.prefix, applicationNumbers.year],
      set: { last: sql`${applicationNumbers.last} + 1` },
    })
    .returning({ last: applicationNumbers.last });
  return `TA-${year}-${String(row!.last).padStart(6, '0')}`;
}

const checklistName = (code: string) => (kk.Machinery.checklist as Record<string, string>)[code] ?? code;
const bilingual = (n: { nameKk: string; nameRu: string }) => (n.nameKk === n.nameRu ? n.nameKk : `${n.nameKk} / ${n.nameRu}`);

/**
 * p.17, formed by the akimat's reviewer: the due applications this CON holds for the akimat go into one act,
 * frozen as its canonical JSON (what both parties sign). Forming again (a double submit) while that act is
 * unsigned gives the same act; with nothing due and no open act it is `transfer_act_nothing_due`.
 */
export async function formAct(ctx: ArchiveContext, input: { serviceCentreId: number }, now = new Date()) {
  const akimatId = requireGrant(ctx.grant, ['akimat_reviewer'], 'akimatId');
  const [akimat] = await ctx.db.select().from(akimats).where(eq(akimats.id, akimatId));
  const [centre] = await ctx.db.select().from(serviceCentres).where(eq(serviceCentres.id, input.serviceCentreId));
  if (!akimat || !centre) throw new DomainError('not_found');
  return ctx.db.transaction(async (tx) => {
    // One act at a time per akimat and CON: two reviewers forming at once do not split the applications.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`transfer_act:${akimatId}:${centre.id}`}))`);
    const due = await dueRows(tx, { akimatId, serviceCentreId: centre.id }, now);
    if (due.length === 0) {
      const [open] = await tx
        .select()
        .from(machineryTransferActs)
        .where(
          and(
            eq(machineryTransferActs.akimatId, akimatId),
            eq(machineryTransferActs.serviceCentreId, centre.id),
            eq(machineryTransferActs.status, 'draft'),
          ),
        )
        .orderBy(desc(machineryTransferActs.createdAt))
        .limit(1);
      if (open) return open;
      throw new DomainError('transfer_act_nothing_due');
    }
    const ids = due.map((d) => d.id);
    const details = await tx
      .select({
        id: machineryApplications.applicationId,
        action: machineryApplications.action,
        kind: machineryApplications.machineKind,
        make: machineryApplications.make,
        model: machineryApplications.model,
        serialNumber: machineryApplications.serialNumber,
        plate: machineryApplications.plate,
      })
      .from(machineryApplications)
      .where(inArray(machineryApplications.applicationId, ids));
    const scans = await tx
      .select({ applicationId: machineryScans.applicationId, code: machineryScans.itemCode, sha256: machineryScans.sha256 })
      .from(machineryScans)
      .where(inArray(machineryScans.applicationId, ids));
    const byId = new Map(details.map((d) => [d.id, d]));
    const actApps: ActApplication[] = due.map((d) => {
      const m = byId.get(d.id)!;
      return {
        number: d.number,
        action: m.action,
        machine: { kind: m.kind ?? '', make: m.make ?? '', model: m.model ?? '', serialNumber: m.serialNumber ?? '', plate: m.plate },
        decision: d.status,
        decidedAt: d.decidedAt,
        documents: scans
          .filter((s) => s.applicationId === d.id)
          .map((s) => ({ code: s.code, name: checklistName(s.code), sha256: s.sha256 })),
      };
    });
    const number = await nextActNumber(tx, localYear(now));
    const canonical = canonicalAct({
      number,
      date: localDate(now),
      akimat: { id: String(akimat.id), name: bilingual(akimat) },
      con: { id: String(centre.id), name: bilingual(centre) },
      applications: actApps,
    });
    const [act] = await tx
      .insert(machineryTransferActs)
      .values({ number, akimatId, serviceCentreId: centre.id, canonical, formedByUserId: ctx.actor.userId })
      .returning();
    const positionOf = new Map(canonical.applications.map((a, i) => [a.number, i + 1]));
    await tx
      .insert(machineryTransferActItems)
      .values(due.map((d) => ({ actId: act!.id, applicationId: d.id, position: positionOf.get(d.number)! })));
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'machinery.transfer_act_formed',
      data: { act: act!.id, number, serviceCentreId: centre.id, applications: due.length },
    });
    return act!;
  });
}

export type TransferAct = typeof machineryTransferActs.$inferSelect;

/** The act for one of its two parties (the akimat's reviewer, the CON's head or operator), or `not_found` (audited). */
export async function loadAct(ctx: ArchiveContext, actId: string): Promise<TransferAct> {
  const [act] = isUuid(actId) ? await ctx.db.select().from(machineryTransferActs).where(eq(machineryTransferActs.id, actId)) : [];
  if (!act) throw new DomainError('not_found');
  const party = ['akimat_reviewer', 'con_head', 'con_operator'].includes(ctx.grant.role);
  if (party && inScope(ctx.grant, { akimatId: act.akimatId, serviceCentreId: act.serviceCentreId })) return act;
  await audit(ctx.db, ctx.actor, ctx.grant, { action: 'access.denied', data: { view: 'machinery.transfer_act', act: actId } });
  throw new DomainError('not_found');
}

async function sign(ctx: ArchiveContext, side: ActSide, input: { actId: string; version: number; cms: string }) {
  const role = side === 'akimat' ? 'akimat_reviewer' : 'con_head';
  if (ctx.grant.role !== role) throw new DomainError('forbidden');
  const act = await loadAct(ctx, input.actId);
  const column = side === 'akimat' ? machineryTransferActs.akimatSignatureId : machineryTransferActs.conHeadSignatureId;
  return ctx.db.transaction(async (tx) => {
    // The row lock orders two signers: the second sees the first's status and completes the act.
    const [current] = await tx.select().from(machineryTransferActs).where(eq(machineryTransferActs.id, act.id)).for('update');
    const status = current!.status as TransferActStatus;
    if (hasSigned(status, side)) {
      const signatureId = side === 'akimat' ? current!.akimatSignatureId : current!.conHeadSignatureId;
      const [mine] = signatureId
        ? await tx.select({ iin: signatures.signerIin }).from(signatures).where(eq(signatures.id, signatureId))
        : [];
      if (mine?.iin === ctx.actor.iin) return current!; // a double submit
      throw new DomainError('transfer_act_already_signed');
    }
    // The page's version may be older than the row's only by the other side's signature (the canonical act is
    // frozen, so this side still signs the same bytes); a version from the future is a forged form.
    if (input.version > current!.version) throw new DomainError('transfer_act_changed');
    const to = nextActStatus(status, side);
    const signature = await recordSignature(tx, {
      documentNumber: current!.number,
      purpose: 'machinery.transfer_act',
      document: current!.canonical,
      cms: input.cms,
      party: { role: side, iin: ctx.actor.iin },
    });
    const [row] = await tx
      .update(machineryTransferActs)
      .set({
        status: to,
        version: sql`${machineryTransferActs.version} + 1`,
        [side === 'akimat' ? 'akimatSignatureId' : 'conHeadSignatureId']: signature.id,
        ...(to === 'completed' ? { completedAt: new Date() } : {}),
      })
      .where(and(eq(machineryTransferActs.id, act.id), eq(machineryTransferActs.version, current!.version), isNull(column)))
      .returning();
    if (!row) throw new DomainError('transfer_act_changed');
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'machinery.transfer_act_signed',
      data: { act: act.id, number: act.number, side, from: status, to, signature: signature.id },
    });
    if (to === 'completed') {
      const items = await tx
        .select({ id: machineryTransferActItems.applicationId })
        .from(machineryTransferActItems)
        .where(eq(machineryTransferActItems.actId, act.id));
      await tx
        .update(machineryApplications)
        .set({ transferActId: act.id, documentsTransferredAt: row.completedAt })
        .where(
          inArray(
            machineryApplications.applicationId,
            items.map((i) => i.id),
          ),
        );
      await audit(tx, ctx.actor, ctx.grant, {
        action: 'machinery.documents_transferred',
        data: { act: act.id, number: act.number, applications: items.length },
      });
    }
    return row;
  });
}

/** p.17, the akimat's (услугодатель) EDS over the act's canonical bytes. */
export function signAsAkimat(ctx: ArchiveContext, input: { actId: string; version: number; cms: string }) {
  return sign(ctx, 'akimat', input);
}

/** p.17, the head of the front office's EDS over the same bytes. */
export function signAsConHead(ctx: ArchiveContext, input: { actId: string; version: number; cms: string }) {
  return sign(ctx, 'con_head', input);
}

export type ActSignatureReport = {
  side: ActSide;
  name: string;
  iin: string;
  signedAt: Date;
  certificateSerial: string;
  verifyCode: string;
  dataSha256: string;
};

/** The act's stored signatures with their reports (signer, time, certificate serial). */
export async function actSignatures(db: DbOrTx, act: TransferAct): Promise<ActSignatureReport[]> {
  const ids = [act.akimatSignatureId, act.conHeadSignatureId].filter((x): x is string => !!x);
  if (!ids.length) return [];
  const rows = await db
    .select({
      id: signatures.id,
      iin: signatures.signerIin,
      signedAt: signatures.signedAt,
      serial: signatures.certificateSerial,
      verifyCode: signatures.verifyCode,
      dataSha256: signatures.dataSha256,
      surname: users.surname,
      givenName: users.givenName,
      patronymic: users.patronymic,
    })
    .from(signatures)
    .leftJoin(users, eq(users.iin, signatures.signerIin))
    .where(inArray(signatures.id, ids));
  return rows.map((r) => ({
    side: r.id === act.akimatSignatureId ? 'akimat' : 'con_head',
    name: [r.surname, r.givenName, r.patronymic].filter(Boolean).join(' '),
    iin: r.iin,
    signedAt: r.signedAt,
    certificateSerial: r.serial,
    verifyCode: r.verifyCode,
    dataSha256: r.dataSha256,
  }));
}

/** The acts of this party (the akimat's, or the CON's), newest first. */
export async function actsOf(ctx: ArchiveContext) {
  const where =
    ctx.grant.role === 'akimat_reviewer' && ctx.grant.akimatId != null
      ? eq(machineryTransferActs.akimatId, ctx.grant.akimatId)
      : (ctx.grant.role === 'con_head' || ctx.grant.role === 'con_operator') && ctx.grant.serviceCentreId != null
        ? eq(machineryTransferActs.serviceCentreId, ctx.grant.serviceCentreId)
        : null;
  if (!where) throw new DomainError('forbidden');
  return ctx.db
    .select({
      id: machineryTransferActs.id,
      number: machineryTransferActs.number,
      status: machineryTransferActs.status,
      createdAt: machineryTransferActs.createdAt,
      completedAt: machineryTransferActs.completedAt,
      akimatKk: akimats.nameKk,
      akimatRu: akimats.nameRu,
      centreKk: serviceCentres.nameKk,
      centreRu: serviceCentres.nameRu,
      count: sql<number>`(select count(*)::int from ${machineryTransferActItems} where ${machineryTransferActItems.actId} = ${machineryTransferActs.id})`,
    })
    .from(machineryTransferActs)
    .innerJoin(akimats, eq(akimats.id, machineryTransferActs.akimatId))
    .innerJoin(serviceCentres, eq(serviceCentres.id, machineryTransferActs.serviceCentreId))
    .where(where)
    .orderBy(desc(machineryTransferActs.createdAt))
    .limit(200);
}

export const canonicalOf = (act: TransferAct) => act.canonical as unknown as CanonicalAct;
