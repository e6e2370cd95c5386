import { expect, test } from '@playwright/test';
import { STAFF } from '../db/seed/personas-ids';
import { expectAccessible, signInAs } from './fixtures';

test.describe.configure({ mode: 'serial' });

test('admin sets a GBD FL outage, the simulator stops answering, clearing it brings it back', { tag: '@faults' }, async ({ page }) => {
  await signInAs(page, STAFF.admin, 'ru');
  await page.goto('/ru/admin/faults');
  await expectAccessible(page);
  const form = page.getByTestId('fault-gbd_fl');
  await form.getByLabel('Отказ').selectOption('now');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(form.getByText('Сохранено.')).toBeVisible();
  await page.getByRole('button', { name: 'Проверить систему: ГБД ФЛ' }).click();
  await expect(page.getByText('Система не отвечает.')).toBeVisible();
  await page.getByRole('button', { name: 'Снять все сбои' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Проверить систему: ГБД ФЛ' }).click();
  await expect(page.getByText('Система ответила.')).toBeVisible();
});

test('a bad fault value is explained in the admin’s language and the typed value stays', { tag: '@faults' }, async ({ page }) => {
  await signInAs(page, STAFF.admin, 'kk');
  await page.goto('/kk/admin/faults');
  const form = page.getByTestId('fault-bmg');
  await form.getByLabel('Кідіріс, мс').fill('абв');
  await form.getByRole('button', { name: 'Сақтау' }).click();
  await expect(form.getByText('Санды енгізіңіз.')).toBeVisible();
  await expect(form.getByLabel('Кідіріс, мс')).toHaveValue('абв');
});

test('admin edits reference data (MRP) and verifies the audit chain', async ({ page }) => {
  await signInAs(page, STAFF.admin, 'ru');
  await page.goto('/ru/admin/reference/mrp_values');
  await expectAccessible(page);
  await page.getByRole('link', { name: /Изменить 2027/ }).click();
  await page.getByLabel('Значение, ₸').fill('4600');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Сохранено.')).toBeVisible();
  await page.goto('/ru/admin/reference/mrp_values');
  await expect(page.getByRole('row', { name: /2027/ })).toContainText('4600');
  await page.goto('/ru/admin/audit');
  await expect(page.getByRole('cell', { name: 'reference.update' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Проверить цепочку' }).click();
  await expect(page.getByText(/Цепочка цела/)).toBeVisible();
  // Issues 14 and 16: how many rows wait for the sealer, and the last signed anchor (or that there is none yet).
  await expect(page.getByText(/Ещё не запечатано записей/)).toBeVisible();
  await expect(page.getByText(/Последняя подписанная отметка|Подписанных отметок ещё нет/)).toBeVisible();
  await expectAccessible(page);
});
