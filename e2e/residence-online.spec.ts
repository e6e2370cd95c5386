// The citizen's online residence registration (order 003, SPEC §6) in both languages: a permanent registration by the
// owner in their own flat through to the address certificate in Digital documents (the address cascade in kk, the
// cadastral number in ru), and a temporary registration up to "awaiting the owners' consent" with the requests and
// their SMS checked in the database, then withdrawn. Each run makes its own dwelling, so runs never share state.
import { randomInt } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { and, eq, inArray, isNull, like } from 'drizzle-orm';
import { connect } from '../db/client';
import { applications } from '../db/schema/applications';
import { outbox, smsMessages } from '../db/schema/notifications';
import { properties, propertyOwners } from '../db/schema/registry';
import { residenceApplications, residenceConsents } from '../db/schema/residence';
import { signatures } from '../db/schema/signatures';
import { PERSONA } from '../db/seed/personas-ids';
import { addDays, toLocalDate } from '../lib/calendar/deadline';
import { signInDialogWithKeyFile, signingKeyOf } from './eds';
import { e2eDatabaseUrl, expectAccessible, type Locale, signedIn } from './fixtures';

const L = {
  kk: {
    startOnline: 'Онлайн өтініш беру',
    permanent: 'Тұрғылықты жері бойынша тұрақты тіркеу',
    temporary: 'Уақытша болатын жері бойынша уақытша тіркеу',
    stayFrom: 'Алғашқы күні',
    stayUntil: 'Соңғы күні',
    start: 'Бастау',
    region: 'Облыс немесе қала',
    locality: 'Елді мекен, аудан',
    street: 'Көше',
    house: 'Үй',
    flat: 'Пәтер',
    nextLevel: 'Әрі қарай',
    cadastral: 'Кадастрлық нөмірі',
    find: 'Табу',
    choose: 'Осы тұрғын үйді таңдау',
    reason: 'Көшу себебі',
    education: 'Білімі',
    occupation: 'Жұмыспен қамтылуы',
    single: 'Ешқашан некеде болмаған',
    save: 'Талонды сақтау',
    educationError: 'Біліміңізді таңдаңыз.',
    finish: 'Өтінішті жіберу',
    you: '(сіз)',
    awaiting: 'Меншік иелерінің келісімін күтеміз',
    certificate: 'Адрестік анықтама',
    withdraw: 'Өтінішті кері қайтару',
    withdrawn: 'Өтініш кері қайтарылды.',
    other: 'Русский',
    back: 'Қазақша',
  },
  ru: {
    startOnline: 'Подать заявку онлайн',
    permanent: 'Постоянная регистрация по месту жительства',
    temporary: 'Временная регистрация по месту пребывания',
    stayFrom: 'Первый день',
    stayUntil: 'Последний день',
    start: 'Начать',
    region: 'Область или город',
    locality: 'Населённый пункт, район',
    street: 'Улица',
    house: 'Дом',
    flat: 'Квартира',
    nextLevel: 'Далее',
    cadastral: 'Кадастровый номер',
    find: 'Найти',
    choose: 'Выбрать это жильё',
    reason: 'Причина переезда',
    education: 'Образование',
    occupation: 'Занятость',
    single: 'Никогда не состоял(а) в браке',
    save: 'Сохранить талон',
    educationError: 'Выберите образование.',
    finish: 'Отправить заявку',
    you: '(вы)',
    awaiting: 'Ждём согласия собственников',
    certificate: 'Адресная справка',
    withdraw: 'Отозвать заявку',
    withdrawn: 'Заявка отозвана.',
    other: 'Қазақша',
    back: 'Русский',
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
 * A new flat for this run in Karaganda (pr. Bukhar-Zhyrau, a house number of its own), in the seed's address shape so
 * the cascade finds it, with these owners. The person's open residence applications of earlier runs are closed.
 */
async function freshFlat(owners: [string, number][], applicant: string) {
  const house = String(500 + randomInt(9000));
  const flat = String(1 + randomInt(200));
  const cadastralNumber = `09-142-9${randomInt(100)}-${house}:${flat}`;
  await withDb(async (db) => {
    await db.insert(properties).values({
      cadastralNumber,
      regionCode: '09',
      kind: 'flat',
      totalAreaM2: 58,
      addressKk: `Қарағанды облысы, Қарағанды қ., Бұқар жырау даңғылы, ${house}, ${flat}-пәтер`,
      addressRu: `Карагандинская область, г. Караганда, пр. Бухар-Жырау, д. ${house}, кв. ${flat}`,
    });
    await db.insert(propertyOwners).values(owners.map(([iin, shareMilli]) => ({ cadastralNumber, iin, shareMilli })));
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
  return { cadastralNumber, house, flat };
}

const idOf = (page: Page) => /\/cabinet\/residence\/([0-9a-f-]{36})/.exec(page.url())![1]!;

async function startService(page: Page, locale: Locale, kind: 'permanent' | 'temporary', period?: { from: string; until: string }) {
  const l = L[locale];
  await page.goto(`/${locale}/services/residence`);
  await expectAccessible(page);
  await page.getByRole('link', { name: l.startOnline }).first().click();
  await page.waitForURL(/\/cabinet\/residence\/new$/);
  await expectAccessible(page);
  await page.getByLabel(l[kind]).check();
  if (period) {
    await page.getByLabel(l.stayFrom).fill(period.from);
    await page.getByLabel(l.stayUntil).fill(period.until);
  }
  await page.getByRole('button', { name: l.start, exact: true }).click();
  await page.waitForURL(/\/cabinet\/residence\/[0-9a-f-]{36}\/dwelling$/);
}

async function byCadastralNumber(page: Page, locale: Locale, cadastralNumber: string) {
  const l = L[locale];
  await page.getByLabel(l.cadastral).fill(cadastralNumber);
  await page.getByRole('button', { name: l.find, exact: true }).click();
  await expect(page.getByTestId('dwelling-preview')).toContainText(cadastralNumber);
}

/** The arrival form: one validation error first (what was typed stays), then saved. */
async function fillArrivalForm(page: Page, locale: Locale, switchLanguage = false) {
  const l = L[locale];
  await page.waitForURL(/\/form$/);
  await expectAccessible(page);
  await page.getByLabel(l.reason).selectOption('work');
  await page.getByLabel(l.occupation).selectOption('employed');
  await page.getByLabel(l.single).check();
  await page.getByRole('button', { name: l.save }).click();
  await expect(page.getByText(l.educationError).first()).toBeVisible();
  await expect(page.getByLabel(l.reason)).toHaveValue('work');
  await expect(page.getByLabel(l.occupation)).toHaveValue('employed');
  if (switchLanguage) {
    // What was typed survives a switch of language and back.
    await page.getByRole('link', { name: l.other, exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith(`/${locale}/`));
    await page.getByRole('link', { name: l.back, exact: true }).click();
    await page.waitForURL((u) => u.pathname.startsWith(`/${locale}/`));
    await expect(page.getByLabel(l.reason)).toHaveValue('work');
    await expect(page.getByLabel(l.occupation)).toHaveValue('employed');
  }
  await page.getByLabel(l.education).selectOption('higher');
  await page.getByRole('button', { name: l.save }).click();
  await page.waitForURL(/\?saved=form$/);
}

async function registerPermanently(page: Page, locale: Locale, iin: string, dwelling: (page: Page) => Promise<void>) {
  const l = L[locale];
  const key = await signingKeyOf(page.context().browser()!, iin, locale);
  await startService(page, locale, 'permanent');
  await expectAccessible(page);
  await dwelling(page);
  await expect(page.getByTestId('dwelling-preview')).toContainText(l.you);
  await expectAccessible(page);
  await page.getByRole('button', { name: l.choose }).click();
  await fillArrivalForm(page, locale, locale === 'kk');
  await expectAccessible(page);
  await page.getByRole('button', { name: l.finish, exact: true }).click();
  await page.waitForURL(/\?finished=1$/);
  await expect(page.getByTestId('open-sign-dialog')).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('open-sign-dialog').click();
  await signInDialogWithKeyFile(page.getByRole('dialog'), key, locale);
  await page.waitForURL(/\?registered=1$/);
  await expect(page.getByTestId('residence-certificate')).toContainText('RRC-');
  await expectAccessible(page);
  const id = idOf(page);
  const pdf = await page.request.get(`/api/residence/${id}/certificate`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const certificateNumber = /RRC-\d{4}-\d{6}/.exec((await page.getByTestId('residence-certificate').textContent()) ?? '')![0];
  await page.goto(`/${locale}/cabinet/documents`);
  await expect(page.getByRole('heading', { name: new RegExp(`^${l.certificate}`) }).first()).toBeVisible();
  await expect(page.getByTestId('residence-document').filter({ hasText: certificateNumber })).toBeVisible();
  await expectAccessible(page);
  // The QR's link: the public verification page shows the certificate.
  const { number, code } = await withDb(async (db) => {
    const [row] = await db
      .select({ number: applications.number, code: signatures.verifyCode })
      .from(applications)
      .innerJoin(residenceApplications, eq(residenceApplications.applicationId, applications.id))
      .innerJoin(signatures, eq(signatures.id, residenceApplications.signatureId))
      .where(eq(applications.id, id));
    return row!;
  });
  await page.goto(`/${locale}/verify?number=${number}&code=${code}`);
  await expect(page.getByTestId('verify-residence')).toBeVisible();
  await expectAccessible(page);
}

test('kk: the owner registers permanently in her own flat, picked by address, to the certificate in Digital documents', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const l = L.kk;
  const { house, flat } = await freshFlat([[PERSONA.ownerAsel, 1000]], PERSONA.ownerAsel);
  const page = await signedIn(browser, PERSONA.ownerAsel, 'kk');
  await registerPermanently(page, 'kk', PERSONA.ownerAsel, async (p) => {
    await p.getByLabel(l.region).selectOption('09');
    await p.getByRole('button', { name: l.nextLevel }).click();
    await p.getByLabel(l.locality).selectOption({ label: 'Қарағанды қ.' });
    await p.getByRole('button', { name: l.nextLevel }).click();
    await p.getByLabel(l.street).selectOption({ label: 'Бұқар жырау даңғылы' });
    await p.getByRole('button', { name: l.nextLevel }).click();
    await p.getByLabel(l.house).selectOption(house);
    await p.getByRole('button', { name: l.nextLevel }).click();
    await p.getByLabel(l.flat).selectOption({ label: flat });
    await p.getByRole('button', { name: l.nextLevel }).click();
  });
});

test('ru: the owner registers permanently in his own flat, picked by cadastral number', async ({ browser }) => {
  test.setTimeout(180_000);
  const { cadastralNumber } = await freshFlat([[PERSONA.ownerOleg, 1000]], PERSONA.ownerOleg);
  const page = await signedIn(browser, PERSONA.ownerOleg, 'ru');
  await registerPermanently(page, 'ru', PERSONA.ownerOleg, (p) => byCadastralNumber(p, 'ru', cadastralNumber));
});

for (const [locale, guest] of [
  ['kk', PERSONA.guestNurlan],
  ['ru', PERSONA.guestIrina],
] as const) {
  test(`${locale}: a temporary stay in the hosts' flat waits for both owners' consent (requests and SMS in the DB), then is withdrawn`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const l = L[locale];
    const { cadastralNumber } = await freshFlat(
      [
        [PERSONA.hostDinara, 500],
        [PERSONA.hostBerik, 500],
      ],
      guest,
    );
    const today = toLocalDate(new Date());
    const page = await signedIn(browser, guest, locale);
    await startService(page, locale, 'temporary', { from: today, until: addDays(today, 180) });
    await byCadastralNumber(page, locale, cadastralNumber);
    await page.getByRole('button', { name: l.choose }).click();
    await fillArrivalForm(page, locale);
    await page.getByRole('button', { name: l.finish, exact: true }).click();
    await page.waitForURL(/\?finished=1$/);
    await expect(page.getByTestId('next-step')).toContainText(l.awaiting);
    await expect(page.getByTestId('consent-status').locator('[data-consent="requested"]')).toHaveCount(2);
    await expectAccessible(page);
    const id = idOf(page);
    const consents = await withDb((db) => db.select().from(residenceConsents).where(eq(residenceConsents.applicationId, id)));
    expect(consents.map((c) => c.ownerIin).sort()).toEqual([PERSONA.hostBerik, PERSONA.hostDinara].sort());
    expect(consents.every((c) => c.status === 'requested')).toBe(true);
    // Each owner's SMS, in the owner's language (Dinara kk, Berik ru), once the outbox is delivered.
    await expect
      .poll(
        () =>
          withDb((db) =>
            db
              .select({ locale: smsMessages.locale, text: smsMessages.text })
              .from(smsMessages)
              .innerJoin(outbox, eq(outbox.id, smsMessages.outboxId))
              .where(like(outbox.dedupeKey, `residence:${id}:consent:%`)),
          ),
        { timeout: 60_000 },
      )
      .toEqual(
        expect.arrayContaining([
          expect.objectContaining({ locale: 'kk', text: expect.stringContaining('келісіміңізді сұрайды') }),
          expect.objectContaining({ locale: 'ru', text: expect.stringContaining('просит согласия') }),
        ]),
      );
    await page.getByRole('button', { name: l.withdraw, exact: true }).click();
    await page.waitForURL(/\?withdrawn=1$/);
    await expect(page.getByText(l.withdrawn)).toBeVisible();
  });
}
