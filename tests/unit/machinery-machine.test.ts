import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import {
  actorOf,
  closedStates,
  machineryEvents,
  machineryMachine,
  machineryStates,
  mayAct,
  type MachineryEvent,
  type MachineryParty,
  type MachineryState,
} from '@/lib/machinery/machine';

const m = machineryMachine;

// Written out from orders 001/004 (points 6–15), not derived from the machine: a mistyped transition there disagrees.
const expected: Record<MachineryState, Partial<Record<MachineryEvent, MachineryState>>> = {
  received: { biometrics_failed: 'rejected_at_intake', package_incomplete: 'rejected_at_intake', submit: 'under_review' },
  under_review: { approve: 'approved', refuse: 'refused' },
  approved: { issue: 'issued' },
  issued: {},
  refused: {},
  rejected_at_intake: {},
};

const pairs = machineryStates.flatMap((s) => machineryEvents.map((e) => [s, e] as const));
const parties: MachineryParty[] = ['front_office', 'akimat', 'con_issuance'];

function throwsIllegal(s: MachineryState, e: MachineryEvent) {
  try {
    m.next(s, e);
  } catch (x) {
    return x instanceof DomainError && x.code === 'illegal_transition';
  }
  return false;
}

const happyPath: MachineryEvent[] = ['submit', 'approve', 'issue'];
const anyEvent = fc.constantFrom(...machineryEvents);
const noisyHappyPath = fc
  .array(fc.array(anyEvent, { maxLength: 2 }), { minLength: happyPath.length, maxLength: happyPath.length })
  .map((noise) => happyPath.flatMap((e, i) => [...(noise[i] ?? []), e]));
const sequences = fc.oneof(fc.array(anyEvent, { maxLength: 20 }), noisyHappyPath);

describe('agricultural machinery machine', () => {
  it('starts at the front office, received', () => expect(m.initial).toBe('received'));

  it.each(pairs)('%s + %s follows the order', (s, e) => {
    const to = expected[s][e];
    if (to) expect(m.next(s, e)).toBe(to);
    else expect(throwsIllegal(s, e)).toBe(true);
    expect(m.can(s, e)).toBe(to !== undefined);
  });

  it('names the one party that may cause each event', () => {
    const byParty: Record<MachineryParty, MachineryEvent[]> = {
      front_office: ['biometrics_failed', 'package_incomplete', 'submit'],
      akimat: ['approve', 'refuse'],
      con_issuance: ['issue'],
    };
    for (const [party, events] of Object.entries(byParty)) for (const e of events) expect(actorOf[e]).toBe(party);
    expect(Object.values(byParty).flat().sort()).toEqual([...machineryEvents].sort());
  });

  it('mayAct needs both the right party and a legal transition', () => {
    expect(mayAct('received', 'submit', 'front_office')).toBe(true);
    expect(mayAct('received', 'submit', 'akimat')).toBe(false);
    expect(mayAct('under_review', 'approve', 'akimat')).toBe(true);
    expect(mayAct('under_review', 'approve', 'front_office')).toBe(false);
    // The akimat cannot decide an intake the worker has not signed yet.
    expect(mayAct('received', 'approve', 'akimat')).toBe(false);
    expect(mayAct('approved', 'issue', 'con_issuance')).toBe(true);
    expect(mayAct('under_review', 'issue', 'con_issuance')).toBe(false);
    for (const [s, e] of pairs) for (const p of parties) expect(mayAct(s, e, p)).toBe(actorOf[e] === p && expected[s][e] !== undefined);
  });

  it('fires each event only in its party role, and nothing with no role (no system event)', () => {
    const roleOf = { front_office: 'con_operator', akimat: 'akimat_reviewer', con_issuance: 'con_issuance' } as const;
    for (const e of machineryEvents)
      for (const role of ['con_operator', 'akimat_reviewer', 'con_issuance', 'con_reception', 'citizen', 'admin', null] as const)
        expect(m.mayFire(e, role), `${e} by ${role}`).toBe(roleOf[actorOf[e]] === role);
    expect(m.mayFire('approve', 'con_operator')).toBe(false);
    expect(m.mayFire('submit', null)).toBe(false);
  });

  it('knows closed and final states', () => {
    expect([...closedStates].sort()).toEqual(['refused', 'rejected_at_intake']);
    for (const s of machineryStates) expect(m.isFinal(s)).toBe(['issued', 'refused', 'rejected_at_intake'].includes(s));
  });

  it('holds its invariants over random event sequences', () => {
    let issuedRuns = 0;
    fc.assert(
      fc.property(sequences, (events) => {
        let state: MachineryState = m.initial;
        const states = [state];
        const applied: MachineryEvent[] = [];
        for (const e of events) {
          if (!m.can(state, e)) {
            expect(throwsIllegal(state, e)).toBe(true);
            continue;
          }
          state = m.next(state, e);
          applied.push(e);
          states.push(state);
        }
        for (const s of states) expect(m.events(s).sort()).toEqual(machineryEvents.filter((e) => m.can(s, e)).sort());
        states.slice(0, -1).forEach((s) => expect(m.isFinal(s)).toBe(false));
        // Nothing reaches the akimat before the worker's signature, and every path has at most one decision.
        const firstAkimat = applied.findIndex((e) => actorOf[e] === 'akimat');
        if (firstAkimat >= 0) expect(applied[firstAkimat - 1]).toBe('submit');
        expect(applied.filter((e) => e === 'approve' || e === 'refuse').length).toBeLessThanOrEqual(1);
        if (state === 'issued') {
          issuedRuns++;
          expect(applied).toEqual(['submit', 'approve', 'issue']);
        }
      }),
      { numRuns: 500 },
    );
    expect(issuedRuns).toBeGreaterThan(0);
  });
});
