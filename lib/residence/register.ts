import 'server-only';
// The one GBD FL registration write of order 003, online (the applicant signs) and at a CON (the worker signs, p.7):
// inside the caller's transaction, with the application's row already locked, the EDS is verified and stored, GBD FL
// records the address (permanent: the person moves, which ends the previous registration; temporary: from–until),
// the application gets its address certificate's number, and the applicant is told by SMS and in the cabinet, in
// their language; the application moves to `registered` by the channel's machine event (`sign` / `con_register`).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { residenceApplications } from '@/db/schema/residence';
import { transition } from '@/lib/applications/core';
import type { Actor, Grant } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors';
import { notify } from '@/lib/outbox';
import type { Registries } from '@/lib/registries';
import type { Property } from '@/lib/registries/cadastre/port';
import type { AddressRegistration } from '@/lib/registries/gbd-fl/port';
import { recordSignature, type SigningParty } from '@/lib/signatures/service';
import { certificateNumberOf, type ResidenceKind } from './certificate';
import type { ResidenceApplication } from './load';
import { residenceMachine as machine } from './machine';

/**
 * Locks the application's row for the registration: false when the other submit registered it while this one
 * waited (the caller does nothing more); application_changed when anything else moved it on.
 */
export async function lockForRegistration(tx: DbOrTx, id: string, expectedVersion: number): Promise<boolean> {
  const [locked] = await tx
    .select({ status: applications.status, version: applications.version })
    .from(applications)
    .where(eq(applications.id, id))
    .for('update');
  if (locked?.status === 'registered') return false;
  if (!locked || locked.version !== expectedVersion) throw new DomainError('application_changed');
  return true;
}

export type Period = { from: string; until: string };

/** What GBD FL is asked to record for this application: pure, so both channels send the same payload. */
export function addressRegistrationOf(
  r: { iin: string; kind: ResidenceKind },
  property: Pick<Property, 'regionCode' | 'addressKk' | 'addressRu' | 'cadastralNumber'>,
  period: Period | null,
): AddressRegistration {
  if (r.kind === 'permanent')
    return {
      kind: 'permanent',
      iin: r.iin,
      address: {
        regionCode: property.regionCode,
        addressKk: property.addressKk,
        addressRu: property.addressRu,
        cadastralNumber: property.cadastralNumber,
      },
    };
  if (!period) throw new DomainError('residence_stay_required');
  return { kind: 'temporary', iin: r.iin, cadastralNumber: property.cadastralNumber, fromDate: period.from, toDate: period.until };
}

export type RegisterInput = {
  app: Pick<ResidenceApplication, 'id' | 'number' | 'residence'>;
  property: Property;
  /** The temporary registration's period (as checked at signing); null for a permanent one. */
  period: Period | null;
  signature: { purpose: 'residence.application' | 'residence.con'; document: unknown; cms: string; party: SigningParty };
  /** The error when GBD FL does not know the person (Errors.<code>). */
  personMissing: string;
  /** More columns of the residence row written with the registration (e.g. the Astana decision re-checked). */
  set?: Partial<typeof residenceApplications.$inferInsert>;
  /** The machine event that registers it: the applicant's `sign` online, the worker's `con_register` at a CON. */
  event: { name: 'sign' | 'con_register'; expectedVersion: number; actor: Actor; grant: Grant };
};

/**
 * Signs and registers in `tx`. GBD FL is idempotent for the same registration, so a commit lost after the call is
 * safe to repeat; the caller locks the application row first so that of two submits exactly one gets here.
 */
export async function registerResidence(tx: DbOrTx, registries: Registries, input: RegisterInput) {
  const { app, property, period } = input;
  const signature = await recordSignature(tx, {
    applicationId: app.id,
    documentNumber: app.number,
    purpose: input.signature.purpose,
    document: input.signature.document,
    cms: input.signature.cms,
    party: input.signature.party,
  });
  const receipt = await registries.gbdFl.registerAddress(addressRegistrationOf(app.residence, property, period));
  if (!receipt) throw new DomainError(input.personMissing);
  const now = new Date();
  const certificateNumber = certificateNumberOf(app.number);
  await tx
    .update(residenceApplications)
    .set({
      ...input.set,
      signatureId: signature.id,
      certificateNumber,
      registeredAt: now,
      closedAt: now,
      ...(period ? { stayFrom: period.from, stayUntil: period.until } : {}),
    })
    .where(eq(residenceApplications.applicationId, app.id));
  const locale = app.residence.applicantLocale;
  await notify(tx, `residence:${app.id}:registered`, {
    recipientIin: app.residence.iin,
    applicationId: app.id,
    kind: app.residence.kind === 'permanent' ? 'residence_registered' : 'residence_registered_temporary',
    sms: true,
    locale,
    params: {
      number: app.number,
      certificate: certificateNumber,
      address: locale === 'kk' ? property.addressKk : property.addressRu,
      ...(period ? { until: period.until } : {}),
    },
  });
  await transition(tx, {
    id: app.id,
    expectedVersion: input.event.expectedVersion,
    machine,
    event: input.event.name,
    actor: input.event.actor,
    grant: input.event.grant,
    set: { submittedAt: now, decidedAt: now },
    data: { signature: signature.id, verifyCode: signature.verifyCode, certificateNumber },
  });
  return { signature, certificateNumber, at: now };
}
