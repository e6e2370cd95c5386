import { expect, test, type Browser } from '@playwright/test';
import { locales } from './fixtures';
import { landing } from './personas';

// Issue 14: the refusal notices themselves, as a person meets them. scripts/e2e-server.ts trusts one proxy hop and
// sets `sign_in.ip=3/600,verify.ip=3/600`, so a client with its own X-Forwarded-For address is refused on the 4th try.
const expected = {
  kk: /Тым көп әрекет жасалды\. \d+ минуттан кейін қайталап көріңіз\./,
  ru: /Слишком много попыток\. Повторите через \d+ минут/,
};

// Each client its own address, unique across workers and retries (a documentation-range IPv6 address).
let next = 0;
const clientFrom = async (browser: Browser) =>
  browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': `2001:db8:${(process.pid % 0xffff).toString(16)}::${(++next).toString(16)}` },
  });

for (const locale of locales) {
  test(`public verification: the 4th lookup from one address is refused in ${locale}, keeping what was typed`, async ({ browser }) => {
    const context = await clientFrom(browser);
    const page = await context.newPage();
    const url = `/${locale}/verify?number=VR-2026-000001&code=ABCD1234`;
    for (let i = 0; i < 3; i++) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(expected[locale])).toHaveCount(0);
    }
    await page.goto(url);
    await expect(page.getByText(expected[locale])).toBeVisible();
    await expect(page.locator('input[name="number"]')).toHaveValue('VR-2026-000001');
    await context.close();
  });

  test(`sign-in: the 4th sign-in from one address is refused in ${locale} with how long to wait`, async ({ browser }) => {
    const context = await clientFrom(browser);
    // The supervisor signs in least often elsewhere, so these tries stay far below its per-IIN limit.
    const persona = landing.find((p) => p.role === 'supervisor')!.iin;
    for (let i = 0; i < 3; i++) {
      const page = await context.newPage();
      await page.goto(`/${locale}/sign-in`);
      await page.locator(`button[data-persona="${persona}"]`).click();
      await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
      await context.clearCookies();
      await page.close();
    }
    const page = await context.newPage();
    await page.goto(`/${locale}/sign-in`);
    await page.locator(`button[data-persona="${persona}"]`).click();
    await expect(page).toHaveURL(/\/sign-in\?limited=\d+/);
    await expect(page.getByText(expected[locale])).toBeVisible();
    await context.close();
  });
}
