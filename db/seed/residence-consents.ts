// Demo data of the owners' consent (order 003, SPEC §6): the tenant consentTenantDias has asked to register
// temporarily in Almaty flat F, which has two owners, and waits for both. In the demo consentOwnerAsel consents with
// EDS (signs in, opens the request from her cabinet) and consentOwnerBerik declines with a reason, which closes the
// application. The requests end `consentTtlHours` after the seed (pilot_settings), like real ones: a demo database
// older than that shows them expired (reseed, or the sweep will have told Dias).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { applicationEvents, applications, pilotSettings, residenceApplications, residenceConsents } from '../schema';
import { addDays } from './dates';
import { CADASTRE, PERSONA as P } from './personas-ids';
import { nextNumberOf } from '../../lib/applications/numbers';

const HOUR = 3_600_000;

export async function seedResidenceConsents(tx: DbOrTx, today: string) {
  const [settings] = await tx.select({ params: pilotSettings.params }).from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
  const ttlHours = Number(settings?.params.consentTtlHours ?? 72);
  const year = Number(today.slice(0, 4));
  const number = await nextNumberOf(tx, 'RR', year);
  const requestedAt = new Date(Date.now() - HOUR);
  const [app] = await tx
    .insert(applications)
    .values({
      number,
      pilot: 'residence',
      status: 'awaiting_owner_consent',
      version: 2,
      applicantIin: P.consentTenantDias,
      regionCode: '02',
      createdAt: new Date(requestedAt.getTime() - 20 * 60_000),
      updatedAt: requestedAt,
      submittedAt: requestedAt,
    })
    .returning({ id: applications.id });
  const id = app!.id;
  await tx.insert(residenceApplications).values({
    applicationId: id,
    iin: P.consentTenantDias,
    kind: 'temporary',
    applicantLocale: 'ru',
    cadastralNumber: CADASTRE.almatyFlatF,
    stayFrom: addDays(today, 7),
    stayUntil: addDays(today, 190),
  });
  await tx.insert(applicationEvents).values([
    { applicationId: id, at: new Date(requestedAt.getTime() - 20 * 60_000), type: 'created', toStatus: 'draft', actorRole: 'citizen' },
    {
      applicationId: id,
      at: requestedAt,
      type: 'request_consent',
      fromStatus: 'draft',
      toStatus: 'awaiting_owner_consent',
      actorRole: 'citizen',
    },
  ]);
  const expiresAt = new Date(requestedAt.getTime() + ttlHours * HOUR);
  await tx.insert(residenceConsents).values(
    [P.consentOwnerAsel, P.consentOwnerBerik].map((ownerIin) => ({
      applicationId: id,
      ownerIin,
      shareMilli: 500,
      requestedAt,
      expiresAt,
    })),
  );
}
