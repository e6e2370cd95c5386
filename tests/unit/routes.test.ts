// The route half of deny-by-default, checked statically: every page in a work area asks for that area's roles.
// A new area, or a page that forgets the guard, fails here before any browser runs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaRoles } from '@/lib/auth/access';
import { areas as e2eAreas } from '../../e2e/personas';

const appDir = path.resolve(import.meta.dirname, '../../app/[locale]');
const groups = ['(staff)', '(dealer)', '(citizen)', '(signed)'];

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? pages(p) : e.name === 'page.tsx' ? [p] : [];
  });
}

const areaDirs = groups.flatMap((g) =>
  fs
    .readdirSync(path.join(appDir, g), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ area: e.name, dir: path.join(appDir, g, e.name) })),
);

describe('work-area routes', () => {
  it('every area folder has a decision in lib/auth/access.ts and a row in the e2e route matrix', () => {
    expect(areaDirs.map((a) => a.area).sort()).toEqual(Object.keys(areaRoles).sort());
    expect([...e2eAreas].map((a) => a.slice(1)).sort()).toEqual(Object.keys(areaRoles).sort());
  });

  for (const { area, dir } of areaDirs) {
    it(`every page under /${area} calls requireArea('${area}')`, () => {
      const missing = pages(dir).filter((p) => !fs.readFileSync(p, 'utf8').includes(`requireArea('${area}')`));
      expect(missing.map((p) => path.relative(appDir, p))).toEqual([]);
    });
  }

  it('pages outside the work areas are public by design', () => {
    const outside = pages(appDir)
      .filter((p) => !groups.some((g) => p.includes(`/${g}/`)))
      .map((p) => path.relative(appDir, p))
      .sort();
    // Landing, sign-in, the post-sign-in redirect (which itself requires a session), the payment gateway simulator
    // the public signature verification page, the public start page of each of the four services, and the
    // catch-all that only answers 404 in the site's layout.
    expect(outside).toEqual([
      '[...rest]/page.tsx',
      'gateway/pay/[invoiceId]/page.tsx',
      'page.tsx',
      'services/id-card/page.tsx',
      'services/machinery/page.tsx',
      'services/residence/page.tsx',
      'services/vehicle/page.tsx',
      'sign-in/page.tsx',
      'start/page.tsx',
      'verify/page.tsx',
    ]);
  });
});
