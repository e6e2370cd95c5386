// Orders 001/004, p.16–17 in the browser, kk and ru: documents past their month at the front office, the akimat
// forms the act and signs it with EDS, the head of the front office signs it, and the PDF downloads in both languages.
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { connect } from '../db/client';
import { applications } from '../db/schema/applications';
import { machineryApplications } from '../db/schema/machinery';
import { persons } from '../db/schema/registry';
import { AKIMAT, CON, PERSONA, STAFF } from '../db/seed/personas-ids';
import { signInDialogWithKeyFile, signingKeyOf } from './eds';
import { e2eDatabaseUrl, expectAccessible, type Locale, signedIn } from './fixtures';

type Archive = { MachineryArchive: { status: { signed_by_akimat: string; completed: string }; notSigned: string } };
const messages = (l: Locale) => JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Archive;
const M = { kk: messages('kk'), ru: messages('ru') } as const;

/** Two decided applications of this akimat at this CON, decided 40 days ago (as the review leaves them). */
async function decidedLongAgo(akimatId: number, serviceCentreId: number) {
  const { client, db } = connect(e2eDatabaseUrl(), 2);
  try {
    const numbers: string[] = [];
    for (const status of ['approved', 'refused'] as const) {
      const number = `AM-2026-${randomInt(800_000, 999_999)}`;
      const [app] = await db
        .insert(applications)
        .values({
          number,
          pilot: 'machinery',
          status,
          applicantIin: '660509323914',
          akimatId,
          serviceCentreId,
          submittedAt: new Date(Date.now() - 41 * 86_400_000),
          decidedAt: new Date(Date.now() - 40 * 86_400_000),
        })
        .returning();
      await db.insert(machineryApplications).values({
        applicationId: app!.id,
        action: 'registration',
        ownerKind: 'person',
        ownerIin: '660509323914',
        machineKind: 'tractor',
        make: 'Kirovets',
        model: 'K-742M',
        serialNumber: `E2E-${number}`,
      });
      numbers.push(number);
    }
    return numbers;
  } finally {
    await client.end();
  }
}

const cases = [
  { locale: 'kk', akimat: AKIMAT.almatyBostandyq, con: CON.almaty1, reviewer: STAFF.akimatBostandyq, head: STAFF.conHeadAlmaty },
  { locale: 'ru', akimat: AKIMAT.kostanayRegion, con: CON.kostanay1, reviewer: STAFF.akimatKostanayRegion, head: STAFF.conHeadKostanay },
] as const;

