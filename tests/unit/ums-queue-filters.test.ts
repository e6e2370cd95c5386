import { describe, expect, it } from 'vitest';
import { hasFilterErrors, parseQueueFilters } from '@/lib/id-card/queue-filters';

describe('parseQueueFilters', () => {
  it('defaults to the queue under review, nearest deadline first, not narrowed', () => {
    const f = parseQueueFilters({});
    expect(f).toMatchObject({ status: 'under_review', sort: 'deadline', narrowed: false, errors: {} });
    expect(f.point ?? f.from ?? f.to ?? f.ticket).toBeUndefined();
  });

  it('refuses unknown statuses and sorts by falling back to the defaults', () => {
    expect(parseQueueFilters({ status: 'draft', sort: 'random' })).toMatchObject({ status: 'under_review', sort: 'deadline' });
    expect(parseQueueFilters({ status: ['approved', 'issued'], sort: 'newest' })).toMatchObject({ status: 'approved', sort: 'newest' });
  });

  it('sorts by deadline only where one is awaited: other statuses and a ticket search go by submission', () => {
    expect(parseQueueFilters({ status: 'approved', sort: 'deadline' }).sort).toBe('oldest');
    expect(parseQueueFilters({ ticket: 'rp-1', sort: 'deadline' }).sort).toBe('oldest');
    expect(parseQueueFilters({ status: 'approved', sort: 'newest' }).sort).toBe('newest');
  });

  it('takes a point only as a positive whole number', () => {
    expect(parseQueueFilters({ point: '12' }).point).toBe(12);
    for (const point of ['0', '-3', '1.5', '12abc', '9999999999', ' ']) expect(parseQueueFilters({ point }).point).toBeUndefined();
  });

  it('keeps a range whose ends are the same day or in order', () => {
    expect(parseQueueFilters({ from: '2026-03-01', to: '2026-03-01' })).toMatchObject({ from: '2026-03-01', to: '2026-03-01', errors: {} });
    expect(parseQueueFilters({ from: '2026-02-28', to: '2026-03-01' })).toMatchObject({ from: '2026-02-28', to: '2026-03-01' });
  });

  it('refuses an inverted range on "to", applies neither date and keeps both as typed', () => {
    const f = parseQueueFilters({ from: '2026-03-02', to: '2026-03-01' });
    expect(f.errors).toEqual({ to: 'range_inverted' });
    expect(f.from ?? f.to).toBeUndefined();
    expect(f.typed).toMatchObject({ from: '2026-03-02', to: '2026-03-01' });
    expect(f.narrowed).toBe(true);
    expect(hasFilterErrors(f)).toBe(true);
  });

  it('refuses an impossible or mistyped date and keeps the text', () => {
    const f = parseQueueFilters({ from: '2026-02-30', to: '31.12.2026' });
    expect(f.errors).toEqual({ from: 'date_format', to: 'date_format' });
    expect(f.typed).toMatchObject({ from: '2026-02-30', to: '31.12.2026' });
    expect(hasFilterErrors(parseQueueFilters({ from: '2026-03-01' }))).toBe(false);
  });

  it('upper-cases a ticket, keeps it as typed, and counts it as narrowing', () => {
    const f = parseQueueFilters({ ticket: '  rp-abc ' });
    expect(f).toMatchObject({ ticket: 'RP-ABC', typed: { ticket: 'rp-abc' }, narrowed: true });
  });

  it('counts another status as narrowing, the sort alone not', () => {
    expect(parseQueueFilters({ status: 'issued' }).narrowed).toBe(true);
    expect(parseQueueFilters({ sort: 'newest' }).narrowed).toBe(false);
  });
});
