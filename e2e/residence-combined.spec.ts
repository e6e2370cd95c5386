// The whole online residence registration with an owner's consent (order 003, SPEC §6), each party in its own
// browser context, in both languages: the applicant (not an owner) picks the dwelling and sends the application;
// the owner finds the request in their cabinet and consents with EDS; the applicant sees the owner's answer on the
// page (masked name) and on the timeline in words, signs with EDS, and the address certificate is in Digital
// documents. kk: a Karaganda flat; ru: an Astana flat within the norm (p.10 steps 1–3 on the way, re-checked at
// signing). Each run makes its own dwelling, so runs never share state.
import { randomInt } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { connect } from '../db/client';
import { applications } from '../db/schema/applications';
import { properties, propertyOwners } from '../db/schema/registry';
import { residenceApplications, residenceConsents } from '../db/schema/residence';
import { PERSONA } from '../db/seed/personas-ids';
import { signInDialogWithKeyFile, signingKeyOf } from './eds';
import { e2eDatabaseUrl, expectAccessible, type Locale, signedIn } from './fixtures';

const L = {
  kk: {
    startOnline: 'Онлайн өтініш беру',
    permanent: 'Тұрғылықты жері бойынша тұрақты тіркеу',
    start: 'Бастау',
    cadastral: 'Кадастрлық нөмірі',
    find: 'Табу',
    choose: 'Осы тұрғын үйді таңдау',
    reason: 'Көшу себебі',
    education: 'Білімі',
    occupation: 'Жұмыспен қамтылуы',
    single: 'Ешқашан некеде болмаған',
    save: 'Талонды сақтау',
    finish: 'Өтінішті жіберу',
    certificate: 'Адрестік анықтама',
    continueToForm: 'Келу статистикалық талонына өту',
    consented: 'Келісім берілді',
    consentGiven: 'Меншік иесі келісім берді',
    normChecked: 'Астана: тұрғын үй алаңының нормасы тексерілді',
  },
  ru: {
    startOnline: 'Подать заявку онлайн',
    permanent: 'Постоянная регистрация по месту жительства',
    start: 'Начать',
    cadastral: 'Кадастровый номер',
    find: 'Найти',
    choose: 'Выбрать это жильё',
    reason: 'Причина переезда',
    education: 'Образование',
    occupation: 'Занятость',
    single: 'Никогда не состоял(а) в браке',
    save: 'Сохранить талон',
    finish: 'Отправить заявку',
    certificate: 'Адресная справка',
    continueToForm: 'Перейти к статистическому талону прибытия',
    consented: 'Согласие дано',
    consentGiven: 'Собственник дал согласие',
    normChecked: 'Астана: проверена норма площади жилья',
  },
} as const;

async function withDb<T>(fn: (db: ReturnType<typeof connect>['db']) => Promise<T>): Promise<T> {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  try {
    return await fn(db);
  } finally {
    await client.end();
  }
}

/**
 * A new flat for this run owned by `owner` alone (Karaganda, or Astana with nobody registered: within the norm),
 * and the applicant's open residence applications of earlier runs closed.
 */
async function freshFlat(owner: string, applicant: string, city: 'karaganda' | 'astana') {
  const house = String(500 + randomInt(9000));
  const flat = String(1 + randomInt(200));
  const astana = city === 'astana';
  const cadastralNumber = astana ? `21-777-${randomInt(1000)}-${house}:${flat}` : `09-143-9${randomInt(100)}-${house}:${flat}`;
  await withDb(async (db) => {
    await db.insert(properties).values({
      cadastralNumber,
      regionCode: astana ? '01' : '09',
      kind: 'flat',
      totalAreaM2: 64,
      addressKk: astana
        ? `Астана қ., Есіл ауданы, Сынақ даңғылы, ${house}, ${flat}-пәтер`
        : `Қарағанды облысы, Қарағанды қ., Ерубаев көшесі, ${house}, ${flat}-пәтер`,
      addressRu: astana
        ? `г. Астана, район Есиль, пр. Тестовый, д. ${house}, кв. ${flat}`
        : `Карагандинская область, г. Караганда, ул. Ерубаева, д. ${house}, кв. ${flat}`,
    });
    await db.insert(propertyOwners).values({ cadastralNumber, iin: owner, shareMilli: 1000 });
    const open = await db
      .select({ id: residenceApplications.applicationId })
      .from(residenceApplications)
      .where(and(eq(residenceApplications.iin, applicant), isNull(residenceApplications.closedAt)));
    if (open.length) {
      const ids = open.map((o) => o.id);
      await db.update(residenceApplications).set({ closedAt: new Date() }).where(inArray(residenceApplications.applicationId, ids));
      await db.update(applications).set({ status: 'withdrawn' }).where(inArray(applications.id, ids));
    }
  });
  return cadastralNumber;
}

const idOf = (page: Page) => /\/cabinet\/residence\/([0-9a-f-]{36})/.exec(page.url())![1]!;

