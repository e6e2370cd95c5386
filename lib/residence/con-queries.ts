import 'server-only';
import { eq } from 'drizzle-orm';
import { db as portalDb } from '@/db';
import { serviceCentres } from '@/db/schema/reference';
import { queueTickets } from '@/db/schema/vehicle';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { getRegistries } from '@/lib/registries';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import { serviceContext } from '@/lib/service-context';
import type { Person } from '@/lib/registries/gbd-fl/port';
import type { Property } from '@/lib/registries/cadastre/port';
import { maskedName } from './person';
import {
  blockersOf,
  conApplication,
  conDocumentOf,
  deskTicket,
  hallApplications,
  receptionLookup,
  waitingResidenceTickets,
  type ReceptionLookup,
} from './con-service';

// What the CON path's pages read (the portal's database; the services take theirs from the context).

/** Reception's lookup of a dwelling (recorded by the service), or 'unavailable' when a registry does not answer. */
export async function receptionLookupFor(
  actor: Actor,
  grant: Grant,
  cadastralNumber: string,
): Promise<ReceptionLookup | null | 'unavailable'> {
  try {
    return await receptionLookup(serviceContext(portalDb, actor, grant), cadastralNumber);
  } catch (e) {
    if (isRegistryUnavailable(e)) return 'unavailable';
    throw e;
  }
}

export const hallOverviewOf = (centreId: number) =>
  Promise.all([waitingResidenceTickets(portalDb, centreId), hallApplications(portalDb, centreId)]);

export const deskTicketFor = (actor: Actor, grant: Grant, ticketId: string) => deskTicket({ db: portalDb, actor, grant }, ticketId);

export async function centreOf(id: number) {
  const [c] = await portalDb.select().from(serviceCentres).where(eq(serviceCentres.id, id));
  return c ?? null;
}

type Found = Person | null | 'unavailable';

/**
 * The formed application at this worker's CON with what its page shows: the dwelling, the representative's GBD FL
 * record (the photo), the applicant and the owner; each person shown is recorded as viewed.
 */
export async function conApplicationFor(actor: Actor, grant: Grant, id: string) {
  const app = await conApplication({ db: portalDb, actor, grant }, id);
  const registries = getRegistries(portalDb, { applicationId: app.id });
  const safe = async <T>(p: Promise<T>): Promise<T | 'unavailable'> => {
    try {
      return await p;
    } catch (e) {
      if (isRegistryUnavailable(e)) return 'unavailable';
      throw e;
    }
  };
  const [property, representative, applicant, owner] = await Promise.all([
    safe(registries.cadastre.findProperty(app.residence.cadastralNumber!)),
    safe(registries.gbdFl.findPerson(app.intake.representativeIin)),
    app.intake.applicant ? safe(registries.gbdFl.findPerson(app.intake.applicant.iin)) : Promise.resolve(null as Found),
    safe(registries.gbdFl.findPerson(app.intake.ownerIin)),
  ]);
  await portalDb.transaction(async (tx) => {
    for (const iin of new Set([app.intake.representativeIin, app.intake.ownerIin, app.residence.iin]))
      await audit(tx, actor, grant, {
        action: 'person.viewed',
        applicationId: app.id,
        subjectIin: iin,
        data: { purpose: 'residence.con' },
      });
  });
  const [ticket] = app.intake.queueTicketId
    ? await portalDb.select({ code: queueTickets.code }).from(queueTickets).where(eq(queueTickets.id, app.intake.queueTicketId))
    : [];
  const applicantPerson: Found = app.intake.applicant ? applicant : representative;
  return {
    app,
    property: property as Property | null | 'unavailable',
    representative: representative as Found,
    applicant: applicantPerson,
    owner: owner as Found,
    ticket: ticket?.code ?? null,
    blockers: blockersOf(app),
    document: app.status === 'draft' && blockersOf(app).length === 0 ? conDocumentOf(app, actor.iin) : null,
    ownerMasked: {
      kk: maskedName(owner === 'unavailable' ? null : owner, 'kk'),
      ru: maskedName(owner === 'unavailable' ? null : owner, 'ru'),
    },
  };
}
export type ConApplicationView = Awaited<ReturnType<typeof conApplicationFor>>;

/**
 * The printed referral online (p.5 at reception, p.8 in the hall) for a worker of a CON: its CON, and the print
 * recorded. Null for anyone else.
 */
export async function referralFor(actor: Actor, input: { kind: 'reception_online' | 'refused'; reason: string }) {
  const grant = actor.grants.find((g) => (g.role === 'con_reception' || g.role === 'con_operator') && g.serviceCentreId != null);
  if (!grant) return null;
  const centre = await centreOf(grant.serviceCentreId!);
  if (!centre) return null;
  await audit(portalDb, actor, grant, { action: 'residence.con.referral_printed', data: { kind: input.kind, reason: input.reason } });
  return { centre, grant };
}
