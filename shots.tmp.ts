import { chromium, type Page } from '@playwright/test';
import { CADASTRE, PERSONA } from './db/seed/personas-ids';

const base = 'http://localhost:3201';
async function shoot(page: Page, name: string, url: string) {
  for (const locale of ['kk', 'ru']) {
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(base + url.replace('/LOC/', `/${locale}/`));
      await page.screenshot({ path: `/tmp/shots/${name}-${locale}-${width}.png`, fullPage: true });
    }
  }
}
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/kk/sign-in`);
  await page.locator(`button[data-persona="${process.argv[2] ?? PERSONA.ownerAsel}"]`).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
  await shoot(page, 'service', '/LOC/services/residence');
  await shoot(page, 'new', '/LOC/cabinet/residence/new');
  await page.goto(`${base}/kk/cabinet/residence/new`);
  await page.getByLabel('Уақытша болатын жері бойынша уақытша тіркеу').check();
  const today = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
  await page.getByLabel('Алғашқы күні').fill(today);
  await page.getByLabel('Соңғы күні').fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4, 8)}01`);
  await page.getByRole('button', { name: 'Бастау', exact: true }).click();
  await page.waitForURL(/residence\/[0-9a-f-]{36}/);
  const id = /residence\/([0-9a-f-]{36})/.exec(page.url())![1];
  await shoot(page, 'dwelling-cascade', `/LOC/cabinet/residence/${id}/dwelling?region=09&locality=${encodeURIComponent('г. Караганда')}`);
  await shoot(page, 'dwelling-preview', `/LOC/cabinet/residence/${id}/dwelling?cadastral=${CADASTRE.karagandaHostFlat}`);
  await page.goto(`${base}/kk/cabinet/residence/${id}/dwelling?cadastral=${CADASTRE.karagandaHostFlat}`);
  await page.getByRole('button', { name: 'Осы тұрғын үйді таңдау' }).click();
  await page.waitForURL(/\/form$/);
  await shoot(page, 'form', `/LOC/cabinet/residence/${id}/form`);
  await shoot(page, 'app', `/LOC/cabinet/residence/${id}`);
  if (process.argv[3]) await shoot(page, 'registered', `/LOC/cabinet/residence/${process.argv[3]}`);
  await shoot(page, 'documents', '/LOC/cabinet/documents');
  await browser.close();
})();