/** The applicant's part up to "sent": the service, the dwelling (and Astana's check), the arrival form, finish. */
async function apply(page: Page, locale: Locale, cadastralNumber: string, ownerName: string, astana: boolean, married: boolean) {
  const l = L[locale];
  await page.goto(`/${locale}/services/residence`);
  await page.getByRole('link', { name: l.startOnline }).first().click();
  await page.waitForURL(/\/cabinet\/residence\/new$/);
  await page.getByLabel(l.permanent).check();
  await page.getByRole('button', { name: l.start, exact: true }).click();
  await page.waitForURL(/\/cabinet\/residence\/[0-9a-f-]{36}\/dwelling$/);
  await page.getByLabel(l.cadastral).fill(cadastralNumber);
  await page.getByRole('button', { name: l.find, exact: true }).click();
  const preview = page.getByTestId('dwelling-preview');
  await expect(preview).toContainText(cadastralNumber);
  // The owner as a real portal shows another person: the given name and the surname's initial.
  await expect(preview).toContainText(ownerName);
  await expectAccessible(page);
  await page.getByRole('button', { name: l.choose }).click();
  if (astana) {
    // p.10 steps 1–3: 64 m² ÷ 15 m² = 4 places, nobody registered → the norm is not reached.
    await page.waitForURL(/\/astana$/);
    await expect(page.getByTestId('astana-arithmetic')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: l.continueToForm }).click();
  }
  await page.waitForURL(/\/form$/);
  await page.getByLabel(l.reason).selectOption('family');
  await page.getByLabel(l.education).selectOption('higher');
  await page.getByLabel(l.occupation).selectOption('employed');
  // A marriage ZAGS holds is the state's fact: the field is not the applicant's to change.
  if (!married) await page.getByLabel(l.single).check();
  await page.getByRole('button', { name: l.save }).click();
  await page.waitForURL(/\?saved=form$/);
  await page.getByRole('button', { name: l.finish, exact: true }).click();
  await page.waitForURL(/\?finished=1$/);
  const consents = page.getByTestId('consent-status');
  await expect(consents.locator('[data-consent="requested"]')).toHaveCount(1);
  await expect(consents).toContainText(ownerName);
  await expectAccessible(page);
  return idOf(page);
}

const cases = [
  {
    locale: 'kk' as const,
    applicant: PERSONA.residenceMover,
    owner: PERSONA.grandpaBolat,
    ownerName: 'Болат Ж.',
    city: 'karaganda' as const,
    married: false,
  },
  {
    locale: 'ru' as const,
    applicant: PERSONA.grandmaRoza,
    owner: PERSONA.auntMadina,
    ownerName: 'Мадина А.',
    city: 'astana' as const,
    married: true, // to grandpa Erlan, in ZAGS
  },
];

for (const c of cases) {
  test(`${c.locale}: a non-owner applies, the owner consents with EDS in their own cabinet, the applicant signs → the certificate in Digital documents`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const { locale } = c;
    const l = L[locale];
    const cadastralNumber = await freshFlat(c.owner, c.applicant, c.city);
    const [ownerKey, applicantKey] = [await signingKeyOf(browser, c.owner, locale), await signingKeyOf(browser, c.applicant, locale)];

    // The applicant sends it: one request, to the one owner.
    const applicant = await signedIn(browser, c.applicant, locale);
    const id = await apply(applicant, locale, cadastralNumber, c.ownerName, c.city === 'astana', c.married);
    const [row] = await withDb((db) => db.select({ number: applications.number }).from(applications).where(eq(applications.id, id)));
    const number = row!.number;

    // The owner, in a context of their own: the request in the cabinet, consent with EDS.
    const owner = await signedIn(browser, c.owner, locale);
    await owner.goto(`/${locale}/cabinet/consents`);
    await owner.getByTestId('consent-row').filter({ hasText: number }).click();
    await owner.waitForURL(/\/cabinet\/consents\/[0-9a-f-]{36}$/);
    await expect(owner.getByTestId('consent-address')).toContainText(cadastralNumber.startsWith('21-') ? 'Астана' : 'Қарағанды');
    await expectAccessible(owner);
    await owner.getByTestId('open-sign-dialog').click();
    const ownerDialog = owner.getByRole('dialog');
    await expect(ownerDialog).toContainText(number);
    await signInDialogWithKeyFile(ownerDialog, ownerKey, locale);
    await owner.waitForURL(/answered=consented$/);
    const [consent] = await withDb((db) => db.select().from(residenceConsents).where(eq(residenceConsents.applicationId, id)));
    expect(consent).toMatchObject({ ownerIin: c.owner, status: 'consented' });
    expect(consent!.signatureId).not.toBeNull();

    // The applicant sees the answer (on the page and on the timeline, in words) and signs.
    await applicant.goto(`/${locale}/cabinet/residence/${id}`);
    const consents = applicant.getByTestId('consent-status');
    await expect(consents.locator('[data-consent="consented"]')).toHaveCount(1);
    await expect(consents).toContainText(c.ownerName);
    await expect(consents).toContainText(l.consented);
    await expect(applicant.getByText(l.consentGiven).first()).toBeVisible();
    for (const raw of ['consent_given', 'all_consented', 'astana_norm_checked', 'residence_dwelling_chosen'])
      await expect(applicant.getByText(raw, { exact: true })).toHaveCount(0);
    if (c.city === 'astana') await expect(applicant.getByText(l.normChecked).first()).toBeVisible();
    await expectAccessible(applicant);
    await applicant.getByTestId('open-sign-dialog').click();
    await signInDialogWithKeyFile(applicant.getByRole('dialog'), applicantKey, locale);
    await applicant.waitForURL(/\?registered=1$/);
    await expect(applicant.getByTestId('residence-certificate')).toContainText('RRC-');
    const certificateNumber = /RRC-\d{4}-\d{6}/.exec((await applicant.getByTestId('residence-certificate').textContent()) ?? '')![0];
    await expectAccessible(applicant);

    // The result is in Digital documents.
    await applicant.goto(`/${locale}/cabinet/documents`);
    await expect(applicant.getByRole('heading', { name: new RegExp(`^${l.certificate}`) }).first()).toBeVisible();
    await expect(applicant.getByTestId('residence-document').filter({ hasText: certificateNumber })).toBeVisible();
    await expectAccessible(applicant);
    for (const p of [owner, applicant]) await p.context().close();
  });
}
