import { describe, expect, it } from 'vitest';
import { feeStatus } from '@/lib/machinery/intake-rules';

describe('feeStatus', () => {
  it('is paid, partial or not paid', () => {
    expect(feeStatus(1000, 1000)).toBe('paid');
    expect(feeStatus(1000, 1500)).toBe('paid');
    expect(feeStatus(1000, 999)).toBe('partial');
    expect(feeStatus(1000, 0)).toBe('not_paid');
    expect(feeStatus(0, 0)).toBe('paid');
  });
});
