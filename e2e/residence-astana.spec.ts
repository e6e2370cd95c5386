// Astana's steps online (order 003 p.9–10) in both languages, each applicant in their own browser: a dwelling at
// the norm, the claim of step 4 with its follow-up question, ZAGS confirming a grandchild (the decision page shows
// the numbers and the chain with its act numbers), and a refused kinship with the order's message and what was
// searched. The wizard's earlier steps are another slice's: each run creates its drafts directly (closing its own
// previous ones, so a retry starts clean) and opens the Astana page.
import { expect, test, type Browser } from '@playwright/test';
import { connect } from '../db/client';
import { CADASTRE, PERSONA } from '../db/seed/personas-ids';
import { formatDate } from '../lib/format';
import { makeResidenceDraft } from '../tests/support/residence-astana';
import { e2eDatabaseUrl, expectAccessible, signedIn, type Locale } from './fixtures';

const TAG = 'e2e-residence-astana';

async function draft(iin: string, cadastralNumber: string, locale: Locale) {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  try {
    return await makeResidenceDraft(db, { iin, cadastralNumber, locale, tag: TAG });
  } finally {
    await client.end();
  }
}

const L = {
  kk: {
    heading: 'Астанадағы қосымша тексеру',
    reachedF: '62 м² ÷ 15 м² = 4 орын; 4 адам тіркелген → норма жетті',
    reachedC: '28 м² ÷ 15 м² = 1 орын; 1 адам тіркелген → норма жетті',
    normDecision: `Астана қаласы мәслихатының ${formatDate('2025-12-26', 'kk')} жылғы № 312/41-VIII шешімі`,
    grandchild: 'Немересі',
    grandchildFather: 'Әкем жағынан: меншік иесі — әкемнің ата-анасы',
    halfSibling: 'Ата-анасының біреуі ортақ бауыры',
    sharedMother: 'Анамыз ортақ',
    sideRequired: 'Әкесі жағынан ба, анасы жағынан ба — көрсетіңіз.',
    submit: 'Тексеру',
    decisionHeading: 'Шешім және оның себебі',
    found: 'Туыстық байланыс табылды',
    act: (n: string, d: string) => `туу туралы акт жазбасы № ${n}, ${formatDate(d, 'kk')}`,
    notFound: 'Туыстық байланыс табылмады; акт жазбасын өзектендіріңіз',
    searched: ['сіздің анаңыз', 'меншік иесінің анасы'],
    refused: 'Бас тартылды: себебі өтініш бетінде', // the status in the applicant's words (issue 15)
    printVersion: 'Басып шығаруға арналған нұсқа',
    print: 'Басып шығару',
  },
  ru: {
    heading: 'Дополнительная проверка в Астане',
    reachedE: '14 м² ÷ 15 м² = 0 мест; зарегистрировано: 0 → норма достигнута',
    reachedB: '45 м² ÷ 15 м² = 3 места; зарегистрировано: 3 → норма достигнута',
    normDecision: `решение маслихата города Астаны от ${formatDate('2025-12-26', 'ru')} № 312/41-VIII`,
    grandchild: 'Внук (внучка)',
    grandchildMother: 'Со стороны матери: владелец — родитель моей матери',
    spouse: 'Супруг (супруга)',
    relationRequired: 'Выберите степень родства с владельцем или категорию.',
    submit: 'Проверить',
    decisionHeading: 'Решение и его причина',
    found: 'Родственная связь найдена',
    act: (n: string, d: string) => `актовая запись о рождении № ${n} от ${formatDate(d, 'ru')}`,
    notFound: 'Родственная связь не найдена; актуализируйте актовую запись',
    searched: ['действующие браки владельца'],
    refused: 'Отказано: причина на странице заявления',
  },
};

async function openAstana(browser: Browser, iin: string, locale: Locale, id: string) {
  const page = await signedIn(browser, iin, locale);
  await page.goto(`/${locale}/cabinet/residence/${id}/astana`);
  return page;
}

