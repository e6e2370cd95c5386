// Residence registration at a CON (order 003, chapter 2, p.3–8) in both languages, each party in its own browser
// context. Reception looks up a dwelling: the minor Aisha's Astana flat gets a ticket for the operating hall (p.4),
// Galym's flat the printed advice to go online (p.5). The Astana CON's operating hall calls the ticket, checks Aisha's
// IIN (p.6), identifies her parent by the ID document, forms a temporary registration for a fresh period, fills the
// arrival form and signs with the worker's EDS: GBD FL records the address (p.7), and the parent finds the address
// certificate in Digital documents. Serial: the tests share the CON's
// e-queue. Each run registers the parent for its own period, so a retry or another run does not collide.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';

import { CADASTRE, PERSONA, STAFF } from '../db/seed/personas-ids';
import { addDays } from '../lib/calendar/deadline';
import { localDate } from '../lib/calendar/local';
import { downloadKey, openKeys, signInDialogWithKeyFile } from './eds';
import { documentNumberOf, expectAccessible, type Locale, signedIn } from './fixtures';

test.describe.configure({ mode: 'serial' });

type Tree = { [k: string]: string | Tree };
type Catalogue = { ResidenceCon: Tree };
const M = {
  kk: (JSON.parse(readFileSync(path.join(process.cwd(), 'messages', 'kk.json'), 'utf8')) as Catalogue).ResidenceCon,
  ru: (JSON.parse(readFileSync(path.join(process.cwd(), 'messages', 'ru.json'), 'utf8')) as Catalogue).ResidenceCon,
};
/** A message by its dotted path, e.g. `desk.ownerIin`. */
const tx = (locale: Locale, key: string) => {
  const v = key.split('.').reduce<string | Tree | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), M[locale]);
  if (typeof v !== 'string') throw new Error(`no message ResidenceCon.${key}`);
  return v;
};

async function lookUp(page: Page, locale: Locale, cadastralNumber: string) {
  await page.getByLabel(tx(locale, 'reception.cadastralNumber')).fill(cadastralNumber);
  await page.getByRole('button', { name: tx(locale, 'reception.find') }).click();
  await expect(page.getByTestId('reception-dwelling')).toBeVisible();
}

/** Reception's ticket for Aisha's flat D (p.4): the owner shown masked, as a minor. */
async function ticketForFlatD(browser: Browser, locale: Locale) {
  const reception = await signedIn(browser, STAFF.conReceptionAstana, locale);
  await reception.goto(`/${locale}/reception`);
  await reception.getByRole('link', { name: tx(locale, 'reception.open') }).click();
  await expect(reception).toHaveTitle(new RegExp(tx(locale, 'reception.title')));
  await lookUp(reception, locale, CADASTRE.astanaFlatD);
  await expect(reception.getByRole('rowheader', { name: 'Айша Ж.' })).toBeVisible();
  await expect(reception.getByText(tx(locale, 'incapacity.minor'), { exact: true })).toBeVisible();
  await expect(reception.getByText(PERSONA.daughterAisha)).toHaveCount(0);
  await expectAccessible(reception);
  await reception.getByRole('button', { name: tx(locale, 'reception.issueTicket') }).click();
  const ticket = reception.getByTestId('residence-ticket');
  await expect(ticket).toContainText(/R-\d{3}/);
  const code = /R-\d{3}/.exec((await ticket.textContent()) ?? '')![0];
  return { reception, code };
}

