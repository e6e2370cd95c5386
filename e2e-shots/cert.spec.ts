import { test } from '@playwright/test';
test('cert search', async ({ page }) => {
  await page.goto('/ru/sign-in');
  await page.locator('button[data-persona="910515459531"]').click();
  await page.waitForURL(/\/ru\/admin$/);
  await page.goto('/ru/admin/certificates');
  await page.getByLabel('ИИН, БИН или серийный номер').fill('030404520643');
  await page.getByRole('button', { name: 'Найти' }).click();
  await page.waitForTimeout(3000);
  console.log(page.url());
  await page.screenshot({ path: '/work/shots/s7/cert.png', fullPage: true });
});
