// Pure rules of the online Astana step (order 003 p.10, steps 1–7): the nine choices of step 4 and what each asks,
// where the applicant goes after a decision, the refusal an unconfirmed claim gives, and the admin's norm settings.
// The service (lib/residence/astana-step.ts) and the pages use them; unit-tested in tests/unit/residence-astana*.
import { isLocalDate } from '@/lib/calendar/local';
import { astanaPasses, type AstanaClaim, type AstanaDecision } from './astana-types';

/** Step 4 exactly as the order lists them (p.10 (4)), in its order. */
export const astanaRelations = [
  'child',
  'parent',
  'spouse',
  'sibling',
  'half_sibling',
  'grandparent',
  'grandchild',
  'in_law',
  'student',
] as const;
export type AstanaRelation = (typeof astanaRelations)[number];

export const parentRoles = ['mother', 'father'] as const;
export type ParentRole = (typeof parentRoles)[number];

/** The follow-up question a choice needs: which parent is shared, or which side. */
export function followUpOf(relation: AstanaRelation): 'sharedParent' | 'grandparentSide' | 'grandchildSide' | null {
  switch (relation) {
    case 'half_sibling':
      return 'sharedParent';
    case 'grandparent':
      return 'grandparentSide';
    case 'grandchild':
      return 'grandchildSide';
    default:
      return null;
  }
}

export type ClaimInput = {
  relation?: string;
  sharedParent?: string;
  grandparentSide?: string;
  grandchildSide?: string;
};

const isParentRole = (v: string | undefined): v is ParentRole => v === 'mother' || v === 'father';

/**
 * Pure: the claim of a submitted form, or the field errors (Errors.<code>). The follow-up answer of a choice that
 * was not picked is ignored (a form keeps a hidden answer when the applicant changes their mind).
 */
export function claimOf(input: ClaimInput): { claim: AstanaClaim } | { fieldErrors: Record<string, string[]> } {
  const relation = astanaRelations.find((r) => r === input.relation);
  if (!relation) return { fieldErrors: { relation: ['residence_astana_relation_required'] } };
  switch (relation) {
    case 'half_sibling':
      return isParentRole(input.sharedParent)
        ? { claim: { relation, sharedParent: input.sharedParent } }
        : { fieldErrors: { sharedParent: ['residence_astana_shared_parent_required'] } };
    case 'grandparent':
      return isParentRole(input.grandparentSide)
        ? { claim: { relation, side: input.grandparentSide } }
        : { fieldErrors: { grandparentSide: ['residence_astana_side_required'] } };
    case 'grandchild':
      return isParentRole(input.grandchildSide)
        ? { claim: { relation, side: input.grandchildSide } }
        : { fieldErrors: { grandchildSide: ['residence_astana_side_required'] } };
    default:
      return { claim: { relation } };
  }
}

/** Pure: the same claim (a double submit), follow-up included. */
export function sameClaim(a: AstanaClaim | null | undefined, b: AstanaClaim | null | undefined): boolean {
  if (!a || !b || a.relation !== b.relation) return false;
  if ('sharedParent' in a || 'sharedParent' in b) return 'sharedParent' in a && 'sharedParent' in b && a.sharedParent === b.sharedParent;
  if ('side' in a || 'side' in b) return 'side' in a && 'side' in b && a.side === b.side;
  return true;
}

/** Where the applicant goes with this decision: the claim (step 4), the arrival form, or the decision page. */
export function nextStepOf(decision: AstanaDecision | null): 'norm' | 'claim' | 'form' | 'decision' {
  if (!decision) return 'norm';
  if (decision.outcome === 'claim_needed') return 'claim';
  return astanaPasses.includes(decision.outcome) ? 'form' : 'decision';
}

