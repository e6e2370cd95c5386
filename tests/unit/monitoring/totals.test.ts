import { describe, expect, it } from 'vitest';
import { withTotals } from '@/lib/monitoring/tables';

describe('withTotals', () => {
  it('adds a row that sums the chosen columns and fills the others', () => {
    const rows = [
      ['GBD FL', 10, 2, 1],
      ['BMG', 5, 0, 0],
      ['AIS SIK', 1, 1, 1],
    ];
    expect(withTotals(rows, 'Total', [1, 2, 3])).toEqual({ rows: [...rows, ['Total', 16, 3, 2]], totals: true });
    expect(withTotals(rows, 'Total', [1], (i) => `x${i}`).rows.at(-1)).toEqual(['Total', 16, 'x2', 'x3']);
  });
  it('adds nothing to one row or none, and leaves the rows it adds up as they were', () => {
    expect(withTotals([['a', 3]], 'Total', [1])).toEqual({ rows: [['a', 3]] });
    expect(withTotals([], 'Total', [1])).toEqual({ rows: [] });
    const rows = [
      ['a', 1],
      ['b', 2],
    ];
    withTotals(rows, 'Total', [1]);
    expect(rows).toHaveLength(2);
  });
  it('counts a text cell in a summed column as nothing', () => {
    expect(
      withTotals(
        [
          ['a', 4],
          ['b', '—'],
        ],
        'Total',
        [1],
      ).rows.at(-1),
    ).toEqual(['Total', 4]);
  });
});
