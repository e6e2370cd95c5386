import { expect, test, type Page } from '@playwright/test';
import { BIN, PERSONA, STAFF } from '../db/seed/personas-ids';
import { asLegacyKeyFile, downloadKey, openKeys, startFakeNcaLayer, type KeyFile } from './eds';
import { expectAccessible, signInAs } from './fixtures';

test.describe.configure({ mode: 'serial' });

test('a citizen signs in with their key file; a wrong password and a signing key are refused in their language', async ({ page }) => {
  await openKeys(page, PERSONA.citizenAigerim, 'kk');
  const auth = await downloadKey(page, PERSONA.citizenAigerim, 'authentication');
  const signing = await downloadKey(page, PERSONA.citizenAigerim, 'signing');
  const form = page.locator('form', { has: page.getByLabel('Аутентификация кілті (.p12)') });

  await form
    .getByLabel('Аутентификация кілті (.p12)')
    .setInputFiles({ name: auth.name, mimeType: 'application/x-pkcs12', buffer: auth.buffer });
  await form.getByLabel('Кілттің құпиясөзі').fill('not-the-password');
  await form.getByRole('button', { name: 'Кілтпен кіру' }).click();
  await expect(page.getByText('Кілттің құпиясөзі қате.')).toBeVisible();

  await form
    .getByLabel('Аутентификация кілті (.p12)')
    .setInputFiles({ name: signing.name, mimeType: 'application/x-pkcs12', buffer: signing.buffer });
  await form.getByLabel('Кілттің құпиясөзі').fill(signing.password);
  await form.getByRole('button', { name: 'Кілтпен кіру' }).click();
  await expect(page.getByText('Кіру үшін AUTH_RSA256_… аутентификация кілтін таңдаңыз.')).toBeVisible();

  await form
    .getByLabel('Аутентификация кілті (.p12)')
    .setInputFiles({ name: auth.name, mimeType: 'application/x-pkcs12', buffer: auth.buffer });
  await form.getByLabel('Кілттің құпиясөзі').fill(auth.password);
  await form.getByRole('button', { name: 'Кілтпен кіру' }).click();
  await expect(page).toHaveURL(/\/kk\/cabinet$/);
  await expect(page.getByTestId('actor-name')).toBeVisible();
});

test('a key file in the legacy NUC scheme (3DES key, RC2-40 certificates) signs in and signs a document (ru)', async ({ page }) => {
  await openKeys(page, PERSONA.citizenAigerim, 'ru');
  const auth = await asLegacyKeyFile(await downloadKey(page, PERSONA.citizenAigerim, 'authentication'));
  const signing = await asLegacyKeyFile(await downloadKey(page, PERSONA.citizenAigerim, 'signing'));

  const form = page.locator('form', { has: page.getByLabel('Ключ аутентификации (.p12)') });
  await form
    .getByLabel('Ключ аутентификации (.p12)')
    .setInputFiles({ name: auth.name, mimeType: 'application/x-pkcs12', buffer: auth.buffer });
  await form.getByLabel('Пароль ключа').fill('not-the-password');
  await form.getByRole('button', { name: 'Войти с ключом' }).click();
  await expect(page.getByText('Неверный пароль ключа.')).toBeVisible();
  await form.getByLabel('Пароль ключа').fill(auth.password);
  await form.getByRole('button', { name: 'Войти с ключом' }).click();
  await expect(page).toHaveURL(/\/ru\/cabinet$/);

  const dialog = await openSignDialog(page, 'ru');
  await dialog.getByLabel('Файл ключа').check();
  await dialog
    .getByLabel('Ключ подписи (.p12)')
    .setInputFiles({ name: signing.name, mimeType: 'application/x-pkcs12', buffer: signing.buffer });
  await dialog.getByLabel('Пароль ключа').fill(signing.password);
  await dialog.getByRole('button', { name: 'Подписать', exact: true }).click();
  await expect(page).toHaveURL(/\/ru\/signature\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('verify-code')).toHaveText(/^[A-Z2-9]{10}$/);
  // The demo PKI is the portal's own CA: its revocation table answered, and the report says so.
  await expect(page.getByText('Проверен по списку отозванных сертификатов портала')).toBeVisible();
});

