// The machinery pilot end to end (orders 001/004, p.4–15), each party in its own browser: reception's ticket, the
// CON front office's intake signed with EDS, the akimat's approval with the technical passport and a plate signed
// with EDS, the SMS with the CON's address in the outbox, the result in the owner's Digital documents, and the
// hand-over at the CON's desk. In Kazakh the farmer comes in person; in Russian the road contractor (an organisation,
// by BIN) sends its representative with a power of attorney. Each run registers a machine with a fresh serial.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { and, eq, like, sql } from 'drizzle-orm';
import { connect } from '../db/client';
import { applications } from '../db/schema/applications';
import { machineryPlates } from '../db/schema/machinery';

import { BIN, PERSONA, STAFF } from '../db/seed/personas-ids';
import { portraitJpeg } from '../tests/support/images';
import { signInDialogWithKeyFile, signingKeyOf } from './eds';
import { documentNumberOf, e2eDatabaseUrl, expectAccessible, type Locale, signedIn } from './fixtures';

type Catalogue = Record<string, Record<string, unknown>>;
const messages = (locale: Locale) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Catalogue;
const str = (m: Record<string, unknown>, key: string) => m[key] as string;

const PDF = (n: number) => Buffer.from(`%PDF-1.4\n% e2e flow scan ${n} ${Date.now()}\n%%EOF\n`);

async function numberOf(id: string) {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  try {
    const [a] = await db.select({ number: applications.number }).from(applications).where(eq(applications.id, id));
    return a!.number;
  } finally {
    await client.end();
  }
}

/**
 * A free plate of Kostanay region for the machine's kind letter, drawn at random: a retry, or another test approving
 * beside this one, never finds its plate already taken.
 */
async function freePlate(letter: string) {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  try {
    const [p] = await db
      .select({ number: machineryPlates.number })
      .from(machineryPlates)
      .where(and(eq(machineryPlates.regionCode, '10'), eq(machineryPlates.status, 'free'), like(machineryPlates.number, `${letter} %`)))
      .orderBy(sql`random()`)
      .limit(1);
    return p!.number;
  } finally {
    await client.end();
  }
}

async function until(page: Page, text: string | RegExp, timeout = 60_000) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout });
}

const localToday = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + 5 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

type Case = {
  locale: Locale;
  /** Who comes to the CON, and whose machine it is. */
  person: string;
  representative: { bin: string; poa: string } | null;
  items: string[];
  reviewer: string;
  /** The plate letter of the machine's kind (T tractor, C self-propelled); the plate itself is a free one. */
  plateLetter: string;
  passport: string;
  machine: { kind: string; make: string; model: string };
};

const cases: Case[] = [
  {
    locale: 'kk',
    person: PERSONA.farmerSerik,
    representative: null,
    items: ['identity_document', 'ownership_document', 'machine_passport'],
    reviewer: STAFF.akimatFedorov,
    plateLetter: 'T',
    passport: '10TP 0912001',
    machine: { kind: 'tractor', make: 'Кировец', model: 'К-744Р' },
  },
  {
    locale: 'ru',
    person: PERSONA.contractorRepDaulet,
    representative: { bin: BIN.kostanayDorStroy, poa: 'Д-2026/117' },
    items: ['identity_document', 'organisation_authority', 'power_of_attorney', 'ownership_document', 'machine_passport'],
    reviewer: STAFF.akimatKostanayRegion,
    plateLetter: 'C',
    passport: '10TP 0912002',
    machine: { kind: 'self_propelled', make: 'XCMG', model: 'XS163J' },
  },
];

