// The owners' consent of the residence pilot (order 003, SPEC §6) in the browser, each party in its own context:
// kk — the owner finds the request from her cabinet, sees who asks and for which dwelling, consents with EDS; the
// application is ready to sign and the applicant's notifications say so; the applicant cannot open the owner's page.
// ru — the owner declines with a reason (a too-short one is refused and kept); the application ends and the
// applicant reads the reason. Each run makes its own application and dwelling (tests/support/residence.ts).
import { expect, test } from '@playwright/test';
import { and, eq, isNull } from 'drizzle-orm';
import { connect } from '../db/client';
import { applications } from '../db/schema/applications';
import { residenceApplications, residenceConsents } from '../db/schema/residence';
import { PERSONA } from '../db/seed/personas-ids';
import { uniqueIin } from '../tests/support/factories';
import { makeResidenceApplication, type OwnerFixture } from '../tests/support/residence';
import { signInDialogWithKeyFile, signingKeyOf } from './eds';
import { e2eDatabaseUrl, expectAccessible, signedIn } from './fixtures';

/** A fresh application of `applicantIin` awaiting `owners`; an earlier run's open one of the same service is withdrawn. */
async function awaitingApplication(applicantIin: string, applicantLocale: 'kk' | 'ru', owners: OwnerFixture[]) {
  const { client, db } = connect(e2eDatabaseUrl(), 2);
  try {
    const open = await db
      .select({ id: residenceApplications.applicationId })
      .from(residenceApplications)
      .where(
        and(
          eq(residenceApplications.iin, applicantIin),
          eq(residenceApplications.kind, 'permanent'),
          isNull(residenceApplications.closedAt),
        ),
      );
    for (const { id } of open) {
      await db.update(applications).set({ status: 'withdrawn' }).where(eq(applications.id, id));
      await db.update(residenceApplications).set({ closedAt: new Date() }).where(eq(residenceApplications.applicationId, id));
    }
    return await makeResidenceApplication(db, { applicantIin, applicantLocale, kind: 'permanent', owners });
  } finally {
    await client.end();
  }
}

async function stateOf(applicationId: string) {
  const { client, db } = connect(e2eDatabaseUrl(), 1);
  try {
    const [app] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, applicationId));
    const consents = await db.select().from(residenceConsents).where(eq(residenceConsents.applicationId, applicationId));
    return { status: app!.status, consents };
  } finally {
    await client.end();
  }
}

