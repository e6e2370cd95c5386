import { describe, expect, it } from 'vitest';
import { defineMachine } from '@/lib/applications/machine';

const m = defineMachine<'draft' | 'submitted' | 'approved' | 'annulled', 'submit' | 'approve' | 'annul'>({
  initial: 'draft',
  transitions: { draft: { submit: 'submitted' }, submitted: { approve: 'approved', annul: 'annulled' } },
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
});