/** p.10 (6), (7): the refusals of an unconfirmed claim (Residence.refusal.<code>, ResidenceAstana.refusal.<code>). */
export const astanaRefusalCodes = ['kinship_not_found', 'no_full_time_study'] as const;
export type AstanaRefusalCode = (typeof astanaRefusalCodes)[number];

/**
 * Pure: the refusal an outcome gives (p.10 (6), (7)): its code and the details kept on the application, so the
 * decision page and a CON worker read why without the registries. Null when the outcome lets the applicant on.
 */
export function refusalOf(
  decision: AstanaDecision,
  cadastralNumber: string,
): { code: AstanaRefusalCode; details: Record<string, unknown> } | null {
  if (decision.outcome !== 'kinship_not_found' && decision.outcome !== 'no_full_time_study') return null;
  return {
    code: decision.outcome,
    details: {
      step: decision.outcome === 'kinship_not_found' ? 6 : 7,
      cadastralNumber,
      totalAreaM2: decision.totalAreaM2,
      registeredCount: decision.registeredCount,
      normM2PerPerson: decision.normM2PerPerson,
      places: decision.places,
      claim: decision.claim,
      searched: decision.kinship?.searched ?? [],
    },
  };
}

export type AstanaSigningRefusal = { code: 'astana_norm'; details: Record<string, unknown> };

/**
 * Pure: the norm re-checked at signing (p.10 steps 1–3 again, lib/residence/citizen-service.ts): a decision that no
 * longer lets the applicant on — the count grew to the norm and no confirmed kinship or full-time study covers it —
 * refuses with `astana_norm` and the numbers that decided it. Null when the decision passes.
 */
export function astanaRefusalAtSigning(decision: AstanaDecision, cadastralNumber: string): AstanaSigningRefusal | null {
  if (astanaPasses.includes(decision.outcome)) return null;
  return {
    code: 'astana_norm',
    details: {
      at: 'signing',
      cadastralNumber,
      totalAreaM2: decision.totalAreaM2,
      registeredCount: decision.registeredCount,
      normM2PerPerson: decision.normM2PerPerson,
      places: decision.places,
      outcome: decision.outcome,
      claim: decision.claim,
      searched: decision.kinship?.searched ?? [],
    },
  };
}

/** Pure: what the timeline keeps of a decision: the numbers, the claim, the chain's names and acts (no IINs). */
export function timelineDataOf(decision: AstanaDecision, cadastralNumber: string): Record<string, unknown> {
  return {
    cadastralNumber,
    totalAreaM2: decision.totalAreaM2,
    registeredCount: decision.registeredCount,
    normM2PerPerson: decision.normM2PerPerson,
    normDecision: decision.normDecision,
    places: decision.places,
    withinNorm: decision.withinNorm,
    outcome: decision.outcome,
    ...(decision.claim ? { claim: decision.claim } : {}),
    ...(decision.kinship
      ? {
          kinship: {
            confirmed: decision.kinship.confirmed,
            chain: decision.kinship.chain.map((l) => ({ nameKk: l.nameKk, nameRu: l.nameRu, act: l.act })),
            searched: decision.kinship.searched,
          },
        }
      : {}),
    ...(decision.student ? { student: decision.student } : {}),
  };
}

/**
 * Pure: what is wrong with the residence pilot's settings as the admin typed them (the norm of step 3 and its
 * maslikhat decision), as field errors of `params` (Errors.<code>); empty when they are fine.
 */
export function residenceParamsProblems(params: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const norm = params.astanaNormM2;
  if (typeof norm !== 'number' || !Number.isFinite(norm) || norm < 1 || norm > 100) problems.push('residence_astana_norm_invalid');
  const date = params.astanaNormDecisionDate;
  if (typeof date !== 'string' || !isLocalDate(date)) problems.push('residence_astana_norm_decision_date_invalid');
  const number = params.astanaNormDecisionNumber;
  if (typeof number !== 'string' || !number.trim() || number.length > 60) problems.push('residence_astana_norm_decision_number_required');
  return problems;
}
