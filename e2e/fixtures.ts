import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export type Locale = 'kk' | 'ru';
export const locales: Locale[] = ['kk', 'ru'];

/** Signs in through the demo persona picker, as a person would, and waits for the landing page. */
export async function signInAs(page: Page, iin: string, locale: Locale = 'kk') {
  await page.goto(`/${locale}/sign-in`);
  await page.locator(`button[data-persona="${iin}"]`).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in') && !url.pathname.endsWith('/start'));
}

export async function signOut(page: Page) {
  await page.locator('header form button[type="submit"]').click();
  await page.waitForURL(/\/sign-in\?signedOut=1/);
}

/** No serious or critical axe violation on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(bad, `axe on ${page.url()}`).toEqual([]);
}

/** The e2e server's database (scripts/e2e-server.ts writes it), for tests that set up data through services. */
export function e2eDatabaseUrl(): string {
  const file = path.join(process.cwd(), '.data', 'e2e-runtime.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { databaseUrl: string }).databaseUrl;
}
