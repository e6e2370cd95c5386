// Issue 17: the admin sees a stuck application on the home's alert line and on the operations page, with its masked
// applicant, its step and job, and retries it (RP DRN has not made the card yet: the retry says it still waits).
import { expect, test } from '@playwright/test';
import { eq, sql } from 'drizzle-orm';
import { connect } from '../db/client';
import { applications } from '../db/schema/applications';
import { idCardApplications } from '../db/schema/id-card';
import { productionOrders } from '../db/schema/registry';
import { REG_POINT, STAFF } from '../db/seed/personas-ids';
import { e2eDatabaseUrl, expectAccessible, signInAs, type Locale } from './fixtures';

/** An ID card in production for 25 hours whose RP DRN order never got made: stuck past its state's day. */
async function stuckCard(locale: Locale) {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  const number = `ID-E2E-OPS-${locale.toUpperCase()}-${Date.now() % 1_000_000}`;
  const iin = locale === 'kk' ? '000000000117' : '000000000217';
  try {
    const order = `RPD-${number}`;
    await db.insert(productionOrders).values({ id: order, kind: 'id_card', reference: number, status: 'registered', iin });
    const [app] = await db
      .insert(applications)
      .values({
        number,
        pilot: 'id_card',
        status: 'in_production',
        applicantIin: iin,
        regionCode: '01',
        registrationPointId: REG_POINT.astana1,
      })
      .returning();
    await db.insert(idCardApplications).values({
      applicationId: app!.id,
      iin,
      consentId: `consent-${number}`,
      currentCardNumber: '012345678',
      currentCardIssuedOn: '2016-01-10',
      currentCardExpiresOn: '2026-12-31',
      registrationPointId: REG_POINT.astana1,
      rpDrnTicket: order,
      productionOrderId: order,
      closedAt: new Date(), // not the person's open renewal: other specs never meet it
    });
    await db
      .update(applications)
      .set({ updatedAt: sql`now() - interval '25 hours'` })
      .where(eq(applications.id, app!.id));
    return { number, iin };
  } finally {
    await client.end();
  }
}

const text = {
  kk: {
    alert: /тұрып қалған өтініш/,
    open: 'Операцияларды ашу',
    retryFor: (n: string) => `${n} өтінішінің кезеңін қайталау`,
    waiting: /әлі күтуде/,
  },
  ru: { alert: /зависш/, open: 'Открыть операции', retryFor: (n: string) => `Повторить этап заявки ${n}`, waiting: /ещё ждёт/ },
} as const;

for (const locale of ['kk', 'ru'] as const) {
  test(`admin sees a stuck application and retries it (${locale})`, async ({ page }) => {
    const { number, iin } = await stuckCard(locale);
    await signInAs(page, STAFF.admin, locale);
    await page.goto(`/${locale}/admin`);
    await expect(page.getByTestId('ops-alert')).toContainText(text[locale].alert);
    await page.getByRole('link', { name: text[locale].open }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/admin/operations`));
    const row = page.getByRole('row', { name: new RegExp(number) });
    await expect(row).toBeVisible();
    await expect(row).not.toContainText(iin);
    await expect(row).toContainText(iin.slice(-4));
    await expectAccessible(page);
    await row.getByRole('button', { name: text[locale].retryFor(number) }).click();
    await expect(row.getByText(text[locale].waiting)).toBeVisible();
    await expectAccessible(page);
  });
}
