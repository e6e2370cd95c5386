// Issue 14: an admin disables an account on /admin/users (keyboard only, with a confirmation that can be
// cancelled); the person's open session ends at once and they cannot sign in again until enabled.
import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { connect } from '../db/client';
import { userRoles, users } from '../db/schema/people';
import { makeIin } from '../db/seed/iin-factory';
import { STAFF } from '../db/seed/personas-ids';
import { e2eDatabaseUrl, expectAccessible, signedIn } from './fixtures';

// A persona of this spec's own, so no other spec signs in as someone this one disables.
const iin = makeIin('1985-03-14', 'male', 9000 + randomInt(900));

test.beforeAll(async () => {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  try {
    const [u] = await db
      .insert(users)
      .values({ iin, surname: 'Сеансов', givenName: 'Тест', locale: 'ru', personaOrder: 9000, personaKk: 'E2E', personaRu: 'E2E' })
      .returning();
    await db.insert(userRoles).values({ userId: u!.id, role: 'supervisor' });
  } finally {
    await client.end();
  }
});

test.afterAll(async () => {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  try {
    await db.update(users).set({ personaOrder: null, active: true }).where(eq(users.iin, iin));
  } finally {
    await client.end();
  }
});

test('ru: the admin disables an account by keyboard; its session ends; it cannot sign in; enabling lets it in', async ({ browser }) => {
  const person = await signedIn(browser, iin, 'ru');
  await expect(person).toHaveURL(/\/ru\/monitoring/);

  const admin = await signedIn(browser, STAFF.admin, 'ru');
  await admin.goto('/ru/admin/users');
  await admin.getByLabel('ИИН или фамилия').fill(iin);
  await admin.getByLabel('ИИН или фамилия').press('Enter');
  await expect(admin).toHaveURL(/\/ru\/admin\/users\?s=/);
  expect(admin.url()).not.toContain(iin);
  const row = admin.getByRole('row', { name: /Тест Сеансов/ });
  await expect(row).toContainText('Активна');
  await expectAccessible(admin);

  const disable = row.getByRole('button', { name: 'Отключить учётную запись: Тест Сеансов' });
  await disable.focus();
  await admin.keyboard.press('Enter');
  const confirm = row.getByRole('button', { name: 'Да, отключить' });
  await expect(confirm).toBeFocused();
  await expect(row.getByText(/Все её сеансы завершатся сейчас/)).toBeVisible();
  await expectAccessible(admin);
  // Escape cancels and gives focus back: nothing was disabled.
  await admin.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(disable).toBeFocused();
  await admin.keyboard.press('Enter');
  await expect(confirm).toBeFocused();
  await admin.keyboard.press('Enter');
  await expect(row.getByText('Учётная запись отключена, её сеансы завершены.')).toBeVisible();
  await expect(row).toContainText('Отключена');

  // The person's next request finds the session over.
  await person.reload();
  await expect(person).toHaveURL(/\/ru\/sign-in/);
  await person.locator(`button[data-persona="${iin}"]`).click();
  await expect(person.getByText('Учётная запись отключена администратором. Обратитесь к администратору портала.')).toBeVisible();

  await row.getByRole('button', { name: 'Включить' }).click();
  await expect(row.getByText('Учётная запись включена.')).toBeVisible();
  await person.locator(`button[data-persona="${iin}"]`).click();
  await expect(person).toHaveURL(/\/ru\/monitoring/);
});
