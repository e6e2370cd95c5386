// ID-card renewal online (order 002) in both languages: the citizen, the UMS DP reviewer and the registration
// point officer in their own browsers; the exempt path with an annulment and a second application; the "go to a
// CON" messages for the window and for a long outage; another region's reviewer gets 404 (out of scope is not found, and audited).
import { expect, test, type Page } from '@playwright/test';
import { connect } from '../db/client';
import { PERSONA, REG_POINT, STAFF } from '../db/seed/personas-ids';
import { ALL_PEOPLE } from '../db/seed/people';
import { phoneFor } from '../db/seed/people-model';
import { clearFaults, setFault } from '../lib/registries/faults';
import { portraitJpeg, signaturePng } from '../tests/support/images';
import { type KeyFile, signInDialogWithKeyFile, signingKeyOf } from './eds';
import { documentNumberOf, e2eDatabaseUrl, expectAccessible, expectNoRawCodes, type Locale, signedIn, signInAs } from './fixtures';

test.describe.configure({ mode: 'serial' });

const L = {
  kk: {
    askConsent: 'Келісім сұрау',
    consent: 'Дербес деректеріме қол жеткізуге келісемін',
    phone: 'Мобильді нөміріңіз',
    start: 'Келісу және тексеруді бастау',
    withdraw: 'Өтінішті кері қайтару',
    point: 'Тіркеу пункті',
    save: 'Сақтау',
    photo: 'Фото файлы (JPEG)',
    signature: 'Қолтаңба үлгісінің файлы',
    upload: 'Жүктеу',
    savedPhoto: 'Фото қабылданды.',
    savedSignature: 'Қолтаңба үлгісі қабылданды.',
    pay: 'Бажды төлеу',
    gatewayPay: 'Төлеу',
    newCard: 'Жаңа жеке куәліктің нөмірі',
    document: 'Ұсынылған құжаттың нөмірі',
    check: 'Құжатты тексеру',
    notInPerson: 'Құжат басқа адамға тиесілі',
    issue: 'Беруді тіркеу',
    issued: 'Жеке куәлік берілді. Азаматқа хабарланды.',
    find: 'Табу',
    search: 'Талон нөмірі, ЖСН немесе өтініш нөмірі',
    annulPhoto: 'Фото талаптарға сай емес',
    comment: 'Түсініктеме',
    annul: 'Өтініштің күшін жою',
    applyAgain: 'Қайта өтініш беру',
  },
  ru: {
    askConsent: 'Запросить согласие',
    consent: 'Я даю согласие на доступ к моим персональным данным',
    phone: 'Ваш мобильный номер',
    start: 'Согласиться и начать проверку',
    withdraw: 'Отозвать заявку',
    point: 'Пункт регистрации',
    save: 'Сохранить',
    photo: 'Файл фотографии (JPEG)',
    signature: 'Файл образца подписи',
    upload: 'Загрузить',
    savedPhoto: 'Фото принято.',
    savedSignature: 'Образец подписи принят.',
    pay: 'Оплатить пошлину',
    gatewayPay: 'Оплатить',
    newCard: 'Номер нового удостоверения',
    document: 'Номер предъявленного документа',
    check: 'Проверить документ',
    notInPerson: 'Документ принадлежит другому человеку',
    issue: 'Зарегистрировать выдачу',
    issued: 'Удостоверение выдано. Гражданин уведомлён.',
    find: 'Найти',
    search: 'Номер талона, ИИН или номер заявки',
    annulPhoto: 'Фото не соответствует требованиям',
    comment: 'Комментарий',
    annul: 'Аннулировать заявку',
    applyAgain: 'Подать заявку снова',
  },
} as const;

/** The number BMG holds for a seeded person (the one they type at step 2). */
function bmgPhoneOf(iin: string): string {
  const spec = ALL_PEOPLE.find((p) => p.iin === iin);
  return spec?.phone ?? phoneFor(iin);
}

/** Step 1 asked of the consent service, then the confirmation with the phone for BMG (step 2). */
async function confirmConsent(page: Page, locale: Locale, iin: string, check = true) {
  const l = L[locale];
  await page.goto(`/${locale}/cabinet/id-card`);
  await page.getByRole('button', { name: l.askConsent }).click();
  await page.waitForURL(/\?consent=\d+$/);
  await expect(page.getByTestId('consent-request')).toBeVisible();
  await page.getByLabel(l.consent).check();
  await page.getByLabel(l.phone).fill(bmgPhoneOf(iin));
  if (check) await page.getByRole('button', { name: l.start }).click();
}

