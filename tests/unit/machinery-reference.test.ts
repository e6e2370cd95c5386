// The machinery reference data as seeded: every action has its checklist, every code its name in both languages.
import { describe, expect, it } from 'vitest';
import { MACHINERY_CHECKLISTS, MACHINERY_REFUSAL_REASONS } from '@/db/seed/machinery-reference';
import { machineryStates } from '@/lib/machinery/machine';
import { checklistCompleteness, machineryActions, type ChecklistItem, type MachineryAction } from '@/lib/machinery/rules';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const checklist = (action: MachineryAction): ChecklistItem[] =>
  MACHINERY_CHECKLISTS.filter((r) => r.action === action)
    .sort((a, b) => a.position - b.position)
    .map((r) => ({ code: r.itemCode, required: r.required ?? true, appliesTo: r.appliesTo ?? 'all' }));

describe('machinery reference data', () => {
  it('every action has a checklist, positions 1…n, no item twice', () => {
    for (const action of machineryActions) {
      const rows = MACHINERY_CHECKLISTS.filter((r) => r.action === action);
      expect(rows.length, action).toBeGreaterThan(0);
      expect(rows.map((r) => r.position).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1));
      expect(new Set(rows.map((r) => r.itemCode)).size).toBe(rows.length);
    }
  });

  it('a representative of an organisation owes the power of attorney and the head’s authority; an owner in person neither', () => {
    const items = checklist('registration');
    expect(
      checklistCompleteness(items, ['identity_document', 'ownership_document'], { ownerKind: 'organisation', representative: true }),
    ).toEqual({
      complete: false,
      missing: ['organisation_authority', 'power_of_attorney', 'machine_passport'],
    });
    expect(
      checklistCompleteness(items, ['identity_document', 'ownership_document', 'machine_passport'], {
        ownerKind: 'person',
        representative: false,
      }),
    ).toEqual({
      complete: true,
    });
  });

  it('deregistration hands the plates back; the refusal reasons cover both intake refusals and the akimat’s', () => {
    expect(checklist('deregistration').map((i) => i.code)).toContain('plates');
    expect(MACHINERY_REFUSAL_REASONS.filter((r) => r.stage === 'intake').map((r) => r.code)).toEqual([
      'biometrics_failed',
      'package_incomplete',
    ]);
    expect(MACHINERY_REFUSAL_REASONS.filter((r) => r.stage === 'review').length).toBeGreaterThan(0);
    for (const r of MACHINERY_REFUSAL_REASONS) expect(r.legalBasisKk).not.toBe(r.legalBasisRu);
  });

  it.each([
    ['kk', kk],
    ['ru', ru],
  ] as const)('%s names every action, checklist item, refusal reason and state', (_, m) => {
    for (const a of machineryActions) expect(m.Machinery.action[a], a).toBeTruthy();
    for (const r of MACHINERY_CHECKLISTS) expect((m.Machinery.checklist as Record<string, string>)[r.itemCode], r.itemCode).toBeTruthy();
    for (const r of MACHINERY_REFUSAL_REASONS) expect((m.Machinery.refusal as Record<string, string>)[r.code], r.code).toBeTruthy();
    for (const s of machineryStates) expect((m.Status as Record<string, string>)[s], s).toBeTruthy();
  });
});
