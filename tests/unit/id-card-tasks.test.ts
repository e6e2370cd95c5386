import { describe, expect, it } from 'vitest';
import { StaticWorkCalendar } from '@/lib/calendar/deadline';
import { decisionDueAt } from '@/lib/id-card/decision-deadline';
import { doneCount, draftTasks, type DraftFacts } from '@/lib/id-card/tasks';
import { applicationDeadline } from '@/lib/ops/deadlines';

const empty: DraftFacts = { registrationPointId: null, phone: null, photoFileId: null, signatureFileId: null };
const full: DraftFacts = { registrationPointId: 7, phone: '+77015554433', photoFileId: 'p', signatureFileId: 's' };
const statuses = (card: DraftFacts, open: number[] = [7]) => draftTasks(card, open).map((t) => [t.key, t.status, t.note]);

describe('draftTasks (collection point · photo · signature sample · check and sign)', () => {
  it('nothing done: every task not started; signing waits for the others', () => {
    expect(statuses(empty)).toEqual([
      ['point', 'not_started', null],
      ['photo', 'not_started', null],
      ['signature', 'not_started', null],
      ['sign', 'not_started', 'complete_others_first'],
    ]);
    expect(doneCount(draftTasks(empty, [7]))).toBe(0);
  });

  it('a new draft (the phone BMG confirmed, no point yet): the point task is not started', () => {
    expect(statuses({ ...empty, phone: '+77015554433' })[0]).toEqual(['point', 'not_started', null]);
  });

  it('a point that closed since it was chosen needs attention, even with everything else done', () => {
    const tasks = statuses(full, [8]);
    expect(tasks[0]).toEqual(['point', 'attention', 'point_closed']);
    expect(tasks[3]).toEqual(['sign', 'not_started', 'complete_others_first']);
  });

  it('a point without a phone needs attention', () => {
    expect(statuses({ ...full, phone: null })[0]).toEqual(['point', 'attention', 'phone_missing']);
  });

  it('all three done: signing is open', () => {
    expect(statuses(full)).toEqual([
      ['point', 'done', null],
      ['photo', 'done', null],
      ['signature', 'done', null],
      ['sign', 'not_started', null],
    ]);
    expect(doneCount(draftTasks(full, [7]))).toBe(3);
  });

  it('one upload missing keeps signing closed', () => {
    expect(statuses({ ...full, signatureFileId: null })[3]).toEqual(['sign', 'not_started', 'complete_others_first']);
  });
});

describe('UMS DP decision due (one working day, 17:00 cut-off)', () => {
  const cal = new StaticWorkCalendar({ nonWorking: ['2026-03-09'], workingOverrides: [] });
  const at = (s: string) => new Date(`${s}+05:00`);

  it('not before the application reached UMS DP', () => {
    expect(decisionDueAt([{ type: 'submit', at: at('2026-03-02T10:00:00') }], cal)).toBeNull();
  });

  it('paid on Monday 10:00 → due Tuesday 10:00; exempt on Friday 17:30 → Tuesday 09:00 over a weekend and a holiday', () => {
    expect(decisionDueAt([{ type: 'paid', at: at('2026-03-02T10:00:00') }], cal)).toEqual(at('2026-03-03T10:00:00'));
    expect(decisionDueAt([{ type: 'exempted', at: at('2026-03-06T17:30:00') }], cal)).toEqual(at('2026-03-11T09:00:00'));
  });

  it('17:00:00 sharp still counts that day', () => {
    expect(decisionDueAt([{ type: 'paid', at: at('2026-03-03T17:00:00') }], cal)).toEqual(at('2026-03-04T17:00:00'));
  });

  it('shown while under review only, and not the citizen’s to act on', () => {
    const due = at('2026-03-03T10:00:00');
    expect(applicationDeadline({ pilot: 'id_card', status: 'under_review', decisionDueAt: due })).toEqual({
      kind: 'id_card_decision',
      at: due,
      actionable: false,
    });
    expect(applicationDeadline({ pilot: 'id_card', status: 'approved', decisionDueAt: due })).toBeNull();
    expect(applicationDeadline({ pilot: 'id_card', status: 'under_review', decisionDueAt: null })).toBeNull();
  });
});
