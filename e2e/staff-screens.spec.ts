// Issue 15, "Mobile and staff screens": the compact menu at 390 px and the one-line staff header at 1366 px; the
// UMS DP queue (deadline, overdue flag, applicant, sorting, validated filters, the empty state that fits the filter);
// the annulment confirmed in a dialog (cancel keeps the application, confirm annuls). In kk and ru.
import { randomInt } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { connect } from '../db/client';
import { applications } from '../db/schema/applications';
import { idCardApplications } from '../db/schema/id-card';
import { users } from '../db/schema/people';
import { signatures } from '../db/schema/signatures';
import { PERSONA, REG_POINT, STAFF } from '../db/seed/personas-ids';
import { e2eDatabaseUrl, expectAccessible, expectNoRawCodes, type Locale, signInAs } from './fixtures';

const L = {
  kk: {
    menu: 'Мәзір',
    payments: 'Төлемдер',
    notifications: 'Хабарламалар',
    home: 'Басты бет',
    from: 'Берілген күні: бастап',
    to: 'Берілген күні: дейін',
    sort: 'Реті',
    apply: 'Сүзу',
    overdue: /кешікті|Мерзімі өтті/,
    inverted: 'Соңғы күн бастапқы күннен ерте болмауы керек',
    noMatch: 'Сүзгілерге сай өтініш жоқ',
    reason: 'Фото талаптарға сай емес',
    comment: 'Түсініктеме',
    annul: 'Өтініштің күшін жою',
    confirm: 'Иә, күшін жою',
    cancel: 'Жоқ, қайту',
    underReview: 'Қаралуда',
    annulled: 'Күші жойылды',
    decided: 'Шешім тіркелді',
    gbdPhoto: 'ЖТ МДБ-дағы фото',
    newPhoto: 'Жаңа фото',
    rules: 'Фотоға қойылатын талаптар',
  },
  ru: {
    menu: 'Меню',
    payments: 'Платежи',
    notifications: 'Уведомления',
    home: 'Главная',
    from: 'Подана с',
    to: 'Подана по',
    sort: 'Порядок',
    apply: 'Применить',
    overdue: /Просрочено/,
    inverted: 'Дата «по» не может быть раньше даты «с»',
    noMatch: 'Нет заявок, подходящих под фильтры',
    reason: 'Фото не соответствует требованиям',
    comment: 'Комментарий',
    annul: 'Аннулировать заявку',
    confirm: 'Да, аннулировать',
    cancel: 'Нет, вернуться',
    underReview: 'На рассмотрении',
    annulled: 'Аннулировано',
    decided: 'Решение принято',
    gbdPhoto: 'Фото из ГБД ФЛ',
    newPhoto: 'Новое фото',
    rules: 'Требования к фотографии',
  },
} as const;

type Seeded = { number: string; iin: string; surname: string; id: string };

/**
 * Three ID-card applications under UMS DP review in Kostanay, submitted on three days of one month no other test
 * uses (so a date filter isolates them): the oldest submitted has the latest deadline, so the two orders differ;
 * the newest is overdue. Each has an applicant account (their name) and a request signature (the review page's).
 */
async function seedQueue(month: number): Promise<Seeded[]> {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  const tag = randomInt(100_000, 999_999);
  try {
    const out: Seeded[] = [];
    for (let i = 0; i < 3; i++) {
      const iin = `99${String(randomInt(0, 10 ** 9)).padStart(9, '0')}${i}`;
      const surname = `Тестов${['а', 'ой', 'ын'][i]}${tag}`;
      const [user] = await db.insert(users).values({ iin, surname, givenName: 'Әсел', locale: 'kk' }).returning();
      const submittedAt = new Date(Date.UTC(2026, month, 12 + i, 6));
      // i = 0: due in a week (not overdue); i = 1: due in ten days; i = 2: overdue since the day after.
      const deadlineAt = i === 2 ? new Date(Date.UTC(2026, month, 15, 6)) : new Date(Date.now() + (i === 0 ? 7 : 10) * 86_400_000);
      const number = `ID-2026-S${tag}${i}`;
      const [app] = await db
        .insert(applications)
        .values({
          number,
          pilot: 'id_card',
          status: 'under_review',
          applicantIin: iin,
          applicantUserId: user!.id,
          regionCode: '10',
          registrationPointId: REG_POINT.kostanay1,
          createdAt: submittedAt,
          submittedAt,
          deadlineAt,
        })
        .returning();
      const [signature] = await db
        .insert(signatures)
        .values({
          applicationId: app!.id,
          purpose: 'id_card.request',
          partyRole: 'applicant',
          signerIin: iin,
          certificatePem: '-',
          certificateSerial: `s${tag}${i}`,
          cms: '-',
          documentNumber: number,
          document: '{}',
          dataSha256: '0'.repeat(64),
          verifyCode: `v${tag}${i}`,
          valid: true,
        })
        .returning();
      await db.insert(idCardApplications).values({
        applicationId: app!.id,
        iin,
        consentId: 'c',
        currentCardNumber: '040000001',
        currentCardIssuedOn: '2016-01-20',
        currentCardExpiresOn: '2026-01-20',
        registrationPointId: REG_POINT.kostanay1,
        rpDrnTicket: `RT${tag}${i}`,
        exemptStatus: 'disability_group_2',
        signatureId: signature!.id,
      });
      out.push({ number, iin, surname, id: app!.id });
    }
    return out;
  } finally {
    await client.end();
  }
}