for (const c of cases) {
  test(`${c.locale}: a machine from the CON front office through the akimat's approval to the hand-over`, async ({ browser }) => {
    test.setTimeout(180_000);
    const all = messages(c.locale);
    const mi = all.MachineryIntake as Record<string, unknown>;
    const checklist = (all.Machinery as Record<string, Record<string, string>>).checklist!;
    const saved = mi.saved as Record<string, string>;
    const serial = `E2E-${c.locale}-${Date.now().toString(36).toUpperCase()}`;
    const operatorKey = await signingKeyOf(browser, STAFF.conOperatorKostanay, c.locale);
    const reviewerKey = await signingKeyOf(browser, c.reviewer, c.locale);
    const doc = await documentNumberOf(c.person);
    const plate = await freePlate(c.plateLetter);

    // p.5: reception gives a ticket without asking for an IIN; the front-office worker calls it.
    const reception = await signedIn(browser, STAFF.conReceptionKostanay, c.locale);
    await reception.goto(`/${c.locale}/reception`);
    await reception.getByRole('button', { name: (mi.reception as Record<string, string>).issue }).click();
    await expect(reception.getByText(/M-\d{3}/).first()).toBeVisible();
    await reception.context().close();

    const worker = await signedIn(browser, STAFF.conOperatorKostanay, c.locale);
    await worker.goto(`/${c.locale}/front-office`);
    await worker.getByRole('button', { name: str(mi, 'callNext') }).click();
    await worker.waitForURL(/\/front-office\/[0-9a-f-]{36}$/);
    const intakeUrl = worker.url();

    // p.6 (1): the person is found by the presented document's number and passes the biometric check.
    await expect(worker.getByText(c.person)).toHaveCount(0);
    await worker.getByLabel(str(mi, 'documentNumber')).fill(doc);
    await worker.getByRole('button', { name: str(mi, 'identifyButton') }).click();
    await expect(worker.getByTestId('gbd-photo')).toBeVisible();
    await expect(worker.getByText(str(mi, 'biometricsPassed'))).toBeVisible();

    const owner = worker.locator('#owner');
    if (c.representative) {
      await owner.getByLabel(str(mi, 'modeRepresentative')).check();
      await owner.getByLabel(str(mi, 'ownerOrganisation')).check();
      await owner.getByLabel(str(mi, 'ownerBin')).fill(c.representative.bin);
      await owner.getByLabel(str(mi, 'poaNumber')).fill(c.representative.poa);
      await owner.getByLabel(str(mi, 'poaValidUntil')).fill(inDays(90));
      await owner.getByLabel(str(mi, 'phone')).fill('+7 705 411 20 17');
    }
    await owner.getByRole('button', { name: str(mi, 'continue') }).click();
    await expect(worker.getByText(saved.owner!)).toBeVisible();

    const machine = worker.locator('#machine');
    await machine.getByLabel(str(mi, 'machineKind')).selectOption(c.machine.kind);
    await machine.getByLabel(str(mi, 'make')).fill(c.machine.make);
    await machine.getByLabel(str(mi, 'model')).fill(c.machine.model);
    await machine.getByLabel(str(mi, 'year')).fill('2025');
    await machine.getByLabel(str(mi, 'serialNumber')).fill(serial);
    await machine.getByRole('button', { name: str(mi, 'continue') }).click();
    await expect(worker.getByText(saved.machine!)).toBeVisible();

    // p.6 (2)–(4): the checklist, the fees (paid in the payment registry), a scan per presented document.
    for (const item of c.items) await worker.getByLabel(checklist[item]!, { exact: true }).check();
    await worker
      .locator('#checklist')
      .getByRole('button', { name: str(mi, 'continue') })
      .click();
    await expect(worker.getByText(saved.checklist!)).toBeVisible();
    await worker.getByRole('button', { name: str(mi, 'checkFees') }).click();
    await expect(worker.getByText(saved.fees!)).toBeVisible();
    await expect(worker.getByText(str(mi, 'toPayTitle'))).toHaveCount(0);
    for (const [i, item] of c.items.entries()) {
      const name = str(mi, 'scanOf').replace('{item}', checklist[item]!);
      const form = worker.locator('#scans form').filter({ has: worker.getByLabel(name) });
      // The ID document is photographed (JPEG), the rest scanned to PDF: the reviewer sees a preview of an image.
      const file =
        i === 0
          ? { name: 'identity.jpg', mimeType: 'image/jpeg', buffer: await portraitJpeg() }
          : { name: `scan-${i}.pdf`, mimeType: 'application/pdf', buffer: PDF(i) };
      await form.getByLabel(name).setInputFiles(file);
      await form.getByRole('button', { name: str(mi, 'upload') }).click();
      await expect(worker.locator('#scans a[href^="/api/files/"]')).toHaveCount(i + 1);
    }

    // p.6 (5), p.9: signed with the worker's EDS, it goes to the akimat at once.
    await worker.getByTestId('open-sign-dialog').click();
    await signInDialogWithKeyFile(worker.getByRole('dialog'), operatorKey, c.locale);
    await expect(worker.getByText(str(mi, 'submittedTitle'))).toBeVisible();
    const id = intakeUrl.split('/').pop()!;
    const number = await numberOf(id);
    await expect(worker.getByText(number).first()).toBeVisible();
    await worker.context().close();

    // p.10, p.12: the akimat finds it on its dashboard, enters the technical passport and a free plate, signs.
    const reviewer = await signedIn(browser, c.reviewer, c.locale);
    await reviewer.goto(`/${c.locale}/akimat?q=${encodeURIComponent(number)}`);
    await reviewer.getByTestId('akimat-row').filter({ hasText: number }).click();
    await reviewer.waitForURL(new RegExp(`/akimat/${id}$`));
    await expect(reviewer.getByTestId('scan-link').first()).toBeVisible();
    const preview = reviewer.getByTestId('scan-preview');
    await expect(preview).toHaveCount(1);
    // A lazy image loads once it is in view, and not at once: wait for its pixels rather than read them early.
    await preview.scrollIntoViewIfNeeded();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(reviewer);
    const mr = all.MachineryReview as Record<string, string>;
    await reviewer.getByLabel(mr.passportNumber!).fill(c.passport);
    await reviewer.getByLabel(mr.passportIssuedOn!).fill(localToday());
    await reviewer.getByTestId('approve-plate').fill(plate);
    await reviewer.getByRole('button', { name: mr.checkFields! }).first().click();
    await reviewer.getByTestId('open-sign-dialog').click();
    await signInDialogWithKeyFile(reviewer.getByRole('dialog'), reviewerKey, c.locale);
    await expect(reviewer.getByText(mr.approvedNotice!)).toBeVisible();
    await reviewer.context().close();

    // p.11: the SMS says when and where to collect — the CON and its address — in the applicant's language.
    const admin = await signedIn(browser, STAFF.admin, c.locale);
    await admin.goto(`/${c.locale}/admin/sms`);
    await until(admin, new RegExp(`${number}.*Қостанай|${number}.*Костанай`));
    await admin.context().close();

    // p.15: the owner sees the registration certificate in Digital documents (a person owner only).
    if (!c.representative) {
      const ownerPage = await signedIn(browser, c.person, c.locale);
      await ownerPage.goto(`/${c.locale}/cabinet/documents`);
      await expect(ownerPage.getByText(plate).first()).toBeVisible();
      await expectAccessible(ownerPage);
      await ownerPage.context().close();
    }

    // p.11: the CON's desk hands the document and the plate over to the one who came, identified again.
    const mx = all.MachineryIssuance as Record<string, string>;
    const desk = await signedIn(browser, STAFF.conIssuanceKostanay, c.locale);
    await desk.goto(`/${c.locale}/issuance`);
    await desk.getByRole('link', { name: new RegExp(number) }).click();
    await desk.waitForURL(new RegExp(`/issuance/machinery/${id}$`));
    await desk.getByLabel(mx.documentNumber!).fill(doc);
    await desk.getByLabel(mx.documentSerial!).fill('KZ 7654321');
    await desk.getByLabel(mx.plateSerial!).fill('000765432');
    await desk.getByRole('button', { name: mx.submit }).click();
    await desk.waitForURL(/\?issued=1$/);
    await expect(desk.getByText(mx.issued!)).toBeVisible();
    await desk.context().close();

    // The one who came follows it in the cabinet: issued, with the plate.
    const cm = all.CabinetMachinery as Record<string, string>;
    const cabinet = await signedIn(browser, c.person, c.locale);
    await cabinet.goto(`/${c.locale}/cabinet`);
    await cabinet.getByRole('link', { name: number }).click();
    await cabinet.waitForURL(new RegExp(`/cabinet/machinery/${id}$`));
    await expect(cabinet.getByText(cm.issuedTitle!)).toBeVisible();
    await expect(cabinet.getByTestId('cabinet-plate')).toHaveText(plate);
    await expect(cabinet).toHaveTitle(new RegExp(cm.title!));
    await expectAccessible(cabinet);
    await cabinet.context().close();
  });
}
