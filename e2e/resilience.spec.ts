// Issue 15, "nothing is lost, nothing crashes": a localized 404 in the site's layout; an oversized phone photo is
// the field's message and the page keeps its header and language; what was typed (not yet saved) survives a
// language switch and an upload. Both locales.
import { expect, test, type Page } from '@playwright/test';
import kk from '../messages/kk.json' with { type: 'json' };
import ru from '../messages/ru.json' with { type: 'json' };
import { PERSONA, REG_POINT } from '../db/seed/personas-ids';
import { ALL_PEOPLE } from '../db/seed/people';
import { phoneFor } from '../db/seed/people-model';
import { portraitJpeg } from '../tests/support/images';
import { connect } from '../db/client';
import { payForPurpose } from '../lib/payments/purpose';
import { getRegistries } from '../lib/registries';
import { e2eDatabaseUrl, expectAccessible, signedIn, signInAs, type Locale } from './fixtures';

const M = { kk, ru } as const;
const LANGUAGE = { kk: 'Қазақша', ru: 'Русский' } as const;

for (const locale of ['kk', 'ru'] as const) {
  test(`${locale}: an unknown address is a localized 404 with the site's header and lang=${locale}`, async ({ page }) => {
    const response = await page.goto(`/${locale}/no-such`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1, name: M[locale].NotFound.title })).toBeVisible();
    await expect(page.locator('header').getByRole('navigation', { name: M[locale].Common.switchTo })).toBeVisible();
    await expect(page.getByTestId('not-found').getByRole('link', { name: M[locale].NotFound.home })).toBeVisible();
    await expectAccessible(page);
  });
}

/** A phone photo of a few megabytes that the browser cannot shrink (not a real picture): refused in the field. */
const tooLarge = () => {
  const bytes = Buffer.alloc(3 * 1024 * 1024, 0x5a);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return { name: 'IMG_2024.jpg', mimeType: 'image/jpeg', buffer: bytes };
};

async function startRenewal(page: Page, locale: Locale, iin: string) {
  const t = M[locale].IdCard;
  await page.goto(`/${locale}/cabinet/id-card`);
  // A retry finds the draft the first attempt started: go on with it.
  const open = page.getByRole('link', { name: t.openApplication });
  if (await open.count()) {
    await open.click();
    await page.waitForURL(/\/cabinet\/id-card\/[0-9a-f-]{36}$/);
    return;
  }
  await page.getByRole('button', { name: t.askConsent }).click();
  await page.waitForURL(/\?consent=\d+$/);
  await page.getByLabel(t.consent).check();
  await page.getByLabel(t.bmgPhone).fill(ALL_PEOPLE.find((p) => p.iin === iin)?.phone ?? phoneFor(iin));
  await page.getByRole('button', { name: t.start }).click();
  await page.waitForURL(/\/cabinet\/id-card\/[0-9a-f-]{36}$/);
}

async function expectTyped(page: Page, locale: Locale, email: string) {
  const t = M[locale].IdCard;
  await expect(page.getByLabel(t.point)).toHaveValue(String(REG_POINT.almaty1));
  await expect(page.getByLabel(t.email)).toHaveValue(email);
}

test('unsaved ID-card form values survive a language switch and uploads; an oversized photo is the field’s message', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, PERSONA.idCardRpDrnRefused, 'kk');
  await startRenewal(page, 'kk', PERSONA.idCardRpDrnRefused);
  const email = 'aliya@example.kz';
  await page.getByLabel(kk.IdCard.point).selectOption(String(REG_POINT.almaty1));
  await page.getByLabel(kk.IdCard.email).fill(email);

  // The language switch rebuilds the page in Russian: the unsaved values come back.
  await page.locator('header').getByRole('link', { name: LANGUAGE.ru }).click();
  await page.waitForURL(/\/ru\/cabinet\/id-card\//);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expectTyped(page, 'ru', email);

  for (const locale of ['ru', 'kk'] as const) {
    const t = M[locale];
    const photoForm = page.locator('form', { has: page.getByLabel(t.IdCard.photoFile) });
    // The file input speaks the page's language, whatever the browser's.
    await expect(photoForm.getByText(t.Common.noFileChosen)).toBeVisible();
    await photoForm.getByLabel(t.IdCard.photoFile).setInputFiles(tooLarge());
    await expect(photoForm.getByText(t.Common.fileChosen.replace('{name}', 'IMG_2024.jpg'))).toBeVisible();
    await photoForm.getByRole('button', { name: t.IdCard.upload }).click();
    await expect(photoForm.getByText(t.Errors.file_too_large)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('header').getByRole('navigation', { name: t.Common.switchTo })).toBeVisible();
    await expectTyped(page, locale, email);
    await expectAccessible(page);
    if (locale === 'ru') {
      await page.locator('header').getByRole('link', { name: LANGUAGE.kk }).click();
      await page.waitForURL(/\/kk\/cabinet\/id-card\//);
      await expectTyped(page, 'kk', email);
    }
  }

  // A good photo is accepted and the page refreshes in place: the form above keeps what was typed.
  const photoForm = page.locator('form', { has: page.getByLabel(kk.IdCard.photoFile) });
  await photoForm
    .getByLabel(kk.IdCard.photoFile)
    .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await portraitJpeg() });
  await photoForm.getByRole('button', { name: kk.IdCard.upload }).click();
  await expect(page.getByRole('heading', { name: kk.IdCard.saved_photo })).toBeVisible();
  await expectTyped(page, 'kk', email);
  await page.reload();
  await expectTyped(page, 'kk', email);
  await page.context().close();
});

/** An invoice for the citizen, made through the payments service as a pilot would make it. */
async function openInvoice(locale: Locale) {
  const { client, db } = connect(e2eDatabaseUrl(), 2);
  try {
    return await payForPurpose(db, getRegistries(db), {
      payerIin: PERSONA.citizenAigerim,
      purposeKey: `e2e:resilience:${locale}:${Date.now()}`,
      feeCodes: ['id_card.duty'],
      descriptionKk: 'Жеке куәлікке мемлекеттік баж',
      descriptionRu: 'Госпошлина за удостоверение личности',
      returnPath: `/${locale}/cabinet/payments`,
    });
  } finally {
    await client.end();
  }
}

for (const locale of ['kk', 'ru'] as const) {
  test(`${locale}: Back after paying shows the invoice as completed, not a live Pay button`, async ({ page }) => {
    const t = M[locale].Gateway;
    await signInAs(page, PERSONA.citizenAigerim, locale);
    const invoice = await openInvoice(locale);
    await page.goto(`/${locale}${invoice.payUrl}`);
    await page.getByRole('button', { name: t.pay, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`payment=${invoice.paymentId}`));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/gateway/pay/`));
    await expect(page.getByText(t.alreadyCompleted)).toBeVisible();
    await expect(page.getByRole('button', { name: t.pay, exact: true })).toHaveCount(0);
  });
}
