import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { db as portalDb } from '@/db';
import { applicationEvents } from '@/db/schema/applications';
import { machineryRefusalReasons } from '@/db/schema/machinery';
import { users } from '@/db/schema/people';
import { akimats, serviceCentres } from '@/db/schema/reference';
import { queueTickets } from '@/db/schema/vehicle';
import { loadInScope } from '@/lib/applications/scope';
import { localDate } from '@/lib/calendar/local';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { DomainError, isDomainError } from '@/lib/errors';
import { getRegistries } from '@/lib/registries';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import {
  actionFees,
  blockersOf,
  checklistOf,
  feeLines,
  frontOfficeView,
  intakeDocumentOf,
  intakePartyView,
  openIntakes,
  pilotOpenAt,
  scansOf,
  waitingTickets,
  type MachineryIntake,
} from './intake-service';

// What the front-office pages read (the portal's database; the services take theirs from the context).

export const frontOfficeListOf = (centreId: number) => Promise.all([openIntakes(portalDb, centreId), waitingTickets(portalDb, centreId)]);

export function intakeFor(actor: Actor, grant: Grant, id: string) {
  return loadInScope({ db: portalDb, actor, grant }, frontOfficeView, id);
}

/** Everything the wizard shows besides the application: checklist, scans, blockers, fees, the GBD FL person. */
export async function wizardDataOf(actor: Actor, grant: Grant, app: MachineryIntake) {
  const registries = getRegistries(portalDb, { applicationId: app.id });
  const [items, scans, blockers, required] = await Promise.all([
    checklistOf(portalDb, app.m.action),
    scansOf(portalDb, app.id),
    blockersOf(portalDb, app),
    actionFees(portalDb, app.m.action),
  ]);
  let person: Awaited<ReturnType<typeof registries.gbdFl.findPerson>> | 'unavailable' = null;
  if (app.m.identifiedIin) {
    try {
      person = await registries.gbdFl.findPerson(app.m.identifiedIin);
      await portalDb.transaction((tx) =>
        audit(tx, actor, grant, {
          action: 'person.viewed',
          applicationId: app.id,
          subjectIin: app.m.identifiedIin,
          data: { purpose: 'machinery.intake' },
        }),
      );
    } catch (e) {
      if (!isRegistryUnavailable(e)) throw e;
      person = 'unavailable';
    }
  }
  // What is paid of each fee, asked again only while the last check found something unpaid (p.6 (3)).
  let lines: Awaited<ReturnType<typeof feeLines>> | null = null;
  const payer = app.m.ownerIin ?? app.m.ownerBin;
  if (payer && app.m.feeCheck && app.m.feeCheck.status !== 'paid' && app.status === 'received') {
    lines = await feeLines(portalDb, registries, app.m.action, payer).catch((e: unknown) => {
      if (isRegistryUnavailable(e)) return null;
      throw e;
    });
  }
  let bmgPhone: string | null = null;
  if (app.m.identifiedIin && app.status === 'received') {
    bmgPhone = await registries.bmg.findPhone(app.m.identifiedIin).catch((e: unknown) => {
      if (isRegistryUnavailable(e)) return null;
      throw e;
    });
  }
  const [ticket] = app.m.queueTicketId
    ? await portalDb.select({ code: queueTickets.code }).from(queueTickets).where(eq(queueTickets.id, app.m.queueTicketId))
    : [];
  const [akimat] = app.akimatId ? await portalDb.select().from(akimats).where(eq(akimats.id, app.akimatId)) : [];
  return { items, scans, blockers, required, person, lines, bmgPhone, ticket: ticket?.code ?? null, akimat: akimat ?? null };
}

export const intakeDocumentFor = (app: MachineryIntake, operatorIin: string) => intakeDocumentOf(portalDb, app, operatorIin);

/**
 * The printed refusal of p.7 / p.8 for its download: the CON's worker of that CON, or in the cabinet the applicant,
 * the owner or the representative. Anyone else: not found (audited by loadInScope).
 */
export async function refusalFor(actor: Actor, id: string) {
  const staff = actor.grants.find((g) => g.role === 'con_operator');
  const citizen = actor.grants.find((g) => g.role === 'citizen');
  let app: MachineryIntake | null = null;
  for (const [grant, view] of [
    [staff, frontOfficeView],
    [citizen, intakePartyView],
  ] as const) {
    if (!grant || app) continue;
    app = await loadInScope({ db: portalDb, actor, grant }, view, id).catch((e: unknown) => {
      if (isDomainError(e) && e.code === 'not_found') return null;
      throw e;
    });
    if (app) await portalDb.transaction((tx) => audit(tx, actor, grant, { action: 'machinery.refusal_downloaded', applicationId: id }));
  }
  if (!app || app.status !== 'rejected_at_intake' || !app.m.refusalReasonCode) throw new DomainError('not_found');
  const code = app.m.refusalReasonCode as 'package_incomplete' | 'biometrics_failed';
  const [[reason], [centre], [event]] = await Promise.all([
    portalDb.select().from(machineryRefusalReasons).where(eq(machineryRefusalReasons.code, code)),
    portalDb.select().from(serviceCentres).where(eq(serviceCentres.id, app.serviceCentreId!)),
    portalDb
      .select({ givenName: users.givenName, surname: users.surname, role: applicationEvents.actorRole, at: applicationEvents.at })
      .from(applicationEvents)
      .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
      .where(and(eq(applicationEvents.applicationId, app.id), inArray(applicationEvents.type, ['biometrics_failed', 'package_incomplete'])))
      .orderBy(desc(applicationEvents.at))
      .limit(1),
  ]);
  const person = app.applicantIin ? await getRegistries(portalDb, { applicationId: app.id }).gbdFl.findPerson(app.applicantIin) : null;
  return { app, code, reason: reason!, centre: centre!, event: event ?? null, person };
}

/** Whether this CON takes machinery intakes today (order p.1): reception shows the ticket card only then. */
export const machineryPilotOpenAt = (centreId: number) => pilotOpenAt(portalDb, centreId, localDate());
