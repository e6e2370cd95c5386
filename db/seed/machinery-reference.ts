// The machinery pilot's reference data (orders 001/004): each action's checklist (p.6 (2)) and the legal reasons of a
// motivated refusal (p.7, p.8, p.13). ASSUMPTION: the order lists no documents — point 8 refers to the Rules of state
// registration (order of the Minister of Agriculture № 4-3/267, 30 March 2015, reg. № 11702) — so the items below
// are the usual package under those Rules, and an admin edits them (docs/decisions.md). Names are messages.
import type { DbOrTx } from '../client';
import { machineryChecklists, machineryRefusalReasons } from '../schema';
import type { ChecklistAppliesTo, MachineryAction } from '../../lib/machinery/rules';

type Item = readonly [code: string, appliesTo: ChecklistAppliesTo, required?: boolean];

// Whoever comes is identified (p.6 (1)); an organisation's head shows their authority; a representative the power
// of attorney, whose number and validity are also recorded on the application.
const WHO: Item[] = [
  ['identity_document', 'all'],
  ['organisation_authority', 'organisation'],
  ['power_of_attorney', 'representative'],
];

const ITEMS: Record<MachineryAction, Item[]> = {
  registration: [
    ...WHO,
    ['ownership_document', 'all'],
    ['machine_passport', 'all'],
    // Only for a machine imported from outside the EAEU: present when it applies, not required of everyone.
    ['customs_document', 'all', false],
  ],
  re_registration: [...WHO, ['ownership_document', 'all'], ['registration_document', 'all'], ['plates', 'all']],
  deregistration: [...WHO, ['registration_document', 'all'], ['plates', 'all']],
  duplicate_document: [...WHO, ['loss_statement', 'all'], ['damaged_document', 'all', false]],
  duplicate_plate: [...WHO, ['registration_document', 'all'], ['loss_statement', 'all'], ['damaged_plate', 'all', false]],
};

export const MACHINERY_CHECKLISTS: (typeof machineryChecklists.$inferInsert)[] = Object.entries(ITEMS).flatMap(([action, items]) =>
  items.map(([itemCode, appliesTo, required = true], i) => ({
    action: action as MachineryAction,
    itemCode,
    position: i + 1,
    required,
    appliesTo,
  })),
);

const ALGORITHM_KK =
  'Пилоттық жобаны іске асыру алгоритмі (ҚР АШМ 2025 жылғы 8 қыркүйектегі № 287 және ҚР ЦДИАӨМ 2025 жылғы 10 қыркүйектегі № 466/НҚ бірлескен бұйрығы)';
const ALGORITHM_RU =
  'Алгоритм реализации пилотного проекта (совместный приказ МСХ РК от 8 сентября 2025 года № 287 и МЦРИАП РК от 10 сентября 2025 года № 466/НҚ)';
const RULES_KK =
  'ҚР Ауыл шаруашылығы министрінің 2015 жылғы 30 наурыздағы № 4-3/267 бұйрығымен бекітілген Қағидалар (НҚА тізілімінде № 11702)';
const RULES_RU = 'Правила, утверждённые приказом Министра сельского хозяйства РК от 30 марта 2015 года № 4-3/267 (НПА № 11702)';

const reason = (code: string, stage: 'intake' | 'review', position: number, kk: string, ru: string) => ({
  code,
  stage,
  position,
  legalBasisKk: kk,
  legalBasisRu: ru,
});

export const MACHINERY_REFUSAL_REASONS: (typeof machineryRefusalReasons.$inferInsert)[] = [
  reason('biometrics_failed', 'intake', 1, `${ALGORITHM_KK}, 7-тармақ`, `${ALGORITHM_RU}, пункт 7`),
  reason('package_incomplete', 'intake', 2, `${ALGORITHM_KK}, 8-тармақ; ${RULES_KK}`, `${ALGORITHM_RU}, пункт 8; ${RULES_RU}`),
  // p.13: "inconsistencies in the information presented", checked as p.10 (1)–(3) lists them.
  reason(
    'documents_inconsistent',
    'review',
    3,
    `${ALGORITHM_KK}, 10-тармақ 1) тармақшасы, 13-тармақ; ${RULES_KK}`,
    `${ALGORITHM_RU}, подпункт 1) пункта 10, пункт 13; ${RULES_RU}`,
  ),
  reason(
    'applicant_data_mismatch',
    'review',
    4,
    `${ALGORITHM_KK}, 10-тармақ 2) тармақшасы, 13-тармақ; ${RULES_KK}`,
    `${ALGORITHM_RU}, подпункт 2) пункта 10, пункт 13; ${RULES_RU}`,
  ),
  reason(
    'machine_register_mismatch',
    'review',
    5,
    `${ALGORITHM_KK}, 10-тармақ 3) тармақшасы, 13-тармақ; ${RULES_KK}`,
    `${ALGORITHM_RU}, подпункт 3) пункта 10, пункт 13; ${RULES_RU}`,
  ),
  reason(
    'plate_archive_mismatch',
    'review',
    6,
    `${ALGORITHM_KK}, 10-тармақ 3) тармақшасы, 13-тармақ; ${RULES_KK}`,
    `${ALGORITHM_RU}, подпункт 3) пункта 10, пункт 13; ${RULES_RU}`,
  ),
];

export async function seedMachineryReference(db: DbOrTx) {
  await db.insert(machineryRefusalReasons).values(MACHINERY_REFUSAL_REASONS).onConflictDoNothing();
  // Keyed by a serial id, but (action, item_code) is unique: a re-run inserts nothing.
  await db.insert(machineryChecklists).values(MACHINERY_CHECKLISTS).onConflictDoNothing();
}