/** Steps 1–12 in the citizen's browser; returns the application's URL. */
async function applyOnline(page: Page, locale: Locale, key: KeyFile, pointId: number, iin: string) {
  const l = L[locale];
  await page.goto(`/${locale}/cabinet/id-card`);
  await expectAccessible(page);
  await confirmConsent(page, locale, iin, false);
  await expectAccessible(page);
  await page.getByRole('button', { name: l.start }).click();
  await page.waitForURL(/\/cabinet\/id-card\/[0-9a-f-]{36}$/);
  // Steps 1–7 folded into one line; the lines themselves open from it (issue 15).
  await expect(page.getByTestId('checks-summary')).toBeVisible();
  await expect(page.getByTestId('task-list').locator('li')).toHaveCount(4);
  await page.getByLabel(l.point).selectOption(String(pointId));
  await page.getByRole('button', { name: l.save, exact: true }).click();
  await page.waitForURL(/\?saved=form$/);
  await page.getByLabel(l.photo).setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await portraitJpeg() });
  await page
    .locator('form', { has: page.getByLabel(l.photo) })
    .getByRole('button', { name: l.upload })
    .click();
  // Uploaded with fetch and the page refreshed in place (issue 15): the field's own notice, no reload.
  await expect(page.getByRole('heading', { name: l.savedPhoto })).toBeVisible();
  await expect(page.getByRole('img', { name: locale === 'kk' ? 'Жүктелген фото' : 'Загруженная фотография' })).toBeVisible();
  await page.getByLabel(l.signature).setInputFiles({ name: 'signature.png', mimeType: 'image/png', buffer: await signaturePng() });
  await page
    .locator('form', { has: page.getByLabel(l.signature) })
    .getByRole('button', { name: l.upload })
    .click();
  await expect(page.getByRole('heading', { name: l.savedSignature })).toBeVisible();
  await expect(page.getByTestId('open-sign-dialog')).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('open-sign-dialog').click();
  await signInDialogWithKeyFile(page.getByRole('dialog'), key, locale);
  await page.waitForURL(/\?submitted=1$/);
  return page.url().replace(/\?submitted=1$/, '');
}

/**
 * Step 19 at the registration point, in person only: nothing about the applicant shows before the document is checked;
 * a representative's own document is refused; the applicant's passes (GBD FL photo), then the new card is recorded.
 */
async function issueInPerson(officer: Page, locale: Locale, representative: string, applicant: string, newCard: string) {
  const l = L[locale];
  await expect(officer.getByTestId('desk-identity')).toBeVisible();
  await expect(officer.getByTestId('gbd-photo')).toHaveCount(0);
  await expect(officer.locator('main')).not.toContainText(applicant);
  await expectAccessible(officer);
  await officer.getByLabel(l.document).fill(await documentNumberOf(representative));
  await officer.getByRole('button', { name: l.check }).click();
  await expect(officer.getByText(l.notInPerson, { exact: false })).toBeVisible();
  await officer.getByLabel(l.document).fill(await documentNumberOf(applicant));
  await officer.getByRole('button', { name: l.check }).click();
  await expect(officer.getByTestId('gbd-photo')).toBeVisible();
  await expect(officer.getByTestId('desk-identity-passed')).toContainText(applicant);
  // GBD FL's photo and the new card's side by side, each captioned (issue 15).
  await expect(officer.getByTestId('desk-photos').getByRole('img')).toHaveCount(2);
  await expect(officer.getByTestId('desk-photos').locator('figcaption')).toHaveText(
    locale === 'kk' ? ['ЖТ МДБ-дағы фото', 'Жаңа фото'] : ['Фото из ГБД ФЛ', 'Новое фото'],
  );
  await expectAccessible(officer);
  await officer.getByLabel(l.newCard).fill(newCard);
  await officer.getByRole('button', { name: l.issue }).click();
  await expect(officer.getByText(l.issued)).toBeVisible();
}

async function until(page: Page, text: string | RegExp, timeout = 90_000) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout });
}

