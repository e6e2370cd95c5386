import { expect, test } from '@playwright/test';
import { connect } from '../db/client';
import { PERSONA } from '../db/seed/personas-ids';
import { payForPurpose } from '../lib/payments/purpose';
import { getRegistries } from '../lib/registries';
import { e2eDatabaseUrl, expectAccessible, signInAs, type Locale } from './fixtures';

/** An invoice for the citizen, made through the payments service as a pilot would make it. */
async function openInvoice(purposeKey: string, locale: Locale) {
  const { client, db } = connect(e2eDatabaseUrl(), 2);
  try {
    return await payForPurpose(db, getRegistries(db), {
      payerIin: PERSONA.citizenAigerim,
      purposeKey,
      feeCodes: ['id_card.duty'],
      descriptionKk: 'Жеке куәлікке мемлекеттік баж',
      descriptionRu: 'Госпошлина за удостоверение личности',
      returnPath: `/${locale}/cabinet/payments`,
    });
  } finally {
    await client.end();
  }
}

const text = {
  kk: {
    pay: 'Төлеу',
    decline: 'Бас тарту',
    paid: 'Төлем қабылданды',
    // Issue 15: the payer's own cancel is said as such, never "rejected".
    declined: 'Сіз төлемнен бас тарттыңыз',
    cancelledRow: 'Сіз бас тарттыңыз',
    notice: 'төлем қабылданды',
  },
  ru: {
    pay: 'Оплатить',
    decline: 'Отказаться',
    paid: 'Платёж принят',
    declined: 'Вы отменили оплату',
    cancelledRow: 'Отменён вами',
    notice: 'Оплата',
  },
};

for (const locale of ['kk', 'ru'] as const) {
  test(`payment round trip through the gateway page and the signed callback (${locale})`, async ({ page }) => {
    const t = text[locale];
    await signInAs(page, PERSONA.citizenAigerim, locale);
    const declined = await openInvoice(`e2e:${locale}:${Date.now()}:a`, locale);
    await page.goto(`/${locale}${declined.payUrl}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: t.decline }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/cabinet/payments\\?payment=${declined.paymentId}`));
    await expect(page.getByText(t.declined)).toBeVisible();
    await expect(page.locator('main table')).toContainText(t.cancelledRow);

    const paid = await openInvoice(`e2e:${locale}:${Date.now()}:b`, locale);
    await page.goto(`/${locale}${paid.payUrl}`);
    await expect(page.getByTestId('gateway-amount')).toContainText('₸');
    await page.getByRole('button', { name: t.pay }).click();
    await expect(page).toHaveURL(new RegExp(`payment=${paid.paymentId}`));
    await expect(page.getByText(t.paid, { exact: true })).toBeVisible();
    await expectAccessible(page);

    // The outbox worker delivers the notification in the background: the cabinet shows it shortly.
    await expect(async () => {
      await page.goto(`/${locale}/cabinet/notifications`);
      await expect(page.getByTestId('notifications')).toContainText(t.notice);
    }).toPass({ timeout: 30_000 });

    // Paying the same invoice again is impossible: the gateway page says it is completed.
    await page.goto(`/${locale}${paid.payUrl}`);
    await expect(page.getByRole('button', { name: t.pay })).toHaveCount(0);
  });
}
