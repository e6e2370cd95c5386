// Issue 15: every pilot service has a public start page (who, what you need, the cost in ₸, how long, how to
// start), the landing page links to all four, and sign-in returns to the chosen service.
import { expect, test, type Page } from '@playwright/test';
import { PERSONA } from '../db/seed/personas-ids';
import { expectAccessible, expectNoRawCodes, locales, type Locale } from './fixtures';

const SERVICES = ['vehicle', 'machinery', 'id-card', 'residence'] as const;
const WIDTHS = [390, 1366] as const;

const L = {
  kk: {
    idCardTitle: 'Жеке куәлікті ауыстыру — Qyzmet',
    signInToStart: { 'id-card': 'Бастау үшін кіру', residence: 'Онлайн өтініш беру үшін кіру' },
    returns: 'Кіргеннен кейін таңдаған қызметіңізге ораласыз.',
    residenceStart: 'Бастау',
    errorPrefix: 'Қате: ',
  },
  ru: {
    idCardTitle: 'Замена удостоверения личности — Qyzmet',
    signInToStart: { 'id-card': 'Войти, чтобы начать', residence: 'Войти, чтобы подать заявку' },
    returns: 'После входа вы вернётесь к выбранной услуге.',
    residenceStart: 'Начать',
    errorPrefix: 'Ошибка: ',
  },
} as const;

// Each test its own client address (a documentation-range IPv6 address, unique across workers): the e2e server's
// small per-address sign-in limit (scripts/e2e-server.ts, for e2e/rate-limit.spec.ts) is never what a test meets.
let client = 0;
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': `2001:db8:5${(process.pid % 0xfff).toString(16)}::${(++client).toString(16)}` });
});

/** The page is no wider than the window: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(client);
}

for (const locale of locales) {
  test(`start pages (${locale}): own title, the cost in ₸, accessible, no raw codes, no sideways scroll`, async ({ page }) => {
    const titles = new Set<string>();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/${locale}`);
      titles.add(await page.title());
      await expectNoSidewaysScroll(page);
      for (const service of SERVICES) {
        // The landing page links to every service's own start page.
        await expect(page.locator(`a[href="/${locale}/services/${service}"]`)).toBeVisible();
      }
      for (const service of SERVICES) {
        await page.goto(`/${locale}/services/${service}`);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        const title = await page.title();
        expect(title).toMatch(/ — Qyzmet$/);
        expect(title).toContain(await page.getByRole('heading', { level: 1 }).innerText());
        titles.add(title);
        await expect(page.getByTestId('service-cost')).toContainText('₸');
        await expectNoSidewaysScroll(page);
        if (width === 1366) {
          await expectAccessible(page);
          await expectNoRawCodes(page);
        }
      }
    }
    // The landing page and four start pages: five distinct titles (the same at both widths).
    expect(titles.size).toBe(5);
  });
}

test('the ID-card start page states the duty at this year’s MRP and the renewal window', async ({ page }) => {
  await page.goto('/kk/services/id-card');
  await expect(page).toHaveTitle(L.kk.idCardTitle);
  // 0.2 MRP: 865 ₸ at the 2026 MRP of 4 325 ₸ (whatever the year, an amount in whole tenge).
  await expect(page.getByTestId('service-cost')).toContainText(/0,2 АЕК/);
  await expect(page.getByText(/30 күнтізбелік күн/)).toBeVisible();
  await page.goto('/ru/services/id-card');
  await expect(page).toHaveTitle(L.ru.idCardTitle);
  await expect(page.getByText(/30 календарных дней и меньше/)).toBeVisible();
});

const journeys: { locale: Locale; service: 'id-card' | 'residence'; lands: RegExp }[] = [
  { locale: 'kk', service: 'id-card', lands: /\/kk\/cabinet\/id-card$/ },
  { locale: 'ru', service: 'residence', lands: /\/ru\/cabinet\/residence\/new$/ },
];

for (const j of journeys) {
  test(`start page → sign in → the service (${j.locale}, ${j.service})`, async ({ page }) => {
    const l = L[j.locale];
    await page.goto(`/${j.locale}/services/${j.service}`);
    await page.getByRole('link', { name: l.signInToStart[j.service] }).first().click();
    await expect(page).toHaveURL(new RegExp(`/${j.locale}/sign-in\\?next=`));
    await expect(page.getByText(l.returns)).toBeVisible();
    await page.locator(`button[data-persona="${PERSONA.citizenAigerim}"]`).click();
    await page.waitForURL(j.lands);
    await expectAccessible(page);
  });
}

test('a form with errors puts "Ошибка:" before the page title', async ({ page }) => {
  await page.goto('/ru/sign-in?next=/cabinet/residence/new');
  await page.locator(`button[data-persona="${PERSONA.citizenAigerim}"]`).click();
  await page.waitForURL(/\/ru\/cabinet\/residence\/new$/);
  const title = await page.title();
  expect(title.startsWith(L.ru.errorPrefix)).toBe(false);
  // Nothing chosen: the error summary appears, and the title says so first.
  await page.getByRole('button', { name: L.ru.residenceStart, exact: true }).click();
  await expect(page.locator('div[role="alert"][tabindex="-1"]')).toBeVisible();
  await expect(page).toHaveTitle(`${L.ru.errorPrefix}${title}`);
});

test('sign-in ignores a next that leaves the site, and lands in the role’s own area', async ({ page }) => {
  for (const next of ['//evil.example/cabinet', 'https://evil.example/', '/kk/../admin']) {
    await page.goto(`/kk/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page.getByText(L.kk.returns)).toHaveCount(0);
    await expect(page.locator('input[name="next"]')).toHaveCount(0);
  }
  await page.locator(`button[data-persona="${PERSONA.citizenAigerim}"]`).click();
  await page.waitForURL(/\/kk\/cabinet$/);
});

test('a signed-out visit to a cabinet page goes through sign-in and comes back to it', async ({ page }) => {
  await page.goto('/ru/cabinet/payments');
  await expect(page).toHaveURL(/\/ru\/sign-in\?next=(%2F|\/)cabinet(%2F|\/)payments$/);
  await page.locator(`button[data-persona="${PERSONA.citizenAigerim}"]`).click();
  await page.waitForURL(/\/ru\/cabinet\/payments$/);
});
