import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoRawCodes } from './fixtures';

test('/ goes to Kazakh by default', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/kk$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expectAccessible(page);
  await expectNoRawCodes(page);
});

test('/ follows Accept-Language: ru', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU', extraHTTPHeaders: { 'Accept-Language': 'ru-RU,ru;q=0.9' } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/ru$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Государственные услуги онлайн');
  await expectAccessible(page);
  await expectNoRawCodes(page);
  await context.close();
});

test('the language switch keeps the page, and the choice is remembered', async ({ page }) => {
  await page.goto('/kk/sign-in');
  await page.getByRole('navigation', { name: 'Тілді ауыстыру' }).getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход на портал');
  await page.goto('/');
  await expect(page).toHaveURL(/\/ru$/);
  await page.getByRole('navigation', { name: 'Сменить язык' }).getByRole('link', { name: 'Қазақша' }).click();
  await expect(page).toHaveURL(/\/kk$/);
});
