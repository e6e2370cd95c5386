// The akimat's side of the machinery pilot (orders 001/004, p.10–14) on the demo seed: the dashboard puts the
// overdue application first; a reviewer approves one with the technical passport, a free plate and EDS (kk);
// another akimat's reviewer refuses one with a reason and a comment, signed (ru); out of scope is not found.
import { expect, test } from '@playwright/test';
import { STAFF } from '../db/seed/personas-ids';
import { signInDialogWithKeyFile, signingKeyOf } from './eds';
import { expectAccessible, signedIn } from './fixtures';

test.describe.configure({ mode: 'serial' });

const yesterday = () => new Date(Date.now() + 5 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

test('kk: the overdue application is first; the reviewer approves it with a free plate and EDS', async ({ browser }) => {
  test.setTimeout(120_000);
  const key = await signingKeyOf(browser, STAFF.akimatBostandyq, 'kk');
  const reviewer = await signedIn(browser, STAFF.akimatBostandyq, 'kk');
  await reviewer.goto('/kk/akimat');
  await expect(reviewer).toHaveTitle(/Ауыл шаруашылығы техникасын тіркеуге өтінімдер/);
  await expectAccessible(reviewer);
  const first = reviewer.locator('tbody tr').first();
  await expect(first).toContainText('Мерзімі');
  await expect(first).toContainText('өтті');
  const number = (await first.getByTestId('akimat-row').textContent())!.trim();
  await first.getByTestId('akimat-row').click();
  await reviewer.waitForURL(/\/kk\/akimat\/[0-9a-f-]{36}$/);
  await expect(reviewer.getByText(number).first()).toBeVisible();
  await expect(reviewer.getByTestId('scan-link').first()).toBeVisible();
  // The front office's EDS over the e-application (the demo seed's, made with the worker's demo key), verified now.
  await expect(reviewer.getByText('Қолтаңба жарамды')).toBeVisible();
  await expectAccessible(reviewer);

  await reviewer.getByLabel('Техникалық паспорттың нөмірі').fill('02tp 0777001');
  await reviewer.getByLabel('Техникалық паспорттың берілген күні').fill(yesterday());
  await reviewer.getByTestId('approve-plate').fill('T 5004 10');
  await reviewer.getByRole('button', { name: 'Тексеру және қол қоюға дайындау' }).first().click();
  await expect(reviewer.getByText('Нөмірлік белгі әкімдіктің өңіріне тиесілі емес.').first()).toBeVisible();
  // A free plate of the region from the archive's hint.
  await reviewer
    .getByRole('button', { name: /^C 50\d\d 02$/ })
    .first()
    .click();
  await reviewer.getByTestId('open-sign-dialog').click();
  await signInDialogWithKeyFile(reviewer.getByRole('dialog'), key, 'kk');
  await expect(reviewer.getByText('Өтінім бекітілді. Өтініш берушіге SMS-хабарлама жіберіледі.')).toBeVisible();
  await expect(reviewer.getByText('02TP0777001', { exact: false }).first()).toBeVisible();

  // Another akimat's reviewer: not found.
  const stranger = await signedIn(browser, STAFF.akimatFedorov, 'kk');
  expect((await stranger.goto(reviewer.url().replace(/^https?:\/\/[^/]+/, '')))?.status()).toBe(404);
  for (const p of [reviewer, stranger]) await p.context().close();
});

test('ru: the Fedorov reviewer refuses an application with a reason and a comment, signed', async ({ browser }) => {
  test.setTimeout(120_000);
  const key = await signingKeyOf(browser, STAFF.akimatFedorov, 'ru');
  const reviewer = await signedIn(browser, STAFF.akimatFedorov, 'ru');
  await reviewer.goto('/ru/akimat');
  await expect(reviewer.getByTestId('akimat-counts')).toContainText('Просрочено');
  const row = reviewer.locator('tbody tr').nth(1);
  await row.getByTestId('akimat-row').click();
  await reviewer.waitForURL(/\/ru\/akimat\/[0-9a-f-]{36}$/);
  await expectAccessible(reviewer);
  await reviewer.getByRole('button', { name: 'Проверить и подготовить к подписи' }).last().click();
  await expect(reviewer.getByText('Выберите причину отказа из списка.').first()).toBeVisible();
  await reviewer.getByLabel('Причина отказа').selectOption('documents_inconsistent');
  // Once both are right the form is ready to sign (the check stays on).
  await reviewer.getByLabel('Комментарий').fill('Договор купли-продажи не подписан продавцом');
  await reviewer.getByTestId('open-sign-dialog').click();
  await signInDialogWithKeyFile(reviewer.getByRole('dialog'), key, 'ru');
  await expect(reviewer.getByText('Мотивированный отказ оформлен.', { exact: false })).toBeVisible();
  await expect(reviewer.getByText('Договор купли-продажи не подписан продавцом')).toBeVisible();
  await reviewer.context().close();
});
