// What people print is a document (issue 15): the CON reception's queue ticket prints alone — no header, no menus,
// no language switch, no buttons, none of the reception page's other sections — with the portal's name, what the
// ticket is for, its code and the time it was printed. Both languages; the print medium is emulated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { connect } from '../db/client';
import { PERSONA, STAFF } from '../db/seed/personas-ids';
import { payForPurpose } from '../lib/payments/purpose';
import { getRegistries } from '../lib/registries';
import { e2eDatabaseUrl, expectAccessible, expectNoRawCodes, locales, signedIn } from './fixtures';

type Catalogue = Record<string, Record<string, unknown>>;
const messages = (locale: string) => JSON.parse(readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8')) as Catalogue;

for (const locale of locales) {
  test(`the reception's queue ticket prints alone (${locale})`, async ({ browser }) => {
    const m = messages(locale);
    const reception = m.MachineryIntake!.reception as Record<string, string>;
    const print = m.Print as Record<string, string>;
    const vehicle = m.Vehicle as Record<string, string>;
    const page = await signedIn(browser, STAFF.conReceptionKostanay, locale);
    await page.goto(`/${locale}/reception`);
    await page.getByRole('button', { name: reception.issue }).click();
    const ticket = page.getByTestId('printable-ticket');
    await expect(ticket).toBeVisible();
    const code = (await ticket.locator('p.font-mono').textContent())!.trim();
    expect(code).toMatch(/^M-\d{3}$/);

    // On screen: the whole reception page, the ticket with its print button; the printed-only lines are hidden.
    await expect(page.locator('body > header')).toBeVisible();
    await expect(page.getByRole('heading', { name: vehicle.receptionTitle })).toBeVisible();
    await expect(ticket.getByRole('button', { name: print.printTicket })).toBeVisible();
    await expect(ticket.getByText(m.Common!.portalName as string, { exact: true })).toBeHidden();
    const languageSwitch = page.locator('a[hreflang]').first();
    await expect(languageSwitch).toBeVisible();
    await expectAccessible(page);
    await expectNoRawCodes(page);

    await page.emulateMedia({ media: 'print' });
    await expect(ticket).toBeVisible();
    await expect(ticket.getByText(code, { exact: true })).toBeVisible();
    await expect(ticket.getByText(print.machineryTicket!, { exact: true })).toBeVisible();
    await expect(ticket.getByText(m.Common!.portalName as string, { exact: true })).toBeVisible();
    await expect(ticket.getByText(new RegExp(`^${print.printedAt!.replace('{at}', '')}\\d{2}\\.\\d{2}\\.\\d{4}`))).toBeVisible();
    // Nothing else: not the portal's header and footer, not the page's title, sections, notices or buttons.
    await expect(page.locator('body > header')).toBeHidden();
    await expect(page.locator('body > footer')).toBeHidden();
    await expect(languageSwitch).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
    await expect(page.getByRole('heading', { name: vehicle.receptionTitle })).toBeHidden();
    await expect(page.getByRole('button', { name: reception.issue })).toBeHidden();
    await expect(page.getByRole('button', { name: print.printTicket })).toBeHidden();
    // What prints is exactly the ticket's text.
    const printed = (await page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
    expect(printed).toBe((await ticket.innerText()).replace(/\s+/g, ' ').trim());
    expect(printed).toContain(code);

    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('body > header')).toBeVisible();
    await page.context().close();
  });
}

/** An invoice for the citizen, made through the payments service as a pilot would make it. */
async function openInvoice(payerIin: string, locale: string) {
  const { client, db } = connect(e2eDatabaseUrl(), 2);
  try {
    return await payForPurpose(db, getRegistries(db), {
      payerIin,
      purposeKey: `e2e:receipt:${locale}:${Date.now()}`,
      feeCodes: ['id_card.duty'],
      descriptionKk: 'Жеке куәлікке мемлекеттік баж',
      descriptionRu: 'Госпошлина за удостоверение личности',
      returnPath: `/${locale}/cabinet/payments`,
    });
  } finally {
    await client.end();
  }
}

// One sign-in for both languages: the e2e server allows few sign-ins per address (scripts/e2e-server.ts).
test('a paid payment has a PDF receipt for its payer only, in the language of the page', async ({ browser }) => {
  const page = await signedIn(browser, PERSONA.citizenAigerim, 'kk');
  for (const locale of locales) {
    const print = messages(locale).Print as Record<string, string>;
    const invoice = await openInvoice(PERSONA.citizenAigerim, locale);
    await page.goto(`/${locale}${invoice.payUrl}`);
    await page.getByRole('button', { name: locale === 'kk' ? 'Төлеу' : 'Оплатить' }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/cabinet/payments\\?payment=${invoice.paymentId}`));
    const link = page.locator(`a[href="/api/payments/${invoice.paymentId}/receipt?lang=${locale}"]`);
    await expect(link).toBeVisible();
    const number = /RCP-\d{4}-\d{6}/.exec((await link.textContent()) ?? '')?.[0];
    expect(number).toBeTruthy();
    await expect(link).toHaveAccessibleName(`${print.receiptPdf} ${number}`);
    await expectAccessible(page);
    await expectNoRawCodes(page);
    const pdf = await page.request.get((await link.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toContain(`${number}.pdf`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // signed out: nothing (who else may open it is tests/integration/payment-receipts.test.ts)
    const anonymous = await browser.newContext();
    expect((await anonymous.request.get(`/api/payments/${invoice.paymentId}/receipt`)).status()).toBe(401);
    await anonymous.close();
  }
  await page.context().close();
});