test('kk: from the service page to the card issued in person, paying the duty; another region’s reviewer gets 404', async ({ browser }) => {
  test.setTimeout(240_000);
  const l = L.kk;
  const citizenKey = await signingKeyOf(browser, PERSONA.citizenAigerim, 'kk');
  const reviewerKey = await signingKeyOf(browser, STAFF.umsAstana, 'kk');
  const citizen = await signedIn(browser, PERSONA.citizenAigerim, 'kk');
  const url = await applyOnline(citizen, 'kk', citizenKey, REG_POINT.astana1, PERSONA.citizenAigerim);
  await expect(citizen.getByTestId('duty')).toContainText('₸');
  await citizen.getByRole('button', { name: l.pay }).click();
  await citizen.waitForURL(/\/gateway\/pay\//);
  await citizen.getByRole('button', { name: l.gatewayPay, exact: true }).click();
  await citizen.waitForURL(/\/cabinet\/id-card\//);
  await until(citizen, 'Өтінішті сіз таңдаған өңірдің көші-қон қызметі (ПД КҚБ) тексеруде', 30_000);
  const number = (await citizen
    .locator('main')
    .getByText(/^ID-\d{4}-\d{6}$/)
    .first()
    .textContent())!.trim();
  const id = url.split('/').pop()!;

  const stranger = await signedIn(browser, STAFF.umsKostanay, 'kk');
  expect((await stranger.goto(`/kk/ums/id-card/${id}`))?.status()).toBe(404);

  const reviewer = await signedIn(browser, STAFF.umsAstana, 'kk');
  await reviewer.getByRole('link', { name: number }).click();
  await expect(reviewer.getByTestId('review-photo')).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.getByTestId('open-sign-dialog').click();
  await signInDialogWithKeyFile(reviewer.getByRole('dialog'), reviewerKey, 'kk');
  await expect(reviewer.getByText('Шешім тіркелді')).toBeVisible();

  // Exactly "ready", not "Жеке куәлік дайындалуда" (in production), which begins with the same words.
  await until(citizen, /^Жеке куәлік дайын($|:)/);
  const officer = await signedIn(browser, STAFF.migrationAstana, 'kk');
  await officer.getByLabel(l.search).fill(PERSONA.citizenAigerim);
  await officer.getByRole('button', { name: l.find }).click();
  await officer.getByTestId('point-results').getByRole('link', { name: number }).click();
  await expectAccessible(officer);
  await issueInPerson(officer, 'kk', PERSONA.idCardExempt, PERSONA.citizenAigerim, '045678123');

  await citizen.goto(url);
  await expect(citizen.getByTestId('new-card')).toContainText('045678123');
  await expectAccessible(citizen);
  await expectNoRawCodes(citizen);
  // Who viewed my data: the reviewer's views are one line per office and day, named by the office, in words.
  await citizen.goto('/kk/cabinet/access-log');
  await expect(citizen.locator('main table')).toBeVisible();
  await expect(citizen.locator('main table')).not.toContainText(/ПД КҚБ қызметкері|Көші-қон қызметінің қызметкері/);
  await expectNoRawCodes(citizen);
  await expectAccessible(citizen);
  for (const p of [citizen, stranger, reviewer, officer]) await p.context().close();
});

test('ru: exempt from the duty; annulled for the photo; a second application is approved and issued in person', async ({ browser }) => {
  test.setTimeout(300_000);
  const l = L.ru;
  const key = await signingKeyOf(browser, PERSONA.idCardExempt, 'ru');
  const citizen = await signedIn(browser, PERSONA.idCardExempt, 'ru');
  await applyOnline(citizen, 'ru', key, REG_POINT.astana1, PERSONA.idCardExempt);
  await until(citizen, 'Вы освобождены от государственной пошлины', 20_000);
  const number = (await citizen
    .locator('main')
    .getByText(/^ID-\d{4}-\d{6}$/)
    .first()
    .textContent())!.trim();

  const reviewer = await signedIn(browser, STAFF.umsAstana, 'ru');
  await reviewer.getByRole('link', { name: number }).click();
  await reviewer.getByLabel(l.annulPhoto).check();
  await reviewer.getByLabel(l.comment).fill('Тень на фоне');
  await reviewer.getByRole('button', { name: l.annul }).click();
  // Annulling asks first (issue 15): the dialog's own button sends it.
  await reviewer.getByRole('dialog').getByRole('button', { name: 'Да, аннулировать' }).click();
  await expect(reviewer.getByText('Решение принято')).toBeVisible();

  await citizen.reload();
  await expect(citizen.getByText('Тень на фоне', { exact: false })).toBeVisible();
  await citizen.getByRole('link', { name: l.applyAgain }).click();
  await applyOnline(citizen, 'ru', key, REG_POINT.astana1, PERSONA.idCardExempt);
  await until(citizen, 'Заявку проверяет миграционная служба полиции (УМС ДП) выбранного региона', 20_000);

  // The second application approved with EDS, produced, and issued in person at the point (step 19), in Russian.
  const second = (await citizen
    .locator('main')
    .getByText(/^ID-\d{4}-\d{6}$/)
    .first()
    .textContent())!.trim();
  const reviewerKey = await signingKeyOf(browser, STAFF.umsAstana, 'ru');
  await reviewer.goto('/ru/ums');
  await reviewer.getByRole('link', { name: second }).click();
  await reviewer.getByTestId('open-sign-dialog').click();
  await signInDialogWithKeyFile(reviewer.getByRole('dialog'), reviewerKey, 'ru');
  await expect(reviewer.getByText('Решение принято')).toBeVisible();
  await until(citizen, 'Удостоверение готово');
  const officer = await signedIn(browser, STAFF.migrationAstana, 'ru');
  await officer.getByLabel(l.search).fill(second);
  await officer.getByRole('button', { name: l.find }).click();
  await officer.getByTestId('point-results').getByRole('link', { name: second }).click();
  await issueInPerson(officer, 'ru', PERSONA.citizenAigerim, PERSONA.idCardExempt, '045678124');
  for (const p of [citizen, reviewer, officer]) await p.context().close();
});

test('kk: a card that expires in 40 days cannot be renewed yet — the day it can be, online', async ({ page }) => {
  await signInAs(page, PERSONA.idCardTooEarly, 'kk');
  await confirmConsent(page, 'kk', PERSONA.idCardTooEarly);
  await expect(page.getByText(/Онлайн өтінішті \d\d\.\d\d\.\d{4} күнінен бастап бере аласыз/)).toBeVisible();
  await expect(page.getByText('ХҚКО-ға жүгініңіз', { exact: false })).toHaveCount(0);
  await expectAccessible(page);
});

test('ru: Digital-ID down for over 10 minutes — the citizen is sent to a CON (point 12)', { tag: '@faults' }, async ({ page }) => {
  const { client, db } = connect(e2eDatabaseUrl(), 2);
  try {
    await setFault(db, 'digital_id', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 11 * 60_000) });
    await signInAs(page, PERSONA.idCardExpired3, 'ru');
    await confirmConsent(page, 'ru', PERSONA.idCardExpired3, false);
    await expect(async () => {
      await page.getByRole('button', { name: L.ru.start }).click();
      await expect(page.getByText('не отвечает больше 10 минут', { exact: false })).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await clearFaults(db);
    await client.end();
  }
});

test('ru: a standing refusal in the consent service stops the flow at step 1', async ({ page }) => {
  await signInAs(page, PERSONA.idCardConsentRefused, 'ru');
  await confirmConsent(page, 'ru', PERSONA.idCardConsentRefused);
  await expect(page.getByText('Согласие на доступ к данным не дано', { exact: false })).toBeVisible();
  await expectAccessible(page);
});

const TASKS = {
  kk: { list: 'Өтінішті дайындау', notStarted: 'Басталмаған', done: 'Орындалды', allPassed: /тексерудің бәрі сәтті өтті/ },
  ru: { list: 'Подготовка заявки', notStarted: 'Не начато', done: 'Готово', allPassed: /проверок по государственным базам пройдены/ },
} as const;

/** The draft's task list as a citizen sees it at this width and in this language (issue 15). */
async function expectTaskList(page: Page, locale: Locale, width: number, pointDone: boolean) {
  const k = TASKS[locale];
  await page.setViewportSize({ width, height: 900 });
  await page.reload(); // the checks' <details> closed again
  await expect(page.getByRole('heading', { name: k.list })).toBeVisible();
  const items = page.getByTestId('task-list').locator('li');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText(pointDone ? k.done : k.notStarted);
  for (const i of [1, 2, 3]) await expect(items.nth(i)).toContainText(k.notStarted);
  // The registry checks are one line; the lines open from it.
  const checks = page.getByTestId('checks-summary');
  await expect(checks).toContainText(k.allPassed);
  await expect(checks.getByTestId('check-lines')).toBeHidden();
  await checks.locator('summary').click();
  await expect(checks.getByTestId('check-lines')).toBeVisible();
  // A task's link leads to its own section.
  await items.nth(2).getByRole('link').click();
  await expect(page).toHaveURL(/#task-signature$/);
  await expect(page.locator('#task-signature')).toBeInViewport();
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(scroll).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await expectNoRawCodes(page);
}

test('kk and ru, 390 and 1366 px: the draft is a task list; withdrawn only after a confirmation, and a new one can be started', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, PERSONA.idCardFaceMismatch, 'kk');
  await confirmConsent(page, 'kk', PERSONA.idCardFaceMismatch);
  await page.waitForURL(/\/cabinet\/id-card\/[0-9a-f-]{36}$/);
  const first = page.url();
  await expectTaskList(page, 'kk', 390, false);
  await expectTaskList(page, 'kk', 1366, false);
  // The point saved: its task is done (BMG's phone is already the contact phone).
  await page.getByLabel(L.kk.point).selectOption(String(REG_POINT.astana1));
  await page.getByRole('button', { name: L.kk.save, exact: true }).click();
  await page.waitForURL(/\?saved=form$/);
  await page.goto(first.replace('/kk/', '/ru/'));
  await expectTaskList(page, 'ru', 390, true);
  await expectTaskList(page, 'ru', 1366, true);
  await page.goto(first);

  // Cancelled in the confirmation: nothing happens.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: L.kk.withdraw }).click();
  await expect(page.getByTestId('task-list')).toBeVisible();
  expect(page.url()).toBe(first);
  page.once('dialog', (d) => {
    expect(d.message()).toContain('Өтінішті кері қайтарасыз ба?');
    void d.accept();
  });
  await page.getByRole('button', { name: L.kk.withdraw }).click();
  await page.waitForURL(/\?withdrawn=1$/);
  await expect(page.getByText('Өтініш кері қайтарылды').first()).toBeVisible();
  await expect(page.getByTestId('task-list')).toHaveCount(0);
  await expect(page.getByRole('button', { name: L.kk.withdraw })).toHaveCount(0);
  // The history, newest first: the withdrawal heads it.
  await expect(page.locator('main ol').last().locator('li').first()).toContainText('Азамат өтінішті кері қайтарды');
  await expectAccessible(page);
  await expectNoRawCodes(page);
  await confirmConsent(page, 'kk', PERSONA.idCardFaceMismatch);
  await page.waitForURL(/\/cabinet\/id-card\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toBe(first);
  // Leave no open renewal behind (the demo data stays as it was for the next run).
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: L.kk.withdraw }).click();
  await page.waitForURL(/\?withdrawn=1$/);
});

test('ru: too early — the date online renewal opens, not a CON', async ({ page }) => {
  await signInAs(page, PERSONA.idCardTooEarly, 'ru');
  await confirmConsent(page, 'ru', PERSONA.idCardTooEarly);
  // Issue 15: not sent to a CON, but told the day online renewal opens.
  await expect(page.getByText(/Подать заявку онлайн можно с \d{2}\.\d{2}\.\d{4}\./)).toBeVisible();
  await expect(page.getByText('обратитесь в ЦОН', { exact: false })).toHaveCount(0);
  await expectNoRawCodes(page);
  await expectAccessible(page);
});

test('kk: too late — the last day online has passed', async ({ page }) => {
  await signInAs(page, PERSONA.idCardTooLate, 'kk');
  await confirmConsent(page, 'kk', PERSONA.idCardTooLate);
  // The browser formats the date (lib/format.ts formatDate): Chromium's ICU writes kk numeric dates as YYYY-MM-DD.
  await expect(page.getByTestId('online-until')).toContainText(
    /Онлайн өтініш берудің соңғы күні: (\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2})\./,
  );
  await expectAccessible(page);
});
