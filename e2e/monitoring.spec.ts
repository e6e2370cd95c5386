// Issue 17: the supervisor's figures in both languages, a refusal in words, a chart with its table, the CSV of a
// table in the page's language, a bad period explained, and axe on the page.
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { STAFF } from '../db/seed/personas-ids';
import { e2eDatabaseUrl, expectAccessible, locales, signInAs } from './fixtures';

const words = {
  kk: {
    pilot: 'Ауыл шаруашылығы техникасын тіркеу',
    refusal: 'Ұсынылған құжаттар және (немесе) олардағы мәліметтер толық емес немесе дұрыс емес',
    funnel: 'Воронка: әр кезеңге қанша өтініш жетті',
    refusals: 'Бас тарту себептері',
    csv: 'CSV жүктеу: Бас тарту себептері',
    reason: 'Себебі',
    invalid: 'Кезеңді тексеріңіз',
  },
  ru: {
    pilot: 'Регистрация сельхозтехники',
    refusal: 'Представленные документы или сведения в них неполны или недостоверны',
    funnel: 'Воронка: сколько заявок дошло до каждого этапа',
    refusals: 'Отказы по причинам',
    csv: 'Скачать CSV: Отказы по причинам',
    reason: 'Причина',
    invalid: 'Проверьте период',
  },
} as const;

test.beforeAll(async () => {
  // One machinery application refused by the akimat today, so the refusals table has a row whatever else ran.
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const [a] = await sql<{ id: string }[]>`
      insert into applications (number, pilot, status, region_code, created_at)
      values ('MON-E2E-' || substr(md5(random()::text), 1, 8), 'machinery', 'refused', '10', now() - interval '1 hour') returning id`;
    await sql`insert into application_events (application_id, at, type, to_status) values (${a!.id}, now() - interval '1 hour', 'created', 'received')`;
    await sql`insert into application_events (application_id, at, type, from_status, to_status, data)
      values (${a!.id}, now() - interval '50 minutes', 'submit', 'received', 'under_review', '{}'),
             (${a!.id}, now() - interval '10 minutes', 'refuse', 'under_review', 'refused', ${sql.json({ reason: 'documents_inconsistent' })})`;
  } finally {
    await sql.end();
  }
});

for (const locale of locales) {
  test(`supervisor sees a pilot's figures, charts with tables and a CSV (${locale})`, async ({ page }) => {
    const w = words[locale];
    await signInAs(page, STAFF.supervisor, locale);
    await page.goto(`/${locale}/monitoring`);
    await page
      .getByRole('navigation', { name: locale === 'kk' ? 'Пилоттар' : 'Пилоты' })
      .getByRole('link', { name: w.pilot })
      .click();
    await expect(page.getByTestId('monitoring-summary')).toContainText(w.pilot);
    await expect(page.getByRole('img', { name: w.funnel })).toBeVisible();
    const refusals = page.getByTestId('monitoring-refusals');
    await expect(refusals.getByRole('heading', { name: w.refusals })).toBeVisible();
    await expect(refusals.getByRole('rowheader', { name: w.refusal })).toBeVisible();
    // No state or reason code reaches the page.
    await expect(page.locator('main')).not.toContainText(/under_review|documents_inconsistent|rejected_at_intake/);
    await expectAccessible(page);

    const href = await refusals.getByRole('link', { name: w.csv }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const body = await csv.text();
    expect(body.split('\n')[0]).toContain(w.reason);
    expect(body).toContain(`"${w.refusal}"`.replace(/^"|"$/g, ''));

    await page.goto(`/${locale}/monitoring?pilot=machinery&from=2026-02-10&to=2026-01-01`);
    await expect(page.getByText(w.invalid)).toBeVisible();
  });
}

test('the CSV of another role is refused', async ({ page }) => {
  await signInAs(page, STAFF.admin, 'ru');
  const res = await page.request.get('/ru/monitoring/csv/refusals?pilot=machinery');
  expect(res.status()).toBe(403);
});
