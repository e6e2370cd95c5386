// Astana's steps online (order 003 p.9–10, steps 1–7) on the demo seed: the norm checked and stored when the page
// opens; at the norm each claim checked in ZAGS against the dwelling's owners (confirmed and not), the student in
// NOBD/EPVO; a refusal by the system, once, however often it is submitted; another citizen gets not_found; the
// decision stored explains the numbers; the admin cannot save a broken norm.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applicationEvents } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { pilotSettings } from '@/db/schema/reference';
import { CADASTRE, PERSONA, STAFF } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { getRegistries } from '@/lib/registries';
import { runNormCheck, submitClaim } from '@/lib/residence/astana-step';
import type { AstanaClaim } from '@/lib/residence/astana-types';
import { loadResidence } from '@/lib/residence/load';
import { seededDatabase } from '@/tests/support/db';
import { actorFor } from '@/tests/support/factories';
import { ensureCitizenUser, makeResidenceDraft } from '@/tests/support/residence-astana';

let current: Actor | null = null;
vi.mock('@/lib/auth/session', () => ({ getActor: async () => current }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let database: Awaited<ReturnType<typeof seededDatabase>>;

const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });

async function citizen(iin: string) {
  await ensureCitizenUser(database.db, iin);
  return actorFor(database.db, iin);
}

const eventsOf = async (id: string, type: string) =>
  database.db
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, id), eq(applicationEvents.type, type)));

/** A fresh draft for the dwelling, the norm checked, the claim submitted. */
async function claim(iin: string, cadastralNumber: string, c: AstanaClaim) {
  const actor = await citizen(iin);
  const id = await makeResidenceDraft(database.db, { iin, cadastralNumber });
  const norm = await runNormCheck(ctx(actor), id);
  expect(norm.outcome).toBe('claim_needed');
  const result = await submitClaim(ctx(actor), { id, claim: c });
  return { id, actor, ...result, app: (await loadResidence(database.db, id))! };
}

beforeAll(async () => {
  database = await seededDatabase();
}, 180_000);
afterAll(async () => {
  await database.drop();
});

describe('steps 1–3 when the page opens', () => {
  it('within the norm (flat A: 60 m², 2 registered): stored with its numbers and one timeline event, idempotent', async () => {
    const actor = await citizen(PERSONA.residenceMover);
    const id = await makeResidenceDraft(database.db, { iin: PERSONA.residenceMover, cadastralNumber: CADASTRE.astanaFlatA });
    const d = await runNormCheck(ctx(actor), id);
    expect(d).toMatchObject({
      totalAreaM2: 60,
      registeredCount: 2,
      normM2PerPerson: 15,
      places: 4,
      withinNorm: true,
      outcome: 'within_norm',
      normDecision: { date: '2025-12-26', number: '№ 312/41-VIII' },
    });
    const again = await runNormCheck(ctx(actor), id);
    expect(again).toEqual(d);
    const [event, ...more] = await eventsOf(id, 'astana_norm_checked');
    expect(more).toEqual([]);
    expect(event!.data).toMatchObject({ totalAreaM2: 60, registeredCount: 2, places: 4, outcome: 'within_norm' });
    expect(event!.actorRole).toBe('citizen');
    const app = (await loadResidence(database.db, id))!;
    expect(app.status).toBe('draft');
    expect(app.residence.astana).toEqual(d);
    const audits = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, id), eq(auditEvents.action, 'residence.astana_norm_checked')));
    expect(audits).toHaveLength(1);
  });

  it('at the norm (flat F: 62 m² ÷ 15 = 4 places, 4 registered): a claim is needed', async () => {
    const actor = await citizen(PERSONA.sonAlikhan);
    const id = await makeResidenceDraft(database.db, { iin: PERSONA.sonAlikhan, cadastralNumber: CADASTRE.astanaFlatF });
    expect(await runNormCheck(ctx(actor), id)).toMatchObject({
      totalAreaM2: 62,
      registeredCount: 4,
      places: 4,
      withinNorm: false,
      outcome: 'claim_needed',
    });
  });

  it('outside Astana, or before a dwelling is picked, the step does not run', async () => {
    const actor = await citizen(PERSONA.studentAlmaty);
    const almaty = await makeResidenceDraft(database.db, {
      iin: PERSONA.studentAlmaty,
      cadastralNumber: CADASTRE.almatyZhannaFlat,
      regionCode: '02',
    });
    await expect(runNormCheck(ctx(actor), almaty)).rejects.toMatchObject({ code: 'residence_astana_not_astana' });
    const none = await makeResidenceDraft(database.db, { iin: PERSONA.studentAlmaty, cadastralNumber: null });
    await expect(runNormCheck(ctx(actor), none)).rejects.toMatchObject({ code: 'residence_astana_no_dwelling' });
  });

  it('another citizen cannot run it, nor submit a claim: not_found, and the denial audited', async () => {
    const owner = await citizen(PERSONA.halfSisterDana);
    const stranger = await citizen(PERSONA.residenceMover);
    const id = await makeResidenceDraft(database.db, { iin: PERSONA.halfSisterDana, cadastralNumber: CADASTRE.astanaFlatB });
    await expect(runNormCheck(ctx(stranger), id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(submitClaim(ctx(stranger), { id, claim: { relation: 'child' } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await loadResidence(database.db, id))!.residence.astana).toBeNull();
    const denied = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, id), eq(auditEvents.action, 'access.denied')));
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(denied.every((a) => a.actorUserId === stranger.userId)).toBe(true);
    // The applicant herself can.
    expect((await runNormCheck(ctx(owner), id)).outcome).toBe('claim_needed');
  });
});

