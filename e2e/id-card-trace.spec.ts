// Order 002 p.7 in both languages: outside the window the citizen reads the order's words and the nearest CONs
// (those of the registered region, with address and hours).
import { expect, test } from '@playwright/test';
import { PERSONA } from '../db/seed/personas-ids';
import { expectAccessible, signInAs } from './fixtures';

const cases = [
  {
    locale: 'ru',
    who: PERSONA.idCardTooLate, // Astana
    consent: 'Я даю согласие на доступ к моим персональным данным',
    start: 'Согласиться и начать проверку',
    text: 'оформление не доступно, обратитесь в ЦОН',
    centre: ['пр. Мангилик Ел, 8', 'Пн–Пт 09:00–20:00, Сб 09:00–13:00'],
  },
  {
    locale: 'kk',
    who: PERSONA.idCardTooEarly, // Karaganda
    consent: 'Дербес деректеріме қол жеткізуге келісемін',
    start: 'Келісемін және тексеруді бастау',
    text: 'рәсімдеу қолжетімсіз, ХҚКО-ға жүгініңіз',
    centre: ['Бұқар жырау даңғылы, 47', 'Дс–Жм 09:00–20:00, Сн 09:00–13:00'],
  },
] as const;

for (const c of cases) {
  test(`${c.locale}: outside the window — the order's message and the nearest CONs of the registered region`, async ({ page }) => {
    await signInAs(page, c.who, c.locale);
    await page.goto(`/${c.locale}/cabinet/id-card`);
    await page.getByLabel(c.consent).check();
    await page.getByRole('button', { name: c.start }).click();
    const notice = page.getByText(c.text, { exact: false }).first();
    await expect(notice).toBeVisible();
    for (const part of c.centre) await expect(page.getByText(part, { exact: false }).first()).toBeVisible();
    await expectAccessible(page);
  });
}

test('ru: step 9 — the photo and the signature sample come with their instructions on the page', async ({ page }) => {
  await signInAs(page, PERSONA.idCardFaceMismatch, 'ru'); // eligible for steps 1–7 (Kostanay); no other spec uses this person
  await page.goto('/ru/cabinet/id-card');
  await page.getByLabel(cases[0].consent).check();
  await page.getByRole('button', { name: cases[0].start }).click();
  await page.waitForURL(/\/cabinet\/id-card\/[0-9a-f-]{36}$/);
  const rules = page.getByRole('list', { name: 'Требования к фотографии' });
  await expect(rules).toContainText('пропорции 3:4');
  await expect(rules).toContainText('Светлый однотонный фон');
  await expect(page.getByText('Фото или скан подписи на белом листе', { exact: false })).toBeVisible();
  await expectAccessible(page);
});
