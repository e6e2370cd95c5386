// A residence draft with its dwelling picked, as the citizen wizard leaves it before Astana's steps (order 003
// p.10): the application (pilot residence, region of the dwelling) and its residence row. Used by the integration
// test and the e2e spec, which start at the Astana page. `tag` marks what a run created, so the next run (or a
// retry) closes its own open draft and nobody else's.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { applications } from '../../db/schema/applications';
import { userRoles, users } from '../../db/schema/people';
import { persons } from '../../db/schema/registry';
import { residenceApplications } from '../../db/schema/residence';
import { createApplication } from '../../lib/applications/core';

/** The user of a person known to GBD FL (created as a citizen when the demo seed has none for them). */
export async function ensureCitizenUser(db: DbOrTx, iin: string) {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.iin, iin));
  if (existing) return existing.id;
  const [p] = await db.select().from(persons).where(eq(persons.iin, iin));
  if (!p) throw new Error(`ensureCitizenUser: no person ${iin}`);
  const [u] = await db
    .insert(users)
    .values({ iin, surname: p.surnameRu, givenName: p.givenNameRu, patronymic: p.patronymicRu ?? null, locale: 'kk' })
    .returning({ id: users.id });
  await db.insert(userRoles).values({ userId: u!.id, role: 'citizen' });
  return u!.id;
}

/** Closes the person's open residence drafts of this kind that carry `tag` (a previous run's). */
export async function closeTaggedDrafts(db: DbOrTx, iin: string, tag: string, kind: 'permanent' | 'temporary' = 'permanent') {
  const open = await db
    .select({ id: applications.id })
    .from(residenceApplications)
    .innerJoin(applications, eq(applications.id, residenceApplications.applicationId))
    .where(
      and(
        eq(residenceApplications.iin, iin),
        eq(residenceApplications.kind, kind),
        isNull(residenceApplications.closedAt),
        sql`${applications.data}->>'fixture' = ${tag}`,
      ),
    );
  for (const { id } of open) {
    await db.update(residenceApplications).set({ closedAt: new Date() }).where(eq(residenceApplications.applicationId, id));
    await db
      .update(applications)
      .set({ status: 'withdrawn', version: sql`${applications.version} + 1` })
      .where(eq(applications.id, id));
  }
}

/** A draft of `iin` for the dwelling, in region `regionCode` (Astana '01' unless told). Returns its id. */
export async function makeResidenceDraft(
  db: Db,
  input: {
    iin: string;
    cadastralNumber: string | null;
    regionCode?: string;
    kind?: 'permanent' | 'temporary';
    locale?: 'kk' | 'ru';
    tag?: string;
  },
): Promise<string> {
  const userId = await ensureCitizenUser(db, input.iin);
  const tag = input.tag ?? 'residence-astana';
  const kind = input.kind ?? 'permanent';
  await closeTaggedDrafts(db, input.iin, tag, kind);
  return db.transaction(async (tx) => {
    const app = await createApplication(
      tx,
      {
        pilot: 'residence',
        status: 'draft',
        applicantIin: input.iin,
        applicantUserId: userId,
        regionCode: input.regionCode ?? '01',
        data: { fixture: tag },
        year: new Date().getFullYear(),
      },
      { userId },
      { role: 'citizen', regionCode: null, akimatId: null, serviceCentreId: null, registrationPointId: null, dealerBin: null },
    );
    await tx.insert(residenceApplications).values({
      applicationId: app.id,
      iin: input.iin,
      kind,
      applicantLocale: input.locale ?? 'kk',
      cadastralNumber: input.cadastralNumber,
    });
    return app.id;
  });
}
