// Astana's extra steps (order 003, p.9–10, steps 1–7) over the registries: the dwelling's area (cadastre), how many
// are registered there (GBD FL), the maslikhat's norm (pilot settings); at the norm, the applicant's claim checked in
// ZAGS (`verifyKinship`) or in NOBD/EPVO. Each answer is an `AstanaDecision` that says why in numbers and names, so
// the decision page, the timeline and the print view explain it. Read-only: the callers (the online Astana step, the
// CON path, the re-check at signing) store the decision and move the application.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { pilotSettings } from '@/db/schema/reference';
import { localDate } from '@/lib/calendar/local';
import { DomainError } from '@/lib/errors';
import type { Registries } from '@/lib/registries';
import type { StudentRecord } from '@/lib/registries/education/port';
import { withinNorm } from './astana-norm';
import type { AstanaClaim, AstanaDecision, ChainLink } from './astana-types';
import { verifyKinship, type KinshipClaim } from './kinship';
import { maskedName } from './person';

/** Astana's region code (SPEC §8): the dwellings the extra steps apply to. */
export const ASTANA = '01';

export const isAstana = (regionCode: string | null | undefined) => regionCode === ASTANA;

export type AstanaNorm = { normM2PerPerson: number; decision: { date: string; number: string | null } };

/** Step 3's norm: the maslikhat's m² per person and its decision, as the admin keeps them in the pilot settings. */
export async function astanaNorm(db: DbOrTx): Promise<AstanaNorm> {
  const [row] = await db.select({ params: pilotSettings.params }).from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
  const norm = Number(row?.params.astanaNormM2);
  if (!Number.isFinite(norm) || norm <= 0) throw new DomainError('residence_norm_not_set');
  const date = row?.params.astanaNormDecisionDate;
  const number = row?.params.astanaNormDecisionNumber;
  return {
    normM2PerPerson: norm,
    decision: { date: typeof date === 'string' ? date : '', number: typeof number === 'string' ? number : null },
  };
}

/** Pure: how many people the dwelling takes under the norm (62 m² ÷ 15 m² → 4). */
export function placesUnderNorm(totalAreaM2: number, normM2PerPerson: number): number {
  return Math.floor(totalAreaM2 / normM2PerPerson + 1e-9);
}

/** Pure: what ZAGS is searched for each claim (step 5's wording of the order), as codes the pages translate. */
export function searchedFor(claim: KinshipClaim): string[] {
  switch (claim.relation) {
    case 'child':
      return ['applicant_parents'];
    case 'parent':
      return ['owner_parents'];
    case 'spouse':
      return ['owner_marriages'];
    case 'sibling':
      return ['applicant_parents', 'owner_parents'];
    case 'half_sibling':
      return [`applicant_${claim.sharedParent}`, `owner_${claim.sharedParent}`];
    case 'grandparent':
      return ['owner_parents', `owner_${claim.side}_parents`];
    case 'grandchild':
      return ['applicant_parents', `applicant_${claim.side}_parents`];
    case 'in_law':
      return ['owner_marriages', 'spouse_parents', 'applicant_parents', 'spouse_grandparents'];
  }
}

/** Pure: full-time study in Astana on `today` (step 7), the record that shows it, or null. */
export function fullTimeInAstana(records: readonly StudentRecord[], today: string): StudentRecord | null {
  return records.find((r) => r.fullTime && r.regionCode === ASTANA && r.fromDate <= today && today <= r.toDate) ?? null;
}

/** Steps 1–3. The dwelling must exist in the cadastre; the outcome is `within_norm` or `claim_needed`. */
export async function checkNorm(db: DbOrTx, registries: Registries, cadastralNumber: string, today = localDate()): Promise<AstanaDecision> {
  const [property, registeredCount, norm] = await Promise.all([
    registries.cadastre.findProperty(cadastralNumber),
    registries.gbdFl.countRegisteredAt(cadastralNumber, today),
    astanaNorm(db),
  ]);
  if (!property) throw new DomainError('residence_dwelling_not_found');
  const fits = withinNorm(property.totalAreaM2, registeredCount, norm.normM2PerPerson);
  return {
    checkedAt: new Date().toISOString(),
    totalAreaM2: property.totalAreaM2,
    registeredCount,
    normM2PerPerson: norm.normM2PerPerson,
    normDecision: norm.decision,
    places: placesUnderNorm(property.totalAreaM2, norm.normM2PerPerson),
    withinNorm: fits,
    claim: null,
    kinship: null,
    student: null,
    outcome: fits ? 'within_norm' : 'claim_needed',
  };
}

