// Vehicle registration, the seller part (order 000 steps 1–9) in both languages, as a dealer employee sees it.
import { expect, test } from '@playwright/test';
import { makeIin } from '../db/seed/iin-factory';
import { BIN, PERSONA, VIN } from '../db/seed/personas-ids';
import { downloadKey, openKeys, signInDialogWithKeyFile } from './eds';
import { expectAccessible, signInAs } from './fixtures';

test('kk: checks run one by one, each "no" shows the order’s message, then the dealer signs with the organisation key', async ({
  page,
}) => {
  await openKeys(page, PERSONA.dealerAstanaMotors, 'kk');
  const key = await downloadKey(page, PERSONA.dealerAstanaMotors, 'signing-legal');
  await signInAs(page, PERSONA.dealerAstanaMotors, 'kk');
  await expect(page).toHaveURL(/\/kk\/dealer$/);
  await page.getByTestId('new-registration').click();
  await expect(page.getByTestId('check-lines')).toContainText('Ұйымның ЭҚЖЖ-сы көлік құралдарын сатуға мүмкіндік береді');
  await expectAccessible(page);

  const vin = page.getByLabel('VIN (көлік құралының сәйкестендіру нөмірі)');
  await vin.fill('KMHJ381A5TU2010O1');
  await page.getByRole('button', { name: 'Көлікті тексеру' }).click();
  await expect(page.getByRole('alert').first()).toContainText('VIN — 17 таңба');
  await expect(vin).toHaveValue('KMHJ381A5TU2010O1'); // what was typed stays

  await vin.fill(VIN.noCustoms);
  await page.getByRole('button', { name: 'Көлікті тексеру' }).click();
  await expect(page.getByText('Бұл көлік құралы бойынша кедендік төлемдер табылмады; қызмет көрсетілмейді.')).toBeVisible();
  await expect(page.getByTestId('check-lines').last()).toContainText('Электрондық паспорт табылды');
  await expect(vin).toHaveValue(VIN.noCustoms);

  await vin.fill(VIN.good2.toLowerCase());
  await page.getByRole('button', { name: 'Көлікті тексеру' }).click();
  await expect(page).toHaveURL(/\/kk\/dealer\/vehicle-registrations\/[0-9a-f-]{36}\/buyer$/);
  const iin = page.getByLabel('Сатып алушының ЖСН-і');
  await iin.fill('900101300127');
  await page.getByRole('button', { name: 'Сатып алушы мен шартты тексеру' }).click();
  // Wait for this answer itself (not any alert): typing before it arrives would be re-rendered away by it.
  await expect(page.getByRole('alert').first()).toContainText('ЖСН дұрыс емес');
  await iin.fill(makeIin('1991-05-05', 'male', 9876)); // valid, but nobody in GBD FL
  await page.getByRole('button', { name: 'Сатып алушы мен шартты тексеру' }).click();
  await expect(page.getByText('Сатып алушының ЖСН-ін тексеріңіз', { exact: false }).first()).toBeVisible();
  await expect(iin).toBeEditable();
  await iin.fill(PERSONA.buyerErlan);
  await page.getByRole('button', { name: 'Сатып алушы мен шартты тексеру' }).click();

  await expect(page.getByRole('heading', { name: 'Деректерді тексеріп, қол қойыңыз' })).toBeVisible();
  await expect(page.getByText(PERSONA.buyerErlan).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('open-sign-dialog').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(VIN.good2);
  await signInDialogWithKeyFile(dialog, key, 'kk');
  await expect(page.getByText('Өтінішке қол қойылды және сатып алушыға жіберілді')).toBeVisible();
  await expect(page.getByText('Сатып алушыны күтуде', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Өтініш тарихы' })).toContainText('Сатушы ЭЦҚ-мен қол қойды');

  await page.getByRole('link', { name: 'Сатушының қолтаңбасын тексеру' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('Қазір жарамды');
  await expect(page.getByTestId('verify-result')).toContainText(BIN.astanaMotors);
});

test('ru: a shop without a vehicle-trade OKED is told at step 1 and gets no VIN form', async ({ page }) => {
  await signInAs(page, PERSONA.dealerNoOked, 'ru');
  await page.goto('/ru/dealer/vehicle-registrations/new');
  await expect(
    page.getByText(
      'Услуга не может быть оказана: код вида деятельности организации (ОКЭД) не предусматривает продажу транспортных средств.',
    ),
  ).toBeVisible();
  await expect(page.getByLabel('VIN (идентификационный номер транспортного средства)')).toHaveCount(0);
  await expectAccessible(page);
});

test('ru: no sale contract stops at step 8; the dealer cancels; another dealer cannot open it', async ({ page, browser }) => {
  await signInAs(page, PERSONA.dealerAstanaMotors, 'ru');
  await page.goto('/ru/dealer/vehicle-registrations/new');
  await page.getByLabel('VIN (идентификационный номер транспортного средства)').fill(VIN.noContract);
  await page.getByRole('button', { name: 'Проверить транспортное средство' }).click();
  await page.getByLabel('ИИН покупателя').fill(PERSONA.buyerErlan);
  await page.getByRole('button', { name: 'Проверить покупателя и договор' }).click();
  await expect(
    page.getByText('Договор купли-продажи для этого продавца, покупателя и VIN не найден; услуга не может быть оказана.'),
  ).toBeVisible();
  const url = page.url().replace(/\/buyer$/, '');

  const other = await browser.newContext();
  const foreign = await other.newPage();
  await signInAs(foreign, PERSONA.dealerAlatau, 'ru');
  expect((await foreign.goto(url))?.status()).toBe(404);
  await other.close();

  await page.goto(url);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Отменить заявку' }).click();
  await expect(page.getByText('Отозвано дилером').first()).toBeVisible();
  await page.goto(`/ru/dealer?q=${VIN.noContract}`);
  await expect(page.getByRole('table')).toContainText(VIN.noContract);
  await expectAccessible(page);
});
