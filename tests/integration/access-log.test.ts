// Issue 15, "who viewed my data": the office of the viewer's grant by its name (not the role), the action in
// words, repeated views of one application by one office on one day as one line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { regions, serviceCentres } from '@/db/schema/reference';
import { audit } from '@/lib/audit';
import { accessLogOf } from '@/lib/audit/queries';
import type { Grant } from '@/lib/auth/actor';
import { seededDatabase } from '@/tests/support/db';

let database: Awaited<ReturnType<typeof seededDatabase>>;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => {
  await database.drop();
});

const IIN = '900101300999';
const grant = (over: Partial<Grant>): Grant => ({
  role: 'citizen',
  regionCode: null,
  akimatId: null,
  serviceCentreId: null,
  registrationPointId: null,
  dealerBin: null,
  ...over,
});

describe('accessLogOf', () => {
  it('names the office, says the action, groups repeated views, and never lists the citizen themself', async () => {
    const { db } = database;
    const [region] = await db.select().from(regions).limit(1);
    const [centre] = await db.select().from(serviceCentres).limit(1);
    const [app] = await db
      .insert(applications)
      .values({ number: 'ID-2026-999001', pilot: 'id_card', status: 'under_review', applicantIin: IIN })
      .returning();
    const reviewer = grant({ role: 'ums_reviewer', regionCode: region!.code });
    const desk = grant({ role: 'con_issuance', serviceCentreId: centre!.id });
    for (let i = 0; i < 12; i++) await audit(db, null, reviewer, { action: 'person.viewed', applicationId: app!.id, subjectIin: IIN });
    await audit(db, null, reviewer, { action: 'application.approve', applicationId: app!.id, subjectIin: IIN });
    await audit(db, null, desk, { action: 'person.identified', applicationId: app!.id, subjectIin: IIN });
    await audit(db, null, grant({ role: 'citizen' }), { action: 'application.view', applicationId: app!.id, subjectIin: IIN });
    const { lines } = await accessLogOf(db, IIN);
    const byKind = Object.fromEntries(lines.map((l) => [l.kind, l]));
    expect(lines.map((l) => l.kind).sort()).toEqual(['decided', 'identified', 'viewed_person']);
    expect(byKind.viewed_person).toMatchObject({
      count: 12,
      office: { kind: 'region', id: region!.code },
      officeName: { nameKk: region!.nameKk, nameRu: region!.nameRu },
      applicationNumber: 'ID-2026-999001',
    });
    expect(byKind.identified).toMatchObject({ office: { kind: 'centre' }, officeName: { nameRu: centre!.nameRu } });
    const rows = await db.select().from(auditEvents);
    expect(rows.filter((r) => r.subjectIin === IIN)).toHaveLength(15);
  });
});