test('a staff member signs in through NCALayer (fake NCALayer signs with their authentication key)', async ({ page, browser }) => {
  await openKeys(page, STAFF.umsKostanay, 'ru');
  const auth = await downloadKey(page, STAFF.umsKostanay, 'authentication');
  const nca = await startFakeNcaLayer(auth);
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const p = await context.newPage();
    await p.goto('/ru/sign-in');
    await p.getByRole('button', { name: 'Войти через NCALayer' }).click();
    await expect(p).toHaveURL(/\/ru\/ums$/);
    expect(nca.requests).toHaveLength(1);
    await context.close();
  } finally {
    await nca.close();
  }
});

test('without NCALayer running, the person is told so', async ({ page }) => {
  await page.goto('/kk/sign-in');
  await page.getByRole('button', { name: 'NCALayer арқылы кіру' }).click();
  await expect(page.getByText('NCALayer іске қосылмаған. Бағдарламаны іске қосып, қайталап көріңіз.')).toBeVisible();
});

test('a revoked certificate cannot sign in', async ({ page, browser }) => {
  await openKeys(page, PERSONA.studentPartTime, 'ru');
  const auth = await downloadKey(page, PERSONA.studentPartTime, 'authentication');
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto('/ru/sign-in');
  await admin.locator(`button[data-persona="${STAFF.admin}"]`).click();
  await admin.waitForURL(/\/ru\/admin$/);
  await admin.goto('/ru/admin/certificates');
  // The IIN is posted and comes back as an opaque token: it never appears in the address (issue 14).
  await admin.getByLabel('ИИН, БИН или серийный номер').fill(PERSONA.studentPartTime);
  await admin.getByRole('button', { name: 'Найти' }).click();
  await admin.waitForURL(/\/ru\/admin\/certificates\?s=/);
  expect(admin.url()).not.toContain(PERSONA.studentPartTime);
  await expectAccessible(admin);
  const row = admin.getByRole('row', { name: /Аутентификация/ }).first();
  await row.getByLabel('Причина').selectOption('keyCompromise');
  await row.getByRole('button', { name: 'Отозвать' }).click();
  await expect(admin.getByText('Сертификат отозван.')).toBeVisible();
  await adminContext.close();

  const form = page.locator('form', { has: page.getByLabel('Ключ аутентификации (.p12)') });
  await form
    .getByLabel('Ключ аутентификации (.p12)')
    .setInputFiles({ name: auth.name, mimeType: 'application/x-pkcs12', buffer: auth.buffer });
  await form.getByLabel('Пароль ключа').fill(auth.password);
  await form.getByRole('button', { name: 'Войти с ключом' }).click();
  await expect(page.getByText('Сертификат отозван. Получите новый ключ в НУЦ.')).toBeVisible();
  await expect(page).toHaveURL(/\/ru\/sign-in/);
});

/** Opens the signing dialog of one identity card on /signature ('person' or a BIN). */
async function openSignDialog(page: Page, locale: 'kk' | 'ru', identity = 'person') {
  await page.goto(`/${locale}/signature`);
  await page.locator(`[data-identity="${identity}"]`).getByTestId('open-sign-dialog').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('document-hash')).toHaveText(/^[0-9a-f]{64}$/);
  return dialog;
}