describe('steps 4–6 over the norm: each relation against the owners in the cadastre', () => {
  // Flat B (45 m², 3 registered) is owned by Saule and Daniyar; C (28 m², 1) by Alikhan; F (62 m², 4) by Bolat.
  const cases: { name: string; iin: string; flat: string; claim: AstanaClaim; confirmed: boolean }[] = [
    {
      name: 'child: Dana of Saule (B)',
      iin: PERSONA.halfSisterDana,
      flat: CADASTRE.astanaFlatB,
      claim: { relation: 'child' },
      confirmed: true,
    },
    {
      name: 'child: Maksat is nobody’s child there',
      iin: PERSONA.residenceMover,
      flat: CADASTRE.astanaFlatB,
      claim: { relation: 'child' },
      confirmed: false,
    },
    {
      name: 'parent: Roza of Saule (B)',
      iin: PERSONA.grandmaRoza,
      flat: CADASTRE.astanaFlatB,
      claim: { relation: 'parent' },
      confirmed: true,
    },
    {
      name: 'parent: Madina is Saule’s sister',
      iin: PERSONA.auntMadina,
      flat: CADASTRE.astanaFlatB,
      claim: { relation: 'parent' },
      confirmed: false,
    },
    {
      name: 'spouse: Gulnar of Bolat (F)',
      iin: PERSONA.grandmaGulnar,
      flat: CADASTRE.astanaFlatF,
      claim: { relation: 'spouse' },
      confirmed: true,
    },
    {
      name: 'spouse: Zhanna’s marriage to Daniyar is dissolved',
      iin: PERSONA.exWifeZhanna,
      flat: CADASTRE.astanaFlatB,
      claim: { relation: 'spouse' },
      confirmed: false,
    },
    {
      name: 'sibling: Madina of Saule (B)',
      iin: PERSONA.auntMadina,
      flat: CADASTRE.astanaFlatB,
      claim: { relation: 'sibling' },
      confirmed: true,
    },
    {
      name: 'sibling: Timur shares only the father with Alikhan',
      iin: PERSONA.halfBrotherTimur,
      flat: CADASTRE.astanaFlatC,
      claim: { relation: 'sibling' },
      confirmed: false,
    },
    {
      name: 'half_sibling through the father: Timur of Alikhan (C)',
      iin: PERSONA.halfBrotherTimur,
      flat: CADASTRE.astanaFlatC,
      claim: { relation: 'half_sibling', sharedParent: 'father' },
      confirmed: true,
    },
    {
      name: 'half_sibling through the wrong parent: Timur by the mother',
      iin: PERSONA.halfBrotherTimur,
      flat: CADASTRE.astanaFlatC,
      claim: { relation: 'half_sibling', sharedParent: 'mother' },
      confirmed: false,
    },
    {
      name: 'grandparent on the father’s side: Bolat of Alikhan (C)',
      iin: PERSONA.grandpaBolat,
      flat: CADASTRE.astanaFlatC,
      claim: { relation: 'grandparent', side: 'father' },
      confirmed: true,
    },
    {
      name: 'grandparent on the wrong side: Roza by the father',
      iin: PERSONA.grandmaRoza,
      flat: CADASTRE.astanaFlatC,
      claim: { relation: 'grandparent', side: 'father' },
      confirmed: false,
    },
    {
      name: 'grandchild through the mother: Alikhan at grandma Roza’s studio (E)',
      iin: PERSONA.sonAlikhan,
      flat: CADASTRE.astanaStudioE,
      claim: { relation: 'grandchild', side: 'mother' },
      confirmed: true,
    },
    {
      name: 'grandchild through the father: Dana is not Bolat’s (F)',
      iin: PERSONA.halfSisterDana,
      flat: CADASTRE.astanaFlatF,
      claim: { relation: 'grandchild', side: 'father' },
      confirmed: false,
    },
    {
      name: 'in_law: Arman, brother of Saule’s husband (B)',
      iin: PERSONA.uncleArman,
      flat: CADASTRE.astanaFlatB,
      claim: { relation: 'in_law' },
      confirmed: true,
    },
    {
      name: 'in_law: an aunt is not an in-law (C)',
      iin: PERSONA.auntMadina,
      flat: CADASTRE.astanaFlatC,
      claim: { relation: 'in_law' },
      confirmed: false,
    },
  ];

  for (const c of cases)
    it(`${c.name}: ${c.confirmed ? 'confirmed → the arrival form' : 'not found → refused by the system'}`, async () => {
      const { id, decision, refused, app } = await claim(c.iin, c.flat, c.claim);
      expect(decision.outcome).toBe(c.confirmed ? 'kinship_confirmed' : 'kinship_not_found');
      expect(refused).toBe(!c.confirmed);
      expect(app.residence.astana).toEqual(decision);
      const [event] = await eventsOf(id, 'astana_claim_decided');
      expect(event!.data).toMatchObject({ outcome: decision.outcome, claim: c.claim });
      if (c.confirmed) {
        expect(app.status).toBe('draft');
        expect(app.residence.closedAt).toBeNull();
        expect(decision.kinship!.chain[0]!.iin).toBe(c.iin);
        expect(decision.kinship!.chain.slice(0, -1).every((l) => l.act !== null)).toBe(true);
        expect(await eventsOf(id, 'refuse')).toEqual([]);
      } else {
        expect(app.status).toBe('refused');
        expect(app.residence.refusalCode).toBe('kinship_not_found');
        expect(app.residence.closedAt).not.toBeNull();
        expect(app.decidedAt).not.toBeNull();
        expect(decision.kinship).toMatchObject({ confirmed: false, chain: [] });
        expect(decision.kinship!.searched.length).toBeGreaterThan(0);
        const [refusal] = await eventsOf(id, 'refuse');
        // The system decides: no actor, no role.
        expect(refusal).toMatchObject({ fromStatus: 'draft', toStatus: 'refused', actorUserId: null, actorRole: null });
      }
    });

  it('the grandchild’s chain: Alikhan → Daniyar → Bolat, masked, with the ZAGS birth acts', async () => {
    const { decision } = await claim(PERSONA.sonAlikhan, CADASTRE.astanaFlatF, { relation: 'grandchild', side: 'father' });
    expect(decision.outcome).toBe('kinship_confirmed');
    expect(decision.kinship!.chain).toEqual([
      {
        iin: PERSONA.sonAlikhan,
        nameKk: 'Әлихан Ж.',
        nameRu: 'Алихан Ж.',
        act: { kind: 'birth', number: '2001-01-000208', registeredOn: '2001-02-17' },
      },
      {
        iin: PERSONA.fatherDaniyar,
        nameKk: 'Данияр Ж.',
        nameRu: 'Данияр Ж.',
        act: { kind: 'birth', number: '1976-10-000412', registeredOn: '1976-05-25' },
      },
      { iin: PERSONA.grandpaBolat, nameKk: 'Болат Ж.', nameRu: 'Болат Ж.', act: null },
    ]);
  });
});