for (const c of cases) {
  test(`${c.locale}: the akimat forms and signs the act, the head of the front office signs, the PDF downloads`, async ({ browser }) => {
    test.setTimeout(180_000);
    const t = M[c.locale].MachineryArchive;
    const numbers = await decidedLongAgo(c.akimat, c.con);
    const [reviewerKey, headKey] = [await signingKeyOf(browser, c.reviewer, c.locale), await signingKeyOf(browser, c.head, c.locale)];

    // The front office sees them due, read-only.
    const head = await signedIn(browser, c.head, c.locale);
    await expect(head).toHaveURL(new RegExp(`/${c.locale}/con-head$`));
    for (const n of numbers) await expect(head.getByTestId('due-list').getByText(n, { exact: true })).toBeVisible();
    await expectAccessible(head);

    const reviewer = await signedIn(browser, c.reviewer, c.locale);
    await reviewer.goto(`/${c.locale}/akimat/archive`);
    for (const n of numbers) await expect(reviewer.getByTestId('due-list').getByText(n, { exact: true })).toBeVisible();
    await expectAccessible(reviewer);
    await reviewer.getByTestId(`form-act-${c.con}`).getByRole('button').click();
    await reviewer.waitForURL(/\/akimat\/archive\/[0-9a-f-]{36}\?formed=1$/);
    const id = new URL(reviewer.url()).pathname.split('/').pop()!;
    for (const n of numbers) await expect(reviewer.getByRole('table').getByText(n, { exact: true })).toBeVisible();
    await expectAccessible(reviewer);
    await reviewer.getByTestId('open-sign-dialog').click();
    await signInDialogWithKeyFile(reviewer.getByRole('dialog'), reviewerKey, c.locale);
    await reviewer.waitForURL(/\?signed=1$/);
    await expect(reviewer.getByTestId('act-status')).toHaveText(t.status.signed_by_akimat);

    await head.goto(`/${c.locale}/con-head`);
    await head.locator(`a[href$="/con-head/acts/${id}"]`).click();
    await head.waitForURL(new RegExp(`/con-head/acts/${id}$`));
    await expectAccessible(head);
    await head.getByTestId('open-sign-dialog').click();
    await signInDialogWithKeyFile(head.getByRole('dialog'), headKey, c.locale);
    await head.waitForURL(/\?signed=1$/);
    await expect(head.getByTestId('act-status')).toHaveText(t.status.completed);
    await expect(head.getByText(t.notSigned)).toHaveCount(0);

    for (const l of ['kk', 'ru'] as const) {
      const href = await reviewer.getByTestId(`pdf-${l}`).getAttribute('href');
      const res = await reviewer.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // The other pilot CON's head does not see this act.
    const other = await signedIn(browser, c.locale === 'kk' ? STAFF.conHeadKostanay : STAFF.conHeadAlmaty, c.locale);
    expect((await other.goto(`/${c.locale}/con-head/acts/${id}`))?.status()).toBe(404);
    expect((await other.request.get(`/api/machinery/transfer-acts/${id}?locale=kk`)).status()).toBe(404);
  });
}

/** An approved registration of buyerAlmatyAndrey's new bulldozer at CON №1 Almaty, and his ID document's number. */
async function approvedForAndrey() {
  const { client, db } = connect(e2eDatabaseUrl(), 2);
  try {
    const number = `AM-2026-${randomInt(700_000, 799_999)}`;
    const [app] = await db
      .insert(applications)
      .values({
        number,
        pilot: 'machinery',
        status: 'approved',
        applicantIin: PERSONA.buyerAlmatyAndrey,
        akimatId: AKIMAT.almatyBostandyq,
        serviceCentreId: CON.almaty1,
        submittedAt: new Date(Date.now() - 2 * 86_400_000),
        decidedAt: new Date(Date.now() - 86_400_000),
      })
      .returning();
    await db.insert(machineryApplications).values({
      applicationId: app!.id,
      action: 'registration',
      ownerKind: 'person',
      ownerIin: PERSONA.buyerAlmatyAndrey,
      machineKind: 'special',
      make: 'Shantui',
      model: 'SD16',
      serialNumber: `E2E-${number}`,
      plate: 'T 5120 02',
    });
    const [person] = await db.select({ doc: persons.docNumber }).from(persons).where(eq(persons.iin, PERSONA.buyerAlmatyAndrey));
    return { number, id: app!.id, doc: person!.doc };
  } finally {
    await client.end();
  }
}

for (const locale of ['kk', 'ru'] as const) {
  test(`${locale}: the issuance desk hands the machinery documents over to the owner only (p.11)`, async ({ browser }) => {
    const t = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as {
      MachineryIssuance: Record<string, string>;
      Errors: Record<string, string>;
    };
    const app = await approvedForAndrey();
    const desk = await signedIn(browser, STAFF.conIssuanceAlmaty, locale);
    await expect(desk.getByRole('link', { name: new RegExp(app.number) })).toBeVisible();
    // The list masks the owner's IIN.
    await expect(desk.getByText(PERSONA.buyerAlmatyAndrey)).toHaveCount(0);
    await expectAccessible(desk);
    await desk.getByRole('link', { name: new RegExp(app.number) }).click();
    await desk.waitForURL(new RegExp(`/issuance/machinery/${app.id}$`));
    await expectAccessible(desk);
    const ti = t.MachineryIssuance;
    await desk.getByLabel(ti.documentNumber!).fill('000000000');
    await desk.getByLabel(ti.documentSerial!).fill('KZ 1234567');
    await desk.getByLabel(ti.plateSerial!).fill('000123456');
    await desk.getByRole('button', { name: ti.submit }).click();
    await expect(desk.getByText(t.Errors.machinery_issuance_person_not_found!)).toBeVisible();
    // What was typed stays.
    await expect(desk.getByLabel(ti.documentSerial!)).toHaveValue('KZ 1234567');
    await desk.getByLabel(ti.documentNumber!).fill(app.doc);
    await desk.getByRole('button', { name: ti.submit }).click();
    await desk.waitForURL(/\?issued=1$/);
    await expect(desk.getByText(ti.issued!)).toBeVisible();
    await expect(desk.getByText('KZ 1234567 · 000123456')).toBeVisible();
    // Another CON's desk: not found.
    const other = await signedIn(browser, STAFF.conIssuanceKostanay, locale);
    expect((await other.goto(`/${locale}/issuance/machinery/${app.id}`))?.status()).toBe(404);
  });
}
