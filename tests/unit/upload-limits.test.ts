import { describe, expect, it } from 'vitest';
import { fitWithin, SHRINK_TO, UPLOAD_LIMITS } from '@/lib/files/limits';

describe('fitWithin (the size a photo is shrunk to in the browser)', () => {
  it('a 12 MP phone portrait (3024×4032) becomes 1200×1600: still 3:4 and above the 450×600 minimum', () => {
    expect(fitWithin(3024, 4032, SHRINK_TO.idCardPhoto)).toEqual({ width: 1200, height: 1600 });
  });
  it('a landscape picture is bounded by its width', () => {
    expect(fitWithin(4000, 1000, 2000)).toEqual({ width: 2000, height: 500 });
  });
  it('exactly at the bound, or smaller: unchanged (never enlarged)', () => {
    expect(fitWithin(1600, 1200, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(300, 400, 1600)).toEqual({ width: 300, height: 400 });
  });
  it('the limits are the rules’ (SPEC §8: ID-card photo 1 MB)', () => {
    expect(UPLOAD_LIMITS.idCardPhoto).toBe(1_048_576);
  });
});
