import { describe, expect, it } from 'vitest';
import { figuresCache } from '@/lib/monitoring/cache';

describe('figuresCache', () => {
  it('concurrent requests for one filter share one computation; a new minute computes again', async () => {
    let now = 0;
    let runs = 0;
    const cache = figuresCache<number>(60_000, 10, () => now);
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cache('k', compute), cache('k', compute)]);
    expect(runs).toBe(1);
    expect(a).toBe(b);
    now = 59_999;
    expect((await cache('k', compute)).value).toBe(1);
    now = 60_000;
    expect((await cache('k', compute)).value).toBe(2);
    expect((await cache('k', compute)).at).toEqual(new Date(60_000));
  });
  it('keeps no failure, and drops the oldest key beyond its size', async () => {
    let runs = 0;
    const cache = figuresCache<number>(60_000, 2, () => 0);
    await expect(cache('bad', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect((await cache('bad', async () => 7)).value).toBe(7);
    const compute = async () => ++runs;
    await cache('x', compute);
    await cache('y', compute);
    await cache('bad', compute);
    expect(runs).toBe(3);
  });
});
