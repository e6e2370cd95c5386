import { expect, test } from '@playwright/test';
import { locales } from './fixtures';

// Issue 14: the refusal notices themselves, as a person meets them. The action that redirects a refused sign-in to
// `?limited=<seconds>` is proven in tests/integration/rate-limit-sign-in.test.ts; here the page that says so.
const expected = {
  kk: /Тым көп әрекет жасалды\. \d+ минуттан кейін қайталап көріңіз\./,
  ru: /Слишком много попыток\. Повторите через \d+ минут/,
};

for (const locale of locales) {
  test(`sign-in: a refused sign-in is told in ${locale} how long to wait; a forged wait is ignored`, async ({ page }) => {
    await page.goto(`/${locale}/sign-in?limited=120`);
    await expect(page.getByText(expected[locale])).toContainText('2');
    await page.goto(`/${locale}/sign-in?limited=abc`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(expected[locale])).toHaveCount(0);
  });
}

// scripts/e2e-server.ts sets `verify.anonymous=20/600`; this runs with the @faults tests, after every other test, so
// exhausting the limit disturbs no one.
test('public verification: lookups past the limit are refused in kk and ru, keeping what was typed @faults', async ({ page }) => {
  const url = (locale: string) => `/${locale}/verify?number=VR-2026-000001&code=ABCD1234`;
  let refusedAfter = -1;
  for (let i = 0; i < 25; i++) {
    await page.goto(url('kk'));
    if (await page.getByText(expected.kk).count()) {
      refusedAfter = i;
      break;
    }
  }
  expect(refusedAfter, 'the 21st lookup in 10 minutes is refused').toBeGreaterThan(0);
  await expect(page.locator('input[name="number"]')).toHaveValue('VR-2026-000001');
  await page.goto(url('ru'));
  await expect(page.getByText(expected.ru)).toBeVisible();
  await expect(page.locator('input[name="code"]')).toHaveValue('ABCD1234');
});
