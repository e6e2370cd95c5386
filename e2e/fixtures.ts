import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { connect } from '../db/client';
import { persons } from '../db/schema/registry';
import { findRawCodes } from './support/raw-code-scan';

export type Locale = 'kk' | 'ru';
export const locales: Locale[] = ['kk', 'ru'];

/** Signs in through the demo persona picker, as a person would, and waits for the landing page. */
export async function signInAs(page: Page, iin: string, locale: Locale = 'kk') {
  await page.goto(`/${locale}/sign-in`);
  await page.locator(`button[data-persona="${iin}"]`).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in') && !url.pathname.endsWith('/start'));
}

/** A fresh browser context (its own cookies) signed in as this persona: one party of a flow. */
export async function signedIn(browser: Browser, iin: string, locale: Locale = 'kk'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, iin, locale);
  return page;
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

/**
 * No raw code or untranslated enum in what the page shows (issue 15): `snake_case`, `dotted.codes` and camelCase
 * identifiers in the visible text of the page and of any open dialog. `allow` lists tokens shown on purpose.
 */
export async function expectNoRawCodes(page: Page, allow: readonly string[] = []) {
  const text = await page.locator('body').innerText();
  expect(findRawCodes(text, allow), `raw codes on ${page.url()}`).toEqual([]);
}

/** The e2e server's database (scripts/e2e-server.ts writes it), for tests that set up data through services. */
export function e2eDatabaseUrl(): string {
  const file = path.join(process.cwd(), '.data', 'e2e-runtime.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { databaseUrl: string }).databaseUrl;
}

/** The number of the ID document a person presents at the CON, as GBD FL has it (the e2e server's database). */
export async function documentNumberOf(iin: string): Promise<string> {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  try {
    const [p] = await db.select({ doc: persons.docNumber }).from(persons).where(eq(persons.iin, iin));
    return p!.doc;
  } finally {
    await client.end();
  }
}