let client = 0;
/**
 * A fresh context signed in as the persona, with an address of its own (X-Forwarded-For, as the trusted proxy would
 * send it): the e2e server's per-address sign-in limit (3 in 10 minutes) then counts each test apart.
 */
async function signedIn(browser: Browser, iin: string, locale: Locale): Promise<Page> {
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': `2001:db8:5:${(process.pid % 0xffff).toString(16)}::${(++client).toString(16)}` },
  });
  const page = await context.newPage();
  await signInAs(page, iin, locale);
  return page;
}

const day = (month: number, d: number) => `${String(d).padStart(2, '0')}.${String(month + 1).padStart(2, '0')}.2026`;

async function filter(page: Page, locale: Locale, values: { from?: string; to?: string; sort?: string }) {
  const l = L[locale];
  if (values.from !== undefined) await page.getByLabel(l.from).fill(values.from);
  if (values.to !== undefined) await page.getByLabel(l.to).fill(values.to);
  if (values.sort) await page.getByLabel(l.sort).selectOption(values.sort);
  await page.getByRole('button', { name: l.apply, exact: true }).click();
  await page.waitForLoadState('load');
}

/** The application numbers of the queue table, top to bottom. */
const numbersOf = async (page: Page) => (await page.locator('main table tbody tr th a').allInnerTexts()).map((s) => s.trim());

const months = { kk: 0, ru: 1 } as const;

