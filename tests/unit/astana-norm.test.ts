import { describe, expect, it } from 'vitest';
import { withinNorm } from '@/lib/residence/astana-norm';

describe('withinNorm (SPEC §7.5: (count + 1) × norm ≤ area)', () => {
  it('fits exactly at equality', () => {
    expect(withinNorm(45, 2, 15)).toBe(true); // 3 × 15 = 45
    expect(withinNorm(15, 0, 15)).toBe(true);
  });

  it('does not fit just below', () => {
    expect(withinNorm(44.99, 2, 15)).toBe(false);
    expect(withinNorm(45, 3, 15)).toBe(false); // 4 × 15 = 60
    expect(withinNorm(14.9, 0, 15)).toBe(false);
  });

  it('fits above', () => {
    expect(withinNorm(45.01, 2, 15)).toBe(true);
    expect(withinNorm(120, 7, 15)).toBe(true);
    expect(withinNorm(120, 8, 15)).toBe(false);
  });

  it('works with a fractional norm', () => {
    expect(withinNorm(37.5, 2, 12.5)).toBe(true);
    expect(withinNorm(37.4, 2, 12.5)).toBe(false);
  });

  it('rejects nonsense data rather than answering', () => {
    expect(() => withinNorm(45, 2, 0)).toThrow(RangeError);
    expect(() => withinNorm(45, -1, 15)).toThrow(RangeError);
    expect(() => withinNorm(45, 1.5, 15)).toThrow(RangeError);
    expect(() => withinNorm(Number.NaN, 1, 15)).toThrow(RangeError);
    expect(() => withinNorm(-1, 0, 15)).toThrow(RangeError);
  });
});
