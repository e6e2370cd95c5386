// The branches of order 000 that stop or end an application, each with its message, in both languages.
import { expect, test } from '@playwright/test';
import { PERSONA, VIN } from '../db/seed/personas-ids';
import { downloadKey, openKeys, signInDialogWithKeyFile } from './eds';
import { expectAccessible, signInAs } from './fixtures';

for (const [locale, vin, message] of [
  ['kk', VIN.noPassport, 'Бұл VIN бойынша көлік құралының электрондық паспорты жоқ; қызмет көрсетілмейді.'],
  ['ru', VIN.noRecycling, 'Утилизационный платёж по этому транспортному средству не уплачен; услуга не может быть оказана.'],
  // Order 000 p.1: an imported vehicle (its e-passport names no domestic manufacturer) stops at step 3.
  ['kk', VIN.imported, 'Бұл көлік құралы Қазақстанда шығарылмаған'],
] as const) {
  test(`${locale}: ${vin} stops with the order's message and creates no application`, async ({ page }) => {
    await signInAs(page, PERSONA.dealerSaryarka, locale);
    await page.goto(`/${locale}/dealer/vehicle-registrations/new`);
    await page.locator('input[name="vin"]').fill(vin);
    await page.locator('main form button[type="submit"]').click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.locator('input[name="vin"]')).toHaveValue(vin);
    await expectAccessible(page);
    // The search finds nothing and says so, naming what was searched (issue 15): no table of applications.
    await page.goto(`/${locale}/dealer?q=${vin}`);
    await expect(page.locator('main table')).toHaveCount(0);
    await expect(page.getByText(`«${vin}»`)).toBeVisible();
  });
}

/** The dealer's steps 1–9 for a VIN and buyer, through the UI; returns the application's page URL. */
async function offer(page: import('@playwright/test').Page, dealer: string, vin: string, buyer: string, locale: 'kk' | 'ru') {
  await openKeys(page, dealer, locale);
  const key = await downloadKey(page, dealer, 'signing-legal');
  await signInAs(page, dealer, locale);
  await page.goto(`/${locale}/dealer/vehicle-registrations/new`);
  await page.locator('input[name="vin"]').fill(vin);
  await page.locator('main form button[type="submit"]').click();
  await page.locator('input[name="buyerIin"]').fill(buyer);
  await page.locator('main form button[type="submit"]').click();
  await page.getByTestId('open-sign-dialog').click();
  await signInDialogWithKeyFile(page.getByRole('dialog'), key, locale);
  await expect(page).toHaveURL(/\?signed=1$/);
  return page
    .url()
    .replace(/\?signed=1$/, '')
    .replace(/\/dealer\/vehicle-registrations\//, '/cabinet/vehicle/');
}

test('ru: step 14 — unpaid fines keep the application open: listed with amounts, how to pay; paid → re-check → on', async ({ browser }) => {
  const dealer = await (await browser.newContext()).newPage();
  const url = await offer(dealer, PERSONA.dealerAlatau, VIN.fines, PERSONA.buyerWithFines, 'ru');
  const buyer = await (await browser.newContext()).newPage();
  await signInAs(buyer, PERSONA.buyerWithFines, 'ru');
  await buyer.goto(url);
  await buyer.getByRole('button', { name: 'Принять и продолжить' }).click();
  await expect(buyer.getByText('У вас есть неоплаченные административные штрафы: оплатите их и подайте заявку снова.')).toBeVisible();
  await expect(buyer.getByText('Ожидает оплаты штрафов').first()).toBeVisible();
  await expect(buyer.getByTestId('fines').locator('li')).toHaveCount(2);
  await expect(buyer.getByTestId('fines').locator('li').first()).toContainText('₸');
  await expect(buyer.getByTestId('fines-total')).toContainText('₸');
  await expect(buyer.getByText('«Оплата штрафов» на eGov.kz', { exact: false })).toBeVisible();
  // Not paid yet: the re-check says so and the application keeps waiting.
  await buyer.getByRole('button', { name: 'Я оплатил, проверить снова' }).click();
  await expect(buyer.getByText('ещё не оплачены', { exact: false })).toBeVisible();
  await expectAccessible(buyer);
  // Paid (the demo's ERAP simulator), then checked again: the same application goes on to step 15.
  await buyer.getByRole('button', { name: 'Оплатить в симуляторе ЕРАП (демо)' }).click();
  await buyer.getByRole('button', { name: 'Я оплатил, проверить снова' }).click();
  await expect(buyer.getByText('В каком ЦОН вы получите документы и номера')).toBeVisible();
  await expect(buyer.getByTestId('fines')).toHaveCount(0);
});

test('kk: the buyer declines with a reason, the dealer sees it; another citizen cannot open the application', async ({ browser }) => {
  const dealer = await (await browser.newContext()).newPage();
  const url = await offer(dealer, PERSONA.dealerAstanaMotors, VIN.good3, PERSONA.buyerErlan, 'kk');
  const stranger = await (await browser.newContext()).newPage();
  await signInAs(stranger, PERSONA.citizenAigerim, 'kk');
  expect((await stranger.goto(url))?.status()).toBe(404);

  const buyer = await (await browser.newContext()).newPage();
  await signInAs(buyer, PERSONA.buyerErlan, 'kk');
  await buyer.goto(url);
  await buyer.getByRole('button', { name: 'Өтініштен бас тарту' }).click();
  await expect(buyer.getByText('Бас тарту себебін жазыңыз', { exact: false }).first()).toBeVisible();
  await buyer.getByLabel('Бас тарту себебі').fill('Басқа түсін таңдадым');
  await buyer.getByRole('button', { name: 'Өтініштен бас тарту' }).click();
  await expect(buyer.getByText('Сатып алушы бас тартты', { exact: false }).first()).toBeVisible();

  await dealer.goto(url.replace('/cabinet/vehicle/', '/dealer/vehicle-registrations/'));
  await expect(dealer.getByText('Басқа түсін таңдадым').first()).toBeVisible();
});
