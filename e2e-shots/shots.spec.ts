import { test, type Page } from '@playwright/test';

const DIR = '/work/shots/s7';
async function shot(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${DIR}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  console.log(name, JSON.stringify(await page.title()));
}
async function signIn(page: Page, iin: string, locale: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.locator(`button[data-persona="${iin}"]`).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}
const T = {
  kk: { startOnline: 'Онлайн өтініш беру', permanent: 'Тұрғылықты жері бойынша тұрақты тіркеу', start: 'Бастау', cadastral: 'Кадастрлық нөмірі', find: 'Табу', choose: 'Осы тұрғын үйді таңдау', reason: 'Көшу себебі', education: 'Білімі', occupation: 'Жұмыспен қамтылуы', single: 'Ешқашан некеде болмаған', save: 'Талонды сақтау', finish: 'Өтінішті жіберу', submit: 'Тексеру', halfSibling: 'Ата-анасының біреуі ортақ бауыры', sharedMother: 'Анамыз ортақ' },
  ru: { startOnline: 'Подать заявку онлайн', permanent: 'Постоянная регистрация по месту жительства', start: 'Начать', cadastral: 'Кадастровый номер', find: 'Найти', choose: 'Выбрать это жильё', reason: 'Причина переезда', education: 'Образование', occupation: 'Занятость', single: 'Никогда не состоял(а) в браке', save: 'Сохранить талон', finish: 'Отправить заявку', submit: 'Проверить', grandchild: 'Внук (внучка)', grandchildFather: 'Со стороны отца' },
} as const;

async function toDwelling(page: Page, locale: 'kk' | 'ru', cadastral: string) {
  const l = T[locale];
  await page.goto(`/${locale}/services/residence`);
  await page.getByRole('link', { name: l.startOnline }).first().click();
  await page.waitForURL(/\/cabinet\/residence\/new$/);
  await page.getByLabel(l.permanent).check();
  await page.getByRole('button', { name: l.start, exact: true }).click();
  await page.waitForURL(/\/dwelling$/);
  await page.getByLabel(l.cadastral).fill(cadastral);
  await page.getByRole('button', { name: l.find, exact: true }).click();
  await page.getByTestId('dwelling-preview').waitFor();
}

test('own flat, kk', async ({ page }) => {
  const l = T.kk;
  await signIn(page, '890614471017', 'kk');
  await toDwelling(page, 'kk', '09-142-061-064:15');
  await shot(page, 'res-dwelling-kk');
  await page.getByRole('button', { name: l.choose }).click();
  await page.waitForURL(/\/form$/);
  await shot(page, 'res-form-kk');
  await page.getByLabel(l.reason).selectOption('family');
  await page.getByLabel(l.education).selectOption('higher');
  await page.getByLabel(l.occupation).selectOption('employed');
  if (await page.getByLabel(l.single).isEnabled().catch(() => false)) await page.getByLabel(l.single).check().catch(() => {});
  await page.getByRole('button', { name: l.save }).click();
  await page.waitForURL(/\?saved=form$/);
  await page.getByRole('button', { name: l.finish, exact: true }).click();
  await page.waitForURL(/\?finished=1$/);
  await shot(page, 'res-ready-kk');
});

test('Astana grandchild, ru; then the same decision in kk', async ({ page }) => {
  const l = T.ru;
  await signIn(page, '990615336297', 'ru');
  await toDwelling(page, 'ru', '21-314-019-006:62');
  await page.getByRole('button', { name: l.choose }).click();
  await page.waitForURL(/\/astana$/);
  await shot(page, 'res-astana-ru');
  await page.getByLabel(l.grandchild, { exact: true }).check();
  await page.getByLabel('Со стороны отца: владелец — родитель моего отца').check();
  await page.getByRole('button', { name: l.submit }).click();
  await page.waitForURL(/\/form$/);
  const url = page.url().replace(/\/form$/, '/decision');
  await page.goto(url);
  await shot(page, 'res-decision-ru');
  await page.goto(url.replace('/ru/', '/kk/'));
  await shot(page, 'res-decision-kk');
});

test('refused kinship, kk', async ({ page }) => {
  const l = T.kk;
  await signIn(page, '990615336297', 'kk');
  await toDwelling(page, 'kk', '21-325-011-004:204');
  await page.getByRole('button', { name: l.choose }).click();
  await page.waitForURL(/\/astana$/);
  await page.getByLabel(l.halfSibling, { exact: true }).check();
  await page.getByLabel(l.sharedMother).check();
  await page.getByRole('button', { name: l.submit }).click();
  await page.waitForURL(/\/decision$/);
  await shot(page, 'res-refused-kk');
  await page.goto(page.url().replace(/\/decision$/, ''));
  await shot(page, 'res-refused-app-kk');
});

test('id card start, ru and kk', async ({ page }) => {
  await signIn(page, '950417401049', 'ru');
  await page.goto('/ru/cabinet/id-card');
  await shot(page, 'idc-start-ru');
  await page.getByRole('button').filter({ hasText: /согласи/i }).first().click();
  await page.waitForURL(/consent=/);
  await shot(page, 'idc-consent-ru');
  await page.goto(page.url().replace('/ru/', '/kk/'));
  await shot(page, 'idc-consent-kk');
});

test('CON reception and hall, kk', async ({ page }) => {
  await signIn(page, '980318452833', 'kk');
  await page.goto('/kk/reception/residence');
  await page.getByLabel('Кадастрлық нөмірі').fill('21-311-008-021:5');
  await page.getByRole('button', { name: 'Табу' }).click();
  await page.waitForLoadState('networkidle');
  await shot(page, 'con-reception-kk');
  await page.goto('/kk/reception');
  await shot(page, 'reception-kk');
});
