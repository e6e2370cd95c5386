import { expect, test } from '@playwright/test';
import { expectAccessible, locales, signInAs, signOut } from './fixtures';
import { landing } from './personas';

for (const locale of locales) {
  for (const p of landing) {
    test(`${p.role} signs in (${locale}), lands on ${p.path} with their scope, and the page passes axe`, async ({ page }) => {
      await signInAs(page, p.iin, locale);
      await expect(page).toHaveURL(new RegExp(`/${locale}${p.path}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (p.scope) await expect(page.getByTestId('actor-scope')).toContainText(p.scope[locale]);
      await expectAccessible(page);
    });
  }
}

test('sign-out ends the session on the server: the copied cookie no longer works', async ({ page, browser }) => {
  await signInAs(page, landing[2].iin, 'kk');
  const cookies = await page.context().cookies();
  await signOut(page);
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const other = await copy.newPage();
  await other.goto('/kk/ums');
  await expect(other).toHaveURL(/\/kk\/sign-in/);
  await copy.close();
});
