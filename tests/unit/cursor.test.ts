import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, exactInstant } from '@/lib/applications/cursor';

const id = '0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';

describe('keyset cursors', () => {
  it('carry the instant to the microsecond through the URL', () => {
    const c = { at: '2026-03-02T04:05:06.100002Z', id };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('refuse what is not an instant and a uuid (PostgreSQL would fail the cast)', () => {
    expect(decodeCursor(encodeCursor({ at: 'yesterday', id }))).toBeUndefined();
    expect(decodeCursor(encodeCursor({ at: '2026-03-02T04:05:06Z', id: '-'.repeat(36) }))).toBeUndefined();
    expect(decodeCursor(encodeCursor({ at: '2026-03-02T04:05:06Z', id: id.toUpperCase() }))).toBeUndefined();
    expect(decodeCursor('x'.repeat(201))).toBeUndefined();
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('keep their microseconds for PostgreSQL, padded to six digits', () => {
    expect(exactInstant('2026-03-02T04:05:06.100002Z')).toBe('2026-03-02T04:05:06.100002Z');
    expect(exactInstant('2026-03-02T04:05:06.999999Z')).toBe('2026-03-02T04:05:06.999999Z');
    expect(exactInstant('2026-03-02T04:05:06.1Z')).toBe('2026-03-02T04:05:06.100000Z');
    expect(exactInstant('2026-03-02T04:05:06Z')).toBe('2026-03-02T04:05:06.000000Z');
  });

  it('read any other form through Date (an older cursor, an offset, a day JS rolls over)', () => {
    expect(exactInstant('2026-03-02T09:05:06.123+05:00')).toBe('2026-03-02T04:05:06.123Z');
    expect(exactInstant('2026-02-31T00:00:00.000001Z')).toBe('2026-03-03T00:00:00.000Z');
    expect(() => exactInstant('not a date')).toThrow(RangeError);
  });
});
