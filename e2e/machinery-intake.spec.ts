// The machinery front office (orders 001/004, p.5–9) in both languages: reception gives a ticket without an IIN, the
// Kostanay CON's worker calls it, identifies farmerSerik by his ID document, takes the new tractor's package (checklist,
// fees already paid, a scan per item) and signs the e-application with EDS; and the refusal to accept an incomplete
// package, with its PDF. Serial: the tests share the CON's e-queue.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';

import { MACHINE, PERSONA, STAFF } from '../db/seed/personas-ids';
import { downloadKey, openKeys, signInDialogWithKeyFile } from './eds';
import { documentNumberOf, expectAccessible, type Locale, signedIn } from './fixtures';

test.describe.configure({ mode: 'serial' });

type Texts = Record<
  | 'callNext'
  | 'wizardTitle'
  | 'documentNumber'
  | 'identifyButton'
  | 'biometricsPassed'
  | 'continue'
  | 'machineKind'
  | 'make'
  | 'model'
  | 'year'
  | 'serialNumber'
  | 'checkFees'
  | 'toPayTitle'
  | 'scanOf'
  | 'upload'
  | 'submittedTitle'
  | 'incompleteTitle'
  | 'refuseIncomplete'
  | 'missingItems',
  string
> & { reception: Record<'issue', string>; saved: Record<'owner' | 'machine' | 'checklist' | 'fees', string>; checklist: Strings };
type Strings = Record<string, string>;
type Catalogue = { MachineryIntake: Texts; Machinery: { checklist: Strings } };
function texts(locale: Locale): Texts {
  const m = JSON.parse(readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8')) as Catalogue;
  return { ...m.MachineryIntake, checklist: m.Machinery.checklist };
}
const M = { kk: texts('kk'), ru: texts('ru') };
const PDF = (n: number) => Buffer.from(`%PDF-1.4\n% e2e scan ${n} ${Date.now()}\n%%EOF\n`);

/** Reception's ticket, then the worker's "call next": the intake wizard of a fresh application. */
async function ticketAndCall(browser: Browser, worker: Page, locale: Locale) {
  const m = M[locale];
  const reception = await signedIn(browser, STAFF.conReceptionKostanay, locale);
  await reception.goto(`/${locale}/reception`);
  await reception.getByRole('button', { name: m.reception.issue }).click();
  await expect(reception.getByText(/M-\d{3}/).first()).toBeVisible();
  await reception.context().close();

  await worker.goto(`/${locale}/front-office`);
  await expectAccessible(worker);
  await worker.getByRole('button', { name: m.callNext }).click();
  await worker.waitForURL(/\/front-office\/[0-9a-f-]{36}$/);
  await expect(worker.getByRole('heading', { level: 1, name: m.wizardTitle })).toBeVisible();
  await expect(worker).toHaveTitle(new RegExp(m.wizardTitle));
}

/** p.6 (1) and the owner in person: nothing about the person shows before the document number is entered. */
async function identifyFarmer(worker: Page, locale: Locale) {
  const m = M[locale];
  await expect(worker.getByText(PERSONA.farmerSerik)).toHaveCount(0);
  await expect(worker.getByTestId('gbd-photo')).toHaveCount(0);
  await worker.getByLabel(m.documentNumber).fill(await documentNumberOf(PERSONA.farmerSerik));
  await worker.getByRole('button', { name: m.identifyButton }).click();
  await expect(worker.getByTestId('gbd-photo')).toBeVisible();
  await expect(worker.getByText(m.biometricsPassed)).toBeVisible();
  await expectAccessible(worker);
  await worker.locator('#owner').getByRole('button', { name: m.continue }).click();
  await expect(worker.getByText(m.saved.owner)).toBeVisible();
}

async function tick(worker: Page, locale: Locale, items: string[]) {
  const m = M[locale];
  for (const item of items) await worker.getByLabel(m.checklist[item]!, { exact: true }).check();
  await worker.locator('#checklist').getByRole('button', { name: m.continue }).click();
  await expect(worker.getByText(m.saved.checklist)).toBeVisible();
}

for (const locale of ['kk', 'ru'] as const) {
  test(`${locale}: the front office takes farmerSerik's new tractor through to the akimat`, async ({ browser }) => {
    const m = M[locale];
    const keyPage = await (await browser.newContext()).newPage();
    await openKeys(keyPage, STAFF.conOperatorKostanay, locale);
    const key = await downloadKey(keyPage, STAFF.conOperatorKostanay, 'signing');
    await keyPage.context().close();

    const worker = await signedIn(browser, STAFF.conOperatorKostanay, locale);
    await ticketAndCall(browser, worker, locale);
    await identifyFarmer(worker, locale);

    const machine = worker.locator('#machine');
    await machine.getByLabel(m.machineKind).selectOption('tractor');
    await machine.getByLabel(m.make).fill('Кировец');
    await machine.getByLabel(m.model).fill('К-742М');
    await machine.getByLabel(m.year).fill('2025');
    await machine.getByLabel(m.serialNumber).fill(MACHINE.tractorNew);
    await machine.getByRole('button', { name: m.continue }).click();
    await expect(worker.getByText(m.saved.machine)).toBeVisible();

    const items = ['identity_document', 'ownership_document', 'machine_passport'];
    await tick(worker, locale, items);

    await worker.getByRole('button', { name: m.checkFees }).click();
    await expect(worker.getByText(m.saved.fees)).toBeVisible();
    await expect(worker.getByText(m.toPayTitle)).toHaveCount(0);

    for (const [i, item] of items.entries()) {
      const name = m.scanOf.replace('{item}', m.checklist[item]!);
      const form = worker.locator('#scans form').filter({ has: worker.getByLabel(name) });
      await form.getByLabel(name).setInputFiles({ name: `scan-${i}.pdf`, mimeType: 'application/pdf', buffer: PDF(i) });
      await form.getByRole('button', { name: m.upload }).click();
      await expect(worker.locator('#scans a[href^="/api/files/"]')).toHaveCount(i + 1);
    }

    await expect(worker.getByTestId('open-sign-dialog')).toBeVisible();
    await expectAccessible(worker);
    await worker.getByTestId('open-sign-dialog').click();
    await signInDialogWithKeyFile(worker.getByRole('dialog'), key, locale);
    await expect(worker.getByText(m.submittedTitle)).toBeVisible();
    await worker.context().close();
  });
}

test('ru, then kk: an incomplete package is refused, and the refusal downloads as a PDF', async ({ browser }) => {
  for (const locale of ['ru', 'kk'] as const) {
    const m = M[locale];
    const worker = await signedIn(browser, STAFF.conOperatorKostanay, locale);
    await ticketAndCall(browser, worker, locale);
    await identifyFarmer(worker, locale);
    await tick(worker, locale, ['identity_document']);
    await expect(worker.getByText(m.incompleteTitle)).toBeVisible();
    await worker.getByRole('button', { name: m.refuseIncomplete }).click();
    const link = worker.getByTestId('refusal-pdf');
    await expect(link).toBeVisible();
    await expect(worker.getByText(m.missingItems)).toBeVisible();
    await expectAccessible(worker);
    const res = await worker.request.get((await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const id = /[0-9a-f-]{36}/.exec(worker.url())![0];
    await worker.context().close();
    // The applicant sees the refusal in the cabinet, with the missing documents and the receipt.
    const farmer = await signedIn(browser, PERSONA.farmerSerik, locale);
    await farmer.goto(`/${locale}/cabinet/machinery/${id}`);
    await expect(farmer.getByText(m.checklist.ownership_document!)).toBeVisible();
    await expect(farmer.getByTestId('cabinet-refusal-pdf')).toBeVisible();
    await expectAccessible(farmer);
    await farmer.context().close();
  }
});

test('kk, ru: a CON outside the pilot regions says the service is not given there, with nothing to call (order p.1)', async ({
  browser,
}) => {
  for (const locale of ['kk', 'ru'] as const) {
    const errors = (JSON.parse(readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8')) as { Errors: Strings }).Errors;
    const astana = await signedIn(browser, STAFF.conOperatorAstana, locale);
    await astana.goto(`/${locale}/front-office`);
    await expect(astana.getByText(errors.machinery_pilot_closed!)).toBeVisible();
    await expect(astana.getByRole('button', { name: M[locale].callNext })).toHaveCount(0);
    await expectAccessible(astana);
    await astana.context().close();
  }
});
