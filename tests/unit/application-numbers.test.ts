import { describe, expect, it } from 'vitest';
import { formatApplicationNumber } from '@/lib/applications/numbers';

describe('formatApplicationNumber', () => {
  it('pads the serial to six digits and grows past a million', () => {
    expect(formatApplicationNumber('VR', 2026, 1)).toBe('VR-2026-000001');
    expect(formatApplicationNumber('ID', 2026, 999_999)).toBe('ID-2026-999999');
    expect(formatApplicationNumber('ID', 2026, 1_000_000)).toBe('ID-2026-1000000');
  });
  it('refuses what is not a number', () => {
    expect(() => formatApplicationNumber('VR', 2026, 0)).toThrow(RangeError);
    expect(() => formatApplicationNumber('vr', 2026, 1)).toThrow(RangeError);
    expect(() => formatApplicationNumber('VR', 2026, 1.5)).toThrow(RangeError);
    expect(() => formatApplicationNumber('VR', 2026, Number.NaN)).toThrow(RangeError);
  });
});
