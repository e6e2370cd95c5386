import { describe, expect, it } from 'vitest';
import { currentLink } from '@/lib/site/current-link';

const tabs = ['/cabinet', '/cabinet/notifications', '/cabinet/payments', '/cabinet/id-card'];

describe('currentLink', () => {
  it('marks the exact page', () => {
    expect(currentLink('/cabinet', tabs)).toBe('/cabinet');
    expect(currentLink('/cabinet/payments', tabs)).toBe('/cabinet/payments');
  });
  it('marks the longest prefix at a segment boundary', () => {
    expect(currentLink('/cabinet/payments/0b9e', tabs)).toBe('/cabinet/payments');
    expect(currentLink('/cabinet/residence/5', tabs)).toBe('/cabinet');
  });
  it('does not match half a segment', () => {
    expect(currentLink('/cabinet/id-cards', tabs)).toBe('/cabinet');
    expect(currentLink('/cabinetx', tabs)).toBeUndefined();
  });
  it('ignores a trailing slash, the query and the fragment', () => {
    expect(currentLink('/cabinet/notifications/', tabs)).toBe('/cabinet/notifications');
    expect(currentLink('/cabinet/payments?x=1#top', tabs)).toBe('/cabinet/payments');
  });
  it('marks nothing outside the menu', () => {
    expect(currentLink('/ums', tabs)).toBeUndefined();
    expect(currentLink('/', ['/', '/signature'])).toBe('/');
    expect(currentLink('/signature', ['/', '/signature'])).toBe('/signature');
    expect(currentLink('/ums', ['/', '/signature'])).toBeUndefined();
  });
});
