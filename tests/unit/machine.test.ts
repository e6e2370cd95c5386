import { describe, expect, it } from 'vitest';
import { defineMachine } from '@/lib/applications/machine';

const m = defineMachine<
  'draft' | 'submitted' | 'approved' | 'annulled',
  'submit' | 'approve' | 'annul',
  'applicant' | 'reviewer' | 'system'
>({
  initial: 'draft',
  transitions: { draft: { submit: 'submitted' }, submitted: { approve: 'approved', annul: 'annulled' } },
  actorOf: { submit: 'applicant', approve: 'reviewer', annul: 'system' },
  parties: { applicant: 'citizen', reviewer: 'ums_reviewer', system: null },
});

describe('defineMachine', () => {
  it('moves along allowed events', () => {
    expect(m.next('draft', 'submit')).toBe('submitted');
    expect(m.next('submitted', 'annul')).toBe('annulled');
  });
  it('an illegal event is an error with a code, never a no-op', () => {
    expect(() => m.next('draft', 'approve')).toThrow(expect.objectContaining({ code: 'illegal_transition' }));
    expect(() => m.next('approved', 'annul')).toThrow(expect.objectContaining({ code: 'illegal_transition' }));
  });
  it('lists what can happen in a state, and knows final states', () => {
    expect(m.events('submitted').sort()).toEqual(['annul', 'approve']);
    expect(m.can('draft', 'submit')).toBe(true);
    expect(m.can('draft', 'annul')).toBe(false);
    expect(m.isFinal('approved')).toBe(true);
    expect(m.isFinal('draft')).toBe(false);
  });
  it('lets only the declared party fire an event; the system (null) only its own events', () => {
    expect(m.mayFire('submit', 'citizen')).toBe(true);
    expect(m.mayFire('submit', 'ums_reviewer')).toBe(false);
    expect(m.mayFire('submit', null)).toBe(false);
    expect(m.mayFire('approve', 'ums_reviewer')).toBe(true);
    expect(m.mayFire('approve', 'admin')).toBe(false);
    expect(m.mayFire('annul', null)).toBe(true);
    expect(m.mayFire('annul', 'ums_reviewer')).toBe(false);
  });
});
