import { expect, test } from '@playwright/test';
import { signInAs } from './fixtures';
import { areas, landing } from './personas';

test('signed out, every work area redirects to sign-in', async ({ request }) => {
  for (const area of areas) {
    const res = await request.get(`/kk${area}`, { maxRedirects: 0 });
    expect([302, 303, 307], area).toContain(res.status());
    expect(res.headers().location, area).toContain('/kk/sign-in');
  }
});

// The route half of the access matrix: each persona against every area, by HTTP status. A page that leaks
// content to the wrong role would answer 200 here.
for (const p of landing) {
  test(`${p.role}: 200 in ${p.path} and /signature, 403 everywhere else`, async ({ page }) => {
    await signInAs(page, p.iin, 'ru');
    for (const area of areas) {
      const res = await page.request.get(`/ru${area}`, { maxRedirects: 0 });
      const allowed = area === p.path || area === '/signature' || (p.role === 'dealer' && area === '/cabinet');
      expect(res.status(), `${p.role} → ${area}`).toBe(allowed ? 200 : 403);
    }
  });
}

test('a citizen who opens a staff page sees a 403 page that leaks nothing', async ({ page }) => {
  await signInAs(page, landing[0].iin, 'kk');
  const res = await page.goto('/kk/admin/audit');
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Қол жеткізуге рұқсат жоқ');
  await expect(page.locator('main')).not.toContainText('audit');
});