for (const locale of ['kk', 'ru'] as const) {
  const l = L[locale];

  test(`${locale}: 390 px — the menu opens and closes by keyboard, its links work, the current tab is marked`, async ({ browser }) => {
    const page = await signedIn(browser, PERSONA.citizenAigerim, locale);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/${locale}/cabinet/payments`);
    const button = page.getByTestId('site-menu-button');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('site-menu-panel')).toBeHidden();
    // The header and the tabs take little room: the page's heading is in the first screen's upper half.
    const heading = await page.locator('main h1').boundingBox();
    expect(heading!.y).toBeLessThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = page.getByTestId('site-menu-panel');
    await expect(panel.getByRole('link', { name: l.home })).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();

    // The area's tabs: one button naming the current one, the list behind it.
    const tabs = page.getByTestId('section-nav-button');
    await expect(tabs).toHaveText(l.payments);
    await tabs.click();
    await expect(tabs).toHaveAttribute('aria-expanded', 'true');
    const nav = page.getByTestId('section-nav-panel');
    await expect(nav.getByRole('link', { name: l.payments })).toHaveAttribute('aria-current', 'page');
    await nav.getByRole('link', { name: l.notifications }).click();
    await page.waitForURL(new RegExp(`/${locale}/cabinet/notifications$`));
    await expect(tabs).toHaveText(l.notifications);
    await expect(tabs).toHaveAttribute('aria-expanded', 'false');
    await tabs.click();
    await expect(nav.getByRole('link', { name: l.notifications })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: l.payments })).not.toHaveAttribute('aria-current', 'page');

    // A link inside the header's menu goes where it says, and the menu closes behind it.
    await button.click();
    await panel.getByRole('link', { name: l.home }).click();
    await page.waitForURL(new RegExp(`/${locale}/cabinet$`));
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(tabs).toHaveText(locale === 'kk' ? 'Менің өтініштерім' : 'Мои заявки');
    await expectNoRawCodes(page);
    await page.context().close();
  });

  test(`${locale}: 1366 px — the staff header is one row, the menu button is gone`, async ({ browser }) => {
    const page = await signedIn(browser, STAFF.umsKostanay, locale);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/${locale}/ums`);
    await expect(page.getByTestId('site-menu-button')).toBeHidden();
    const header = page.locator('body > header, header').first();
    const signOut = header.getByRole('button', { name: locale === 'kk' ? 'Шығу' : 'Выйти' });
    const brand = header.getByRole('link', { name: 'Qyzmet' });
    const [h, s, b] = await Promise.all([header.boundingBox(), signOut.boundingBox(), brand.boundingBox()]);
    // Brand and sign-out side by side: both vertically within the one row the header is.
    expect(h!.height).toBeLessThan(110);
    expect(Math.abs(s!.y + s!.height / 2 - (b!.y + b!.height / 2))).toBeLessThan(24);
    await expect(header.getByRole('link', { name: l.home })).toHaveAttribute('aria-current', 'page');
    await page.context().close();
  });

  test(`${locale}: the UMS DP queue — deadline and overdue flag, applicant, sorting, filters kept, empty state, inverted range`, async ({
    browser,
  }) => {
    const m = months[locale];
    const rows = await seedQueue(m);
    const page = await signedIn(browser, STAFF.umsKostanay, locale);
    await filter(page, locale, { from: day(m, 12), to: day(m, 14) });
    // Nearest deadline first: the overdue one (newest submitted), then the oldest, then the middle one.
    expect(await numbersOf(page)).toEqual([rows[2]!.number, rows[0]!.number, rows[1]!.number]);
    const overdueRow = page.locator('main table tbody tr', { hasText: rows[2]!.number });
    await expect(overdueRow.getByTestId('overdue')).toHaveText(l.overdue);
    await expect(page.locator('main table tbody tr', { hasText: rows[0]!.number }).getByTestId('overdue')).toHaveCount(0);
    // The applicant by name, the IIN masked.
    await expect(overdueRow).toContainText(rows[2]!.surname);
    await expect(overdueRow).toContainText(`•••${rows[2]!.iin.slice(-4)}`);
    await expect(page.locator('main')).not.toContainText(rows[2]!.iin);
    // What was typed stays in the form.
    await expect(page.getByLabel(l.from)).toHaveValue(day(m, 12));
    await expect(page.getByLabel(l.to)).toHaveValue(day(m, 14));
    await expectAccessible(page);
    await expectNoRawCodes(page);

    await filter(page, locale, { sort: 'newest' });
    expect(await numbersOf(page)).toEqual([rows[2]!.number, rows[1]!.number, rows[0]!.number]);
    await expect(page.getByLabel(l.sort)).toHaveValue('newest');
    await expect(page.getByLabel(l.from)).toHaveValue(day(m, 12));
    await filter(page, locale, { sort: 'oldest' });
    expect(await numbersOf(page)).toEqual([rows[0]!.number, rows[1]!.number, rows[2]!.number]);

    // A range with nothing in it: the empty state says the filters found nothing (not that the queue is empty).
    await filter(page, locale, { from: day(m, 1), to: day(m, 2) });
    await expect(page.getByText(l.noMatch)).toBeVisible();

    // An inverted range: refused in the user's language, both dates kept as typed, no list.
    await filter(page, locale, { from: day(m, 14), to: day(m, 12) });
    await expect(page.getByTestId('filter-errors')).toContainText(l.inverted);
    await expect(page.getByLabel(l.to)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(l.from)).toHaveValue(day(m, 14));
    await expect(page.getByLabel(l.to)).toHaveValue(day(m, 12));
    await expect(page.locator('main table')).toHaveCount(0);
    await expectAccessible(page);
    await page.context().close();
  });

  test(`${locale}: annulling asks first — cancel keeps the application, confirm annuls it`, async ({ browser }) => {
    const m = months[locale];
    // A month of its own: the queue test above counts its three rows.
    const [app] = await seedQueue(m + 6);
    const page = await signedIn(browser, STAFF.umsKostanay, locale);
    await page.goto(`/${locale}/ums/id-card/${app!.id}`);
    // The two photos side by side, labelled, with the rules beside them.
    const compare = page.getByTestId('photo-compare');
    await expect(compare.getByText(l.gbdPhoto, { exact: true })).toBeVisible();
    await expect(compare.getByText(l.newPhoto, { exact: true })).toBeVisible();
    await expect(compare.getByRole('heading', { name: l.rules })).toBeVisible();

    await page.getByLabel(l.reason).check();
    await page.getByLabel(l.comment).fill('Көлеңке / Тень');
    await page.getByRole('button', { name: l.annul }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(l.reason);
    await expect(dialog).toContainText('Көлеңке / Тень');
    await expect(dialog.getByRole('button', { name: l.cancel })).toBeFocused();
    await expectAccessible(page);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: l.annul })).toBeVisible();
    await page.reload();
    await expect(page.locator('main').getByText(l.underReview, { exact: true }).first()).toBeVisible();

    await page.getByLabel(l.reason).check();
    await page.getByLabel(l.comment).fill('Көлеңке / Тень');
    await page.getByRole('button', { name: l.annul }).click();
    await dialog.getByRole('button', { name: l.confirm }).click();
    await expect(page.getByText(l.decided)).toBeVisible();
    await expect(page.locator('main').getByText(l.annulled, { exact: true }).first()).toBeVisible();
    await page.context().close();
  });
}