test('a citizen signs a document with their key file; the wrong key and another person’s key are refused first (kk)', async ({ page }) => {
  await openKeys(page, PERSONA.citizenAigerim, 'kk');
  const signing = await downloadKey(page, PERSONA.citizenAigerim, 'signing');
  const auth = await downloadKey(page, PERSONA.citizenAigerim, 'authentication');
  await openKeys(page, PERSONA.buyerErlan, 'kk');
  const someoneElse = await downloadKey(page, PERSONA.buyerErlan, 'signing');
  await signInAs(page, PERSONA.citizenAigerim, 'kk');

  const dialog = await openSignDialog(page, 'kk');
  await expect(dialog).toContainText('Сіз қол қоятын құжат');
  await expect(dialog).toContainText(PERSONA.citizenAigerim);
  await expectAccessible(page);
  await dialog.getByLabel('Кілт файлы').check();
  const useKey = async (key: KeyFile) => {
    await dialog.getByLabel('Қол қою кілті (.p12)').setInputFiles({ name: key.name, mimeType: 'application/x-pkcs12', buffer: key.buffer });
    await dialog.getByLabel('Кілттің құпиясөзі').fill(key.password);
    await dialog.getByRole('button', { name: 'Қол қою', exact: true }).click();
  };
  await useKey(auth);
  await expect(dialog.getByText('Қол қою үшін RSA256_… қол қою кілтін таңдаңыз.')).toBeVisible();
  await useKey(someoneElse);
  await expect(dialog.getByText('Қолтаңба басқа адамдікі.')).toBeVisible();
  await useKey(signing);

  await expect(page).toHaveURL(/\/kk\/signature\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Қолтаңба жарамды', { exact: false })).toBeVisible();
  await expect(page.getByTestId('verify-qr').locator('svg')).toBeVisible();
  const code = (await page.getByTestId('verify-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{10}$/);
  await expectAccessible(page);

  await page.getByTestId('verify-link').click();
  const result = page.getByTestId('verify-result');
  await expect(result).toContainText('Қазір жарамды');
  await expect(result).toContainText('Өтініш беруші');
  await expect(result).toContainText('Порталдың кері қайтарылған сертификаттар тізімі бойынша тексерілді');
  await expect(result).not.toContainText(PERSONA.citizenAigerim);
  await expectAccessible(page);
});

test('a dealer employee signs as the organisation through NCALayer; anyone can verify it without signing in (ru)', async ({
  page,
  browser,
}) => {
  await openKeys(page, PERSONA.dealerAstanaMotors, 'ru');
  const key = await downloadKey(page, PERSONA.dealerAstanaMotors, 'signing-legal');
  const nca = await startFakeNcaLayer(key);
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const p = await context.newPage();
    await signInAs(p, PERSONA.dealerAstanaMotors, 'ru');
    const dialog = await openSignDialog(p, 'ru', BIN.astanaMotors);
    await expect(dialog).toContainText(BIN.astanaMotors);
    await dialog.getByRole('button', { name: 'Подписать', exact: true }).click();
    await expect(p).toHaveURL(/\/ru\/signature\/[0-9a-f-]{36}$/);
    expect(nca.requests).toHaveLength(1);
    expect(nca.requests[0]).toMatchObject({
      module: 'kz.gov.pki.knca.basics',
      method: 'sign',
      args: { format: 'cms', signerParams: { iin: PERSONA.dealerAstanaMotors, bin: BIN.astanaMotors } },
    });
    const verifyHref = await p.getByTestId('verify-link').getAttribute('href');

    // The public page, in a browser that never signed in.
    await page.context().clearCookies();
    await page.goto(verifyHref!);
    const result = page.getByTestId('verify-result');
    await expect(result).toContainText('Действительна сейчас');
    await expect(result).toContainText('Продавец (дилер)');
    await expect(result).toContainText(BIN.astanaMotors);
    await expect(result).not.toContainText(PERSONA.dealerAstanaMotors);
    await expectAccessible(page);
  } finally {
    await context.close();
    await nca.close();
  }
});

test('the verification page says so when the number and code do not match (kk)', async ({ page }) => {
  await page.goto('/kk/verify?number=VR-2026-000001&code=ABCDEFGHJK');
  await expect(page.getByText('Қолтаңба табылмады')).toBeVisible();
  await expectAccessible(page);
});