for (const locale of ['kk', 'ru'] as const) {
  test(`${locale}: reception sends a minor owner's dwelling to the operating hall and prints the online advice for an ordinary one`, async ({
    browser,
  }) => {
    const { reception, code } = await ticketForFlatD(browser, locale);
    expect(code).toMatch(/^R-\d{3}$/);
    await lookUp(reception, locale, CADASTRE.astanaFlatA);
    await expect(reception.getByTestId('online-advice')).toBeVisible();
    await expect(reception.getByRole('button', { name: tx(locale, 'reception.issueTicket') })).toHaveCount(0);
    await expectAccessible(reception);
    const href = await reception.getByTestId(locale === 'kk' ? 'referral-kk' : 'referral-ru').getAttribute('href');
    const res = await reception.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await reception.context().close();
    // The hall takes the ticket and refuses it, so the queue is empty for the next test (p.8 on a non-minor owner).
    const worker = await signedIn(browser, STAFF.conOperatorAstana, locale);
    await worker.goto(`/${locale}/front-office/residence`);
    await worker.getByRole('button', { name: tx(locale, 'hall.callNext') }).click();
    await worker.waitForURL(/\/front-office\/residence\/desk\/[0-9a-f-]{36}$/);
    await worker.getByLabel(tx(locale, 'desk.ownerIin')).fill(PERSONA.ownerGalym);
    await worker.getByRole('button', { name: tx(locale, 'desk.checkOwner') }).click();
    await expect(worker.getByTestId('desk-warning')).toBeVisible();
    await expectAccessible(worker);
    await worker.getByRole('button', { name: tx(locale, 'desk.refuse') }).click();
    await expect(worker.getByTestId('desk-refused')).toBeVisible();
    await worker.context().close();
  });

  test(`${locale}: the operating hall registers the parent at the minor owner's flat, signed with the worker's EDS`, async ({
    browser,
  }) => {
    const keyPage = await (await browser.newContext()).newPage();
    await openKeys(keyPage, STAFF.conOperatorAstana, locale);
    const key = await downloadKey(keyPage, STAFF.conOperatorAstana, 'signing');
    await keyPage.context().close();

    const { reception } = await ticketForFlatD(browser, locale);
    await reception.context().close();

    const parent = locale === 'kk' ? PERSONA.motherSaule : PERSONA.fatherDaniyar;
    const worker = await signedIn(browser, STAFF.conOperatorAstana, locale);
    await worker.goto(`/${locale}/front-office`);
    await worker.getByRole('link', { name: tx(locale, 'hall.hallLink') }).click();
    await expect(worker).toHaveTitle(new RegExp(tx(locale, 'hall.title')));
    await worker.getByRole('button', { name: tx(locale, 'hall.callNext') }).click();
    await worker.waitForURL(/\/front-office\/residence\/desk\/[0-9a-f-]{36}$/);

    // p.6: the owner's IIN.
    await worker.getByLabel(tx(locale, 'desk.ownerIin')).fill(PERSONA.daughterAisha);
    await worker.getByRole('button', { name: tx(locale, 'desk.checkOwner') }).click();
    await expect(worker.getByTestId('owner-check')).toContainText(tx(locale, 'incapacity.minor'));
    await expectAccessible(worker);

    // p.7: the parent identified by the ID document; a temporary stay for a period of this run's own.
    const from = addDays(localDate(), 1 + Math.floor(Math.random() * 200));
    await worker.getByLabel(tx(locale, 'desk.representativeDocument')).fill(await documentNumberOf(parent));
    await worker.getByLabel(tx(locale, 'kind.temporary')).check();
    await worker.getByLabel(tx(locale, 'desk.stayFrom')).fill(from);
    await worker.getByLabel(tx(locale, 'desk.stayUntil')).fill(addDays(from, 30));
    await worker.getByRole('button', { name: tx(locale, 'desk.formApplication') }).click();
    await worker.waitForURL(/\/front-office\/residence\/[0-9a-f-]{36}\?saved=formed/);
    await expect(worker.getByRole('heading', { level: 1, name: tx(locale, 'application.title') })).toBeVisible();
    await expect(worker.getByTestId('gbd-photo')).toBeVisible();
    await expect(worker.getByText(tx(locale, 'application.basis.parent'))).toBeVisible();

    // Astana's steps: the numbers; at the norm, the parent's claim (checked in ZAGS).
    await expect(worker.getByTestId('astana-explanation')).toBeVisible();
    const relation = worker.getByLabel(tx(locale, 'astana.relation'));
    if (await relation.isVisible()) {
      await relation.selectOption('parent');
      await worker.getByRole('button', { name: tx(locale, 'astana.check') }).click();
      await expect(worker.getByTestId('astana-chain')).toBeVisible();
    }

    // The statistical arrival form.
    const arrival = worker.locator('#arrival');
    await arrival.getByLabel(tx(locale, 'arrival.movingReason')).selectOption('family');
    await arrival.getByLabel(tx(locale, 'arrival.education')).selectOption('higher');
    await arrival.getByLabel(tx(locale, 'arrival.occupation')).selectOption('employed');
    await arrival.getByLabel(tx(locale, 'arrival.maritalStatus')).selectOption('married');
    await arrival.getByRole('button', { name: tx(locale, 'arrival.save') }).click();
    await expect(worker.getByText(tx(locale, 'application.saved.arrival')).first()).toBeVisible();

    await expect(worker.getByTestId('open-sign-dialog')).toBeVisible();
    await expectAccessible(worker);
    await worker.getByTestId('open-sign-dialog').click();
    await signInDialogWithKeyFile(worker.getByRole('dialog'), key, locale);
    await expect(worker.getByTestId('registered-text')).toContainText(/RRC-\d{4}-\d{6}/);
    await expectAccessible(worker);
    const certificateNumber = /RRC-\d{4}-\d{6}/.exec((await worker.getByTestId('registered-text').textContent()) ?? '')![0];
    await worker.context().close();

    // As online: the parent finds the address certificate in Digital documents, with its QR and the PDF.
    const applicant = await signedIn(browser, parent, locale);
    await applicant.goto(`/${locale}/cabinet/documents`);
    const document = applicant.getByTestId('residence-document').filter({ hasText: certificateNumber });
    await expect(document).toBeVisible();
    await expect(document.getByTestId('verify-qr')).toBeVisible();
    await expectAccessible(applicant);
    await applicant.context().close();
  });
}