describe('step 7: the student', () => {
  it('Ayaru, full-time at ENU in Astana (EPVO): confirmed with the record', async () => {
    const { decision, refused, app } = await claim(PERSONA.studentAyaru, CADASTRE.astanaFlatB, { relation: 'student' });
    expect(refused).toBe(false);
    expect(decision.outcome).toBe('student_confirmed');
    expect(decision.student).toMatchObject({ confirmed: true, record: { source: 'epvo', regionCode: '01', fullTime: true } });
    expect(app.status).toBe('draft');
  });

  it('Ruslan, part-time in Astana; Aruzhan, full-time in Almaty: the service cannot be provided', async () => {
    for (const iin of [PERSONA.studentPartTime, PERSONA.studentAlmaty]) {
      const { decision, refused, app } = await claim(iin, CADASTRE.astanaFlatB, { relation: 'student' });
      expect(refused).toBe(true);
      expect(decision.outcome).toBe('no_full_time_study');
      expect(decision.student).toEqual({ confirmed: false, record: null });
      expect(app).toMatchObject({ status: 'refused', residence: { refusalCode: 'no_full_time_study' } });
    }
  });
});

describe('once, and explained', () => {
  it('a double submit of the same claim refuses once: one decision event, one refusal, the same answer to both', async () => {
    const actor = await citizen(PERSONA.exWifeZhanna);
    const id = await makeResidenceDraft(database.db, { iin: PERSONA.exWifeZhanna, cadastralNumber: CADASTRE.astanaFlatB });
    await runNormCheck(ctx(actor), id);
    const before = (await loadResidence(database.db, id))!.version;
    const both = await Promise.all([
      submitClaim(ctx(actor), { id, claim: { relation: 'spouse' } }),
      submitClaim(ctx(actor), { id, claim: { relation: 'spouse' } }),
    ]);
    expect(both.map((r) => [r.refused, r.decision.outcome])).toEqual([
      [true, 'kinship_not_found'],
      [true, 'kinship_not_found'],
    ]);
    expect(both[0]!.decision).toEqual(both[1]!.decision);
    expect(await eventsOf(id, 'refuse')).toHaveLength(1);
    expect(await eventsOf(id, 'astana_claim_decided')).toHaveLength(1);
    const app = (await loadResidence(database.db, id))!;
    expect(app.version).toBe(before + 1);
    // Later: the same claim gives the same answer; another claim on a closed application is refused.
    expect((await submitClaim(ctx(actor), { id, claim: { relation: 'spouse' } })).decision).toEqual(both[0]!.decision);
    await expect(submitClaim(ctx(actor), { id, claim: { relation: 'in_law' } })).rejects.toMatchObject({ code: 'residence_astana_closed' });
    expect(await eventsOf(id, 'refuse')).toHaveLength(1);
  });

  it('after a confirmation the same claim is answered again; a different one is not decided on top of it', async () => {
    const actor = await citizen(PERSONA.halfBrotherTimur);
    const id = await makeResidenceDraft(database.db, { iin: PERSONA.halfBrotherTimur, cadastralNumber: CADASTRE.astanaFlatF });
    await runNormCheck(ctx(actor), id);
    const first = await submitClaim(ctx(actor), { id, claim: { relation: 'grandchild', side: 'father' } });
    expect(first.decision.outcome).toBe('kinship_confirmed');
    expect(await submitClaim(ctx(actor), { id, claim: { relation: 'grandchild', side: 'father' } })).toEqual(first);
    await expect(submitClaim(ctx(actor), { id, claim: { relation: 'student' } })).rejects.toMatchObject({
      code: 'residence_astana_already_decided',
    });
    expect(await eventsOf(id, 'astana_claim_decided')).toHaveLength(1);
    expect((await loadResidence(database.db, id))!.status).toBe('draft');
  });

  it('the stored decision explains the numbers, the norm’s decision, the claim and what was searched', async () => {
    const { id, app } = await claim(PERSONA.halfSisterDana, CADASTRE.astanaFlatF, { relation: 'grandchild', side: 'father' });
    expect(app.residence.astana).toMatchObject({
      totalAreaM2: 62,
      normM2PerPerson: 15,
      places: 4,
      registeredCount: 4,
      withinNorm: false,
      normDecision: { date: '2025-12-26', number: '№ 312/41-VIII' },
      claim: { relation: 'grandchild', side: 'father' },
      kinship: { confirmed: false, chain: [], searched: ['applicant_parents', 'applicant_father_parents'] },
      outcome: 'kinship_not_found',
    });
    expect(app.residence.refusalDetails).toMatchObject({
      step: 6,
      cadastralNumber: CADASTRE.astanaFlatF,
      totalAreaM2: 62,
      registeredCount: 4,
      places: 4,
      searched: ['applicant_parents', 'applicant_father_parents'],
    });
    const [event] = await eventsOf(id, 'astana_claim_decided');
    expect(JSON.stringify(event!.data)).not.toContain(PERSONA.halfSisterDana);
  });

  it('the norm is the admin’s: a changed norm changes the numbers', async () => {
    const [row] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
    await database.db
      .update(pilotSettings)
      .set({ params: { ...row!.params, astanaNormM2: 12 } })
      .where(eq(pilotSettings.pilot, 'residence'));
    try {
      const actor = await citizen(PERSONA.grandpaBolat);
      const id = await makeResidenceDraft(database.db, { iin: PERSONA.grandpaBolat, cadastralNumber: CADASTRE.astanaFlatF });
      // 62 m² ÷ 12 m² = 5 places; 4 registered → one more fits.
      expect(await runNormCheck(ctx(actor), id)).toMatchObject({
        normM2PerPerson: 12,
        places: 5,
        withinNorm: true,
        outcome: 'within_norm',
      });
    } finally {
      await database.db.update(pilotSettings).set({ params: row!.params }).where(eq(pilotSettings.pilot, 'residence'));
    }
  });
});