test('kk: the owner sees who asks and for which dwelling, consents with EDS; the applicant is told', async ({ browser }) => {
  test.setTimeout(150_000);
  const app = await awaitingApplication(PERSONA.consentTenantDias, 'kk', [
    { iin: PERSONA.consentOwnerAsel, shareMilli: 500 },
    { iin: uniqueIin(), shareMilli: 500, status: 'consented' },
  ]);
  const consentId = app.consents.find((c) => c.ownerIin === PERSONA.consentOwnerAsel)!.id;
  const key = await signingKeyOf(browser, PERSONA.consentOwnerAsel, 'kk');

  const owner = await signedIn(browser, PERSONA.consentOwnerAsel, 'kk');
  await owner.goto('/kk/cabinet');
  await expect(owner.getByTestId('cabinet-consents')).toContainText('сіздің жауабыңызды күтуде');
  await owner.getByRole('link', { name: 'Сұрауларды ашу' }).click();
  await expect(owner).toHaveTitle(/Тіркеуге келісім сұраулары/);
  await expectAccessible(owner);
  await owner.getByRole('link', { name: app.number }).click();
  await owner.waitForURL(`**/kk/cabinet/consents/${consentId}`);
  await expect(owner).toHaveTitle(/Тіркеуге келісім сұрауы/);
  await expect(owner.getByTestId('consent-applicant')).toHaveText('Жақыпов Диас Ерланұлы');
  await expect(owner.getByText('••••••••7534').first()).toBeVisible();
  await expect(owner.getByTestId('consent-address')).toContainText('Тимирязев көшесі');
  await expect(owner.getByText(app.cadastralNumber).first()).toBeVisible();
  await expect(owner.getByText('1/2').first()).toBeVisible();
  await expect(owner.getByText('Тұрғылықты жері бойынша тұрақты тіркеу').first()).toBeVisible();
  await expect(owner.getByTestId('consent-statement')).toContainText('келісім беремін');
  await expectAccessible(owner);

  await owner.getByTestId('open-sign-dialog').click();
  const dialog = owner.getByRole('dialog');
  await expect(dialog).toContainText(app.number);
  await signInDialogWithKeyFile(dialog, key, 'kk');
  await owner.waitForURL(/answered=consented$/);
  await expect(owner.getByRole('heading', { name: 'Сіз келісім бердіңіз' })).toBeVisible();
  await expect(owner.getByTestId('open-sign-dialog')).toHaveCount(0);
  await expectAccessible(owner);
  const after = await stateOf(app.id);
  expect(after.status).toBe('ready_to_sign');
  expect(after.consents.find((c) => c.id === consentId)).toMatchObject({ status: 'consented' });
  expect(after.consents.find((c) => c.id === consentId)!.signatureId).not.toBeNull();

  // The applicant: told in the cabinet; the owner's page is not theirs.
  const applicant = await signedIn(browser, PERSONA.consentTenantDias, 'kk');
  expect((await applicant.goto(`/kk/cabinet/consents/${consentId}`))?.status()).toBe(404);
  await expect(async () => {
    await applicant.goto('/kk/cabinet/notifications');
    await expect(applicant.getByTestId('notifications')).toContainText(`${app.number} өтініші: барлық меншік иелері келісім берді`, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 90_000 });
  for (const p of [owner, applicant]) await p.context().close();
});

test('ru: the owner declines with a reason; the application ends and the applicant reads why', async ({ browser }) => {
  test.setTimeout(150_000);
  const other = uniqueIin('female');
  const app = await awaitingApplication(PERSONA.consentOwnerAsel, 'ru', [
    { iin: PERSONA.consentOwnerBerik, shareMilli: 750 },
    { iin: other, shareMilli: 250 },
  ]);
  const consentId = app.consents.find((c) => c.ownerIin === PERSONA.consentOwnerBerik)!.id;

  const owner = await signedIn(browser, PERSONA.consentOwnerBerik, 'ru');
  await owner.goto(`/ru/cabinet/consents/${consentId}`);
  await expect(owner).toHaveTitle(/Запрос согласия на регистрацию/);
  await expect(owner.getByTestId('consent-applicant')).toHaveText('Нурланова Асель Бековна');
  await expect(owner.getByTestId('consent-address')).toContainText('ул. Тимирязева');
  await expect(owner.getByText('3/4').first()).toBeVisible();
  await expectAccessible(owner);

  const form = owner.getByTestId('consent-decline-form');
  await form.getByLabel('Причина отказа').fill('нет');
  await form.getByRole('button', { name: 'Отказать в согласии' }).click();
  await expect(form.getByText('Опишите причину подробнее (не менее 5 знаков).').first()).toBeVisible();
  await expect(form.getByLabel('Причина отказа')).toHaveValue('нет');
  await expectAccessible(owner);
  const reason = 'Квартира выставлена на продажу';
  await form.getByLabel('Причина отказа').fill(reason);
  await form.getByRole('button', { name: 'Отказать в согласии' }).click();
  await owner.waitForURL(/answered=declined$/);
  await expect(owner.getByRole('heading', { name: 'Вы отказали в согласии' })).toBeVisible();
  await expect(owner.getByText(reason)).toBeVisible();
  const after = await stateOf(app.id);
  expect(after.status).toBe('declined_by_owner');
  expect(after.consents.find((c) => c.ownerIin === other)).toMatchObject({ status: 'cancelled' });

  const applicant = await signedIn(browser, PERSONA.consentOwnerAsel, 'ru');
  await expect(async () => {
    await applicant.goto('/ru/cabinet/notifications');
    await expect(applicant.getByTestId('notifications')).toContainText(`Заявление ${app.number}: собственник Берик О. отказал`, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 90_000 });
  await expect(applicant.getByTestId('notifications')).toContainText(reason);
  await expectAccessible(applicant);
  for (const p of [owner, applicant]) await p.context().close();
});
