// A residence application (order 003, SPEC §6) in a given state with its owners' consent requests, as the online
// slice's "finish the draft" leaves it: the application through `createApplication`, its residence row, a dwelling of
// its own in the cadastre (fresh per call, so tests never share a dwelling), and one request per owner. For the
// integration tests and the e2e (which pass the e2e server's database); the other slices may reuse it.
import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applicationEvents, applications } from '@/db/schema/applications';
import { properties, propertyOwners } from '@/db/schema/registry';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import { createApplication } from '@/lib/applications/core';
import { localYear } from '@/lib/calendar/local';
import type { ConsentStatus } from '@/lib/residence/consent-rules';
import type { ResidenceState } from '@/lib/residence/machine';
import { uniqueIin } from './factories';

const HOUR = 3_600_000;

export type OwnerFixture = {
  iin: string;
  shareMilli: number;
  status?: ConsentStatus;
  requestedAt?: Date;
  expiresAt?: Date;
  remindedAt?: Date | null;
  declineReason?: string;
};

export type ResidenceFixture = {
  /** Default: a fresh IIN (a GBD FL record is not needed for the consent flow; names then show «—»). */
  applicantIin?: string;
  applicantLocale?: 'kk' | 'ru';
  kind?: 'permanent' | 'temporary';
  status?: ResidenceState;
  /** The owners other than the applicant, each with a request (default: requested, 72 hours to answer). */
  owners: readonly OwnerFixture[];
  /** The applicant's own share, when they are a co-owner (no request for it). */
  applicantShareMilli?: number;
  regionCode?: string;
  stayFrom?: string;
  stayUntil?: string;
};

/** A fresh cadastral number in the style of the region's (never one of the seed's). */
export function freshCadastralNumber(regionCode = '02'): string {
  return `${Number(regionCode) * 10}-9${String(randomInt(100)).padStart(2, '0')}-${String(randomInt(1000)).padStart(3, '0')}-${String(randomInt(1000)).padStart(3, '0')}:${randomInt(1, 999)}`;
}

export async function makeResidenceApplication(db: DbOrTx, f: ResidenceFixture) {
  const applicantIin = f.applicantIin ?? uniqueIin();
  const regionCode = f.regionCode ?? '02';
  const kind = f.kind ?? 'permanent';
  const status = f.status ?? 'awaiting_owner_consent';
  const now = new Date();
  const cadastralNumber = freshCadastralNumber(regionCode);
  const flat = String(randomInt(1, 300));
  await db.insert(properties).values({
    cadastralNumber,
    regionCode,
    kind: 'flat',
    totalAreaM2: 64,
    addressKk: `Алматы қ., Бостандық ауданы, Тимирязев көшесі, ${randomInt(1, 200)}, ${flat}-пәтер`,
    addressRu: `г. Алматы, Бостандыкский район, ул. Тимирязева, д. ${randomInt(1, 200)}, кв. ${flat}`,
  });
  await db
    .insert(propertyOwners)
    .values([
      ...f.owners.map((o) => ({ cadastralNumber, iin: o.iin, shareMilli: o.shareMilli })),
      ...(f.applicantShareMilli ? [{ cadastralNumber, iin: applicantIin, shareMilli: f.applicantShareMilli }] : []),
    ]);
  const app = await createApplication(
    db,
    { pilot: 'residence', status: 'draft', applicantIin, regionCode, year: localYear(now) },
    null,
    null,
  );
  const [moved] = await db
    .update(applications)
    .set({ status, version: sql`${applications.version} + 1`, submittedAt: now })
    .where(eq(applications.id, app.id))
    .returning();
  await db.insert(applicationEvents).values({ applicationId: app.id, type: 'request_consent', fromStatus: 'draft', toStatus: status });
  await db.insert(residenceApplications).values({
    applicationId: app.id,
    iin: applicantIin,
    kind,
    applicantLocale: f.applicantLocale ?? 'kk',
    cadastralNumber,
    stayFrom: kind === 'temporary' ? (f.stayFrom ?? '2026-07-01') : null,
    stayUntil: kind === 'temporary' ? (f.stayUntil ?? '2026-12-31') : null,
  });
  const consents = await db
    .insert(residenceConsents)
    .values(
      f.owners.map((o) => {
        const requestedAt = o.requestedAt ?? now;
        const answered = o.status === 'consented' || o.status === 'declined';
        return {
          applicationId: app.id,
          ownerIin: o.iin,
          shareMilli: o.shareMilli,
          status: o.status ?? 'requested',
          requestedAt,
          expiresAt: o.expiresAt ?? new Date(requestedAt.getTime() + 72 * HOUR),
          remindedAt: o.remindedAt ?? null,
          answeredAt: answered ? now : null,
          declineReason: o.status === 'declined' ? (o.declineReason ?? 'Против') : null,
        };
      }),
    )
    .returning();
  return { id: app.id, number: app.number, version: moved!.version, applicantIin, cadastralNumber, consents };
}
