import { describe, expect, it } from 'vitest';
import { safeNextPath, signInHref } from '@/lib/auth/next-path';

describe('safeNextPath (where sign-in returns to)', () => {
  it.each([
    ['/cabinet/id-card', '/cabinet/id-card'],
    ['/cabinet/residence/new', '/cabinet/residence/new'],
    ['/cabinet', '/cabinet'],
    ['/cabinet/vehicle/3f1c2a9e-0b7d-4c11-9a3e-5d2f8b6c7a10', '/cabinet/vehicle/3f1c2a9e-0b7d-4c11-9a3e-5d2f8b6c7a10'],
    // The locale is the page's, not the link's: a leading one is dropped.
    ['/kk/cabinet/id-card', '/cabinet/id-card'],
    ['/ru/cabinet', '/cabinet'],
  ])('keeps a path on this site: %s', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    ['protocol-relative host', '//evil.com'],
    ['protocol-relative host with path', '//evil.com/cabinet'],
    ['absolute https URL', 'https://evil.com/cabinet'],
    ['absolute URL of this site', 'http://localhost:3000/kk/cabinet'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['no leading slash', 'cabinet/id-card'],
    ['backslash host', '/\\evil.com'],
    ['backslashes inside', '/cabinet\\..\\admin'],
    ['dot-dot segment', '/kk/../admin'],
    ['dot segment', '/cabinet/./id-card'],
    ['encoded dot-dot', '/cabinet/%2e%2e/admin'],
    ['encoded slash', '/%2F%2Fevil.com'],
    ['empty segment', '/cabinet//id-card'],
    ['trailing slash', '/cabinet/'],
    ['query string', '/cabinet?x=https://evil.com'],
    ['fragment', '/cabinet#x'],
    ['whitespace', '/cabinet /id-card'],
    ['newline', '/cabinet\n/evil'],
    ['only a slash', '/'],
    ['only the locale', '/kk'],
    ['sign-in itself (a loop)', '/sign-in'],
    ['sign-in with the locale', '/ru/sign-in'],
    ['the API', '/api/auth/signout'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(200)}`],
  ])('ignores %s', (_name, raw) => {
    expect(safeNextPath(raw)).toBeNull();
  });

  it.each([undefined, null, 42, ['/cabinet'], { path: '/cabinet' }])('ignores a non-string %j', (raw) => {
    expect(safeNextPath(raw)).toBeNull();
  });

  it('builds the sign-in address that returns, or plain sign-in for an unsafe path', () => {
    expect(signInHref('/cabinet/id-card')).toBe('/sign-in?next=%2Fcabinet%2Fid-card');
    expect(signInHref('//evil.com')).toBe('/sign-in');
  });
});