/** The ZAGS act linking two neighbours of a chain: a birth act (one is the other's parent) or a marriage act. */
async function actBetween(registries: Registries, a: string, b: string): Promise<ChainLink['act']> {
  const [aParents, bParents] = await Promise.all([registries.zags.parentsOf(a), registries.zags.parentsOf(b)]);
  const child = aParents.mother === b || aParents.father === b ? a : bParents.mother === a || bParents.father === a ? b : null;
  if (child) {
    const act = await registries.zags.birthAct(child);
    return act ? { kind: 'birth', number: act.number, registeredOn: act.registeredOn } : null;
  }
  const marriage = await registries.zags.marriageAct(a, b);
  return marriage ? { kind: 'marriage', number: marriage.number, registeredOn: marriage.registeredOn } : null;
}

/** The chain of IINs as the decision page shows it: masked names, and the act linking each to the next. */
export async function describeChain(registries: Registries, chain: readonly string[]): Promise<ChainLink[]> {
  return Promise.all(
    chain.map(async (iin, i) => {
      const [person, act] = await Promise.all([
        registries.gbdFl.findPerson(iin),
        i + 1 < chain.length ? actBetween(registries, iin, chain[i + 1]!) : Promise.resolve(null),
      ]);
      return { iin, nameKk: maskedName(person, 'kk'), nameRu: maskedName(person, 'ru'), act };
    }),
  );
}

/**
 * Steps 4–7 on a norm already reached: the claim checked against each owner of the dwelling (a relative of any one
 * owner is enough: docs/decisions.md) in ZAGS, or the student's record. Never throws on "not confirmed": the
 * outcome says it, and the caller refuses.
 */
export async function decideClaim(
  registries: Registries,
  input: { norm: AstanaDecision; applicantIin: string; ownerIins: readonly string[]; claim: AstanaClaim },
  today = localDate(),
): Promise<AstanaDecision> {
  const base: AstanaDecision = { ...input.norm, checkedAt: new Date().toISOString(), claim: input.claim, kinship: null, student: null };
  if (input.norm.withinNorm) return { ...base, outcome: 'within_norm' };
  const claim = input.claim;
  if (claim.relation === 'student') {
    const record = fullTimeInAstana(await registries.education.studentRecords(input.applicantIin), today);
    return { ...base, student: { confirmed: !!record, record }, outcome: record ? 'student_confirmed' : 'no_full_time_study' };
  }
  for (const owner of input.ownerIins) {
    const result = await verifyKinship(registries.zags, input.applicantIin, owner, claim);
    if (result.confirmed) {
      const chain = await describeChain(registries, result.chain);
      return { ...base, kinship: { confirmed: true, chain, searched: searchedFor(claim) }, outcome: 'kinship_confirmed' };
    }
  }
  return { ...base, kinship: { confirmed: false, chain: [], searched: searchedFor(claim) }, outcome: 'kinship_not_found' };
}

/**
 * The window re-checked at signing: steps 1–3 again (someone may have registered there since), and on a reached
 * norm the applicant's claim again (a student's period may have ended). Null outside Astana.
 */
export async function recheckAstana(
  db: DbOrTx,
  registries: Registries,
  app: { regionCode: string | null; residence: { iin: string; cadastralNumber: string | null; astana: AstanaDecision | null } },
  ownerIins: readonly string[],
  today = localDate(),
): Promise<AstanaDecision | null> {
  if (!isAstana(app.regionCode) || !app.residence.cadastralNumber) return null;
  const norm = await checkNorm(db, registries, app.residence.cadastralNumber, today);
  if (norm.withinNorm) return norm;
  const claim = app.residence.astana?.claim;
  if (!claim) return norm; // claim_needed: the applicant has not stated one
  return decideClaim(registries, { norm, applicantIin: app.residence.iin, ownerIins, claim }, today);
}
