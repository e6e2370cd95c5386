// Step 18 ¶3 of order 002: who is refunded and what the citizen is told after an annulment.
import { describe, expect, it } from 'vitest';
import { annulmentNotice, annulmentRefunds } from '@/lib/id-card/annulment';

describe('annulment', () => {
  it('only the photo or the signature sample refunds the duty', () => {
    expect(annulmentRefunds('photo')).toBe(true);
    expect(annulmentRefunds('signature')).toBe(true);
    expect(annulmentRefunds('more_checks')).toBe(false);
  });

  it('an exempt applicant is told to apply again, never about a refund; "more checks" tells neither', () => {
    expect(annulmentNotice('photo', false)).toBe('apply_again_refund');
    expect(annulmentNotice('signature', false)).toBe('apply_again_refund');
    expect(annulmentNotice('photo', true)).toBe('apply_again');
    expect(annulmentNotice('signature', true)).toBe('apply_again');
    expect(annulmentNotice('more_checks', false)).toBe('none');
    expect(annulmentNotice('more_checks', true)).toBe('none');
  });
});
