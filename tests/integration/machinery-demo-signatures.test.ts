// Demo data (DEMO_MODE): the seeded machinery applications get the front office's EDS over their e-application and,
// once decided, the akimat's EDS over the decision, with the personas' demo keys, verified like any other signature.
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { machineryApplications } from '@/db/schema/machinery';
import { signatures } from '@/db/schema/signatures';
import { signSeededMachinery } from '@/lib/machinery/demo-signatures';
import { ensureDemoPki } from '@/lib/signatures/demo-pki';
import { seededDatabase } from '@/tests/support/db';

let database: Awaited<ReturnType<typeof seededDatabase>>;
const demoMode = process.env.DEMO_MODE;

beforeAll(async () => {
  process.env.DEMO_MODE = '1';
  database = await seededDatabase();
  await ensureDemoPki(database.db);
}, 180_000);
afterAll(async () => {
  process.env.DEMO_MODE = demoMode;
  await database.drop();
});

describe('the seeded machinery applications in demo mode', () => {
  it('are signed by the CON worker at intake and, once decided, by the akimat reviewer; a second run signs nothing', async () => {
    const seeded = await database.db
      .select({ id: applications.id, status: applications.status })
      .from(applications)
      .where(and(eq(applications.pilot, 'machinery'), isNotNull(applications.submittedAt)));
    expect(seeded.length).toBeGreaterThan(0);
    const { signed } = await signSeededMachinery(database.db);
    expect(signed).toBe(seeded.length);
    const rows = await database.db
      .select({
        status: applications.status,
        operator: machineryApplications.operatorSignatureId,
        reviewer: machineryApplications.reviewerSignatureId,
      })
      .from(machineryApplications)
      .innerJoin(applications, eq(applications.id, machineryApplications.applicationId))
      .where(isNotNull(applications.submittedAt));
    for (const r of rows) {
      expect(r.operator).not.toBeNull();
      expect(r.reviewer === null).toBe(r.status === 'under_review');
    }
    const intake = await database.db.select().from(signatures).where(eq(signatures.purpose, 'machinery.intake'));
    expect(intake).toHaveLength(seeded.length);
    expect(new Set(intake.map((s) => s.partyRole))).toEqual(new Set(['con_operator']));
    expect(await signSeededMachinery(database.db)).toEqual({ signed: 0 });
  });
});