describe('the admin edits the norm (pilot_settings.residence.params)', () => {
  it('a broken norm, date or number is not saved; a good one is', async () => {
    current = await actorFor(database.db, STAFF.admin);
    const { saveReferenceRowAction } = await import('@/lib/admin/actions');
    const [row] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
    const form = (params: Record<string, unknown>) => {
      const f = new FormData();
      f.set('_table', 'pilot_settings');
      f.set('_key', 'residence');
      f.set('enabled', 'on');
      f.set('startsOn', row!.startsOn);
      f.set('endsOn', row!.endsOn);
      f.set('regionCodes', row!.regionCodes.join(', '));
      f.set('params', JSON.stringify(params));
      return f;
    };
    const bad = await saveReferenceRowAction({ ok: true }, form({ ...row!.params, astanaNormM2: 0, astanaNormDecisionDate: '26.12.2025' }));
    expect(bad).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { params: ['residence_astana_norm_invalid', 'residence_astana_norm_decision_date_invalid'] },
    });
    expect(!bad.ok && bad.values?.params).toContain('"astanaNormM2":0');
    const [unchanged] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
    expect(unchanged!.params.astanaNormM2).toBe(15);
    const good = await saveReferenceRowAction({ ok: true }, form({ ...row!.params, astanaNormDecisionNumber: '№ 313/42-VIII' }));
    expect(good).toMatchObject({ ok: true });
    const [saved] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
    expect(saved!.params.astanaNormDecisionNumber).toBe('№ 313/42-VIII');
    await database.db.update(pilotSettings).set({ params: row!.params }).where(eq(pilotSettings.pilot, 'residence'));
    current = null;
  });
});