test('kk: over the norm in grandpa Bolat’s flat, confirmed as a grandchild; a half-brother through the wrong parent refused', async ({
  browser,
}) => {
  const l = L.kk;
  // Alikhan at flat F (62 m², 4 registered, owner Bolat, his father's father).
  const id = await draft(PERSONA.sonAlikhan, CADASTRE.astanaFlatF, 'kk');
  const alikhan = await openAstana(browser, PERSONA.sonAlikhan, 'kk', id);
  await expect(alikhan.getByRole('heading', { level: 1, name: l.heading })).toBeVisible();
  await expect(alikhan.getByTestId('astana-arithmetic')).toHaveText(l.reachedF);
  await expect(alikhan.getByText(l.normDecision)).toBeVisible();
  await expect(alikhan.getByRole('radio')).toHaveCount(9);
  await expectAccessible(alikhan);
  // The follow-up question opens with its choice; without an answer the form says what is missing and keeps the choice.
  await expect(alikhan.getByLabel(l.grandchildFather)).toBeHidden();
  await alikhan.getByLabel(l.grandchild, { exact: true }).check();
  await expect(alikhan.getByLabel(l.grandchildFather)).toBeVisible();
  await alikhan.getByRole('button', { name: l.submit }).click();
  await expect(alikhan.getByText(l.sideRequired).first()).toBeVisible();
  await expect(alikhan.getByLabel(l.grandchild, { exact: true })).toBeChecked();
  await expectAccessible(alikhan);
  await alikhan.getByLabel(l.grandchildFather).check();
  await alikhan.getByRole('button', { name: l.submit }).click();
  // Confirmed: on to the arrival form (the wizard's page).
  await alikhan.waitForURL(`**/kk/cabinet/residence/${id}/form`);
  await alikhan.goto(`/kk/cabinet/residence/${id}/decision`);
  await expect(alikhan.getByRole('heading', { level: 1, name: l.decisionHeading })).toBeVisible();
  await expect(alikhan.getByTestId('astana-arithmetic')).toHaveText(l.reachedF);
  await expect(alikhan.getByText(l.found)).toBeVisible();
  const chain = alikhan.getByTestId('astana-chain');
  for (const name of ['Әлихан Ж.', 'Данияр Ж.', 'Болат Ж.']) await expect(chain).toContainText(name);
  await expect(chain).toContainText(l.act('2001-01-000208', '2001-02-17'));
  await expect(chain).toContainText(l.act('1976-10-000412', '1976-05-25'));
  await expectAccessible(alikhan);
  // The print view: the same explanation, without the site's navigation.
  await alikhan.getByRole('link', { name: l.printVersion }).click();
  await expect(alikhan.getByRole('button', { name: l.print })).toBeVisible();
  await expect(alikhan.getByTestId('astana-chain')).toContainText(l.act('2001-01-000208', '2001-02-17'));
  await expect(alikhan.locator('body header').first()).toBeHidden();

  // Timur at Alikhan's flat C claims the mother is shared: his mother is Zhanna, Alikhan's is Saule.
  const refusedId = await draft(PERSONA.halfBrotherTimur, CADASTRE.astanaFlatC, 'kk');
  const timur = await openAstana(browser, PERSONA.halfBrotherTimur, 'kk', refusedId);
  await expect(timur.getByTestId('astana-arithmetic')).toHaveText(l.reachedC);
  await timur.getByLabel(l.halfSibling, { exact: true }).check();
  await timur.getByLabel(l.sharedMother).check();
  await timur.getByRole('button', { name: l.submit }).click();
  await timur.waitForURL(`**/kk/cabinet/residence/${refusedId}/decision`);
  await expect(timur.getByTestId('astana-kinship-not-found')).toHaveText(l.notFound);
  for (const s of l.searched) await expect(timur.getByTestId('astana-searched')).toContainText(s);
  await expect(timur.getByText(l.refused).first()).toBeVisible();
  await expectAccessible(timur);
  // The Astana page of a refused application is its decision.
  await timur.goto(`/kk/cabinet/residence/${refusedId}/astana`);
  await timur.waitForURL(`**/kk/cabinet/residence/${refusedId}/decision`);
  for (const p of [alikhan, timur]) await p.context().close();
});

test('ru: over the norm in grandma Roza’s studio, confirmed as a granddaughter; an ex-wife refused, what was searched', async ({
  browser,
}) => {
  const l = L.ru;
  // Dana at studio E (14 m², nobody registered, owner Roza, her mother's mother).
  const id = await draft(PERSONA.halfSisterDana, CADASTRE.astanaStudioE, 'ru');
  const dana = await openAstana(browser, PERSONA.halfSisterDana, 'ru', id);
  await expect(dana.getByRole('heading', { level: 1, name: l.heading })).toBeVisible();
  await expect(dana.getByTestId('astana-arithmetic')).toHaveText(l.reachedE);
  await expect(dana.getByText(l.normDecision)).toBeVisible();
  // Nothing chosen: the form says so.
  await dana.getByRole('button', { name: l.submit }).click();
  await expect(dana.getByText(l.relationRequired).first()).toBeVisible();
  await dana.getByLabel(l.grandchild, { exact: true }).check();
  await dana.getByLabel(l.grandchildMother).check();
  await expectAccessible(dana);
  await dana.getByRole('button', { name: l.submit }).click();
  await dana.waitForURL(`**/ru/cabinet/residence/${id}/form`);
  await dana.goto(`/ru/cabinet/residence/${id}/decision`);
  await expect(dana.getByRole('heading', { level: 1, name: l.decisionHeading })).toBeVisible();
  await expect(dana.getByText(l.found)).toBeVisible();
  const chain = dana.getByTestId('astana-chain');
  for (const name of ['Дана Н.', 'Сауле Ж.', 'Роза А.']) await expect(chain).toContainText(name);
  await expect(chain).toContainText(l.act('1998-09-000733', '1998-04-03'));
  await expect(chain).toContainText(l.act('1979-09-000356', '1979-04-10'));
  await expectAccessible(dana);

  // Zhanna at flat B claims to be Daniyar's wife: the marriage was dissolved in 2000.
  const refusedId = await draft(PERSONA.exWifeZhanna, CADASTRE.astanaFlatB, 'ru');
  const zhanna = await openAstana(browser, PERSONA.exWifeZhanna, 'ru', refusedId);
  await expect(zhanna.getByTestId('astana-arithmetic')).toHaveText(l.reachedB);
  await zhanna.getByLabel(l.spouse, { exact: true }).check();
  await zhanna.getByRole('button', { name: l.submit }).click();
  await zhanna.waitForURL(`**/ru/cabinet/residence/${refusedId}/decision`);
  await expect(zhanna.getByTestId('astana-kinship-not-found')).toHaveText(l.notFound);
  for (const s of l.searched) await expect(zhanna.getByTestId('astana-searched')).toContainText(s);
  await expect(zhanna.getByText(l.refused).first()).toBeVisible();
  await expectAccessible(zhanna);
  for (const p of [dana, zhanna]) await p.context().close();
});
