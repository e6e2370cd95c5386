// The whole of order 000 in each language: the dealer starts and signs, the buyer accepts, chooses, pays and signs,
// step 19 runs as a job, reception issues a ticket, the issuance desk hands over — four people, four browsers.
import { expect, test, type Browser } from '@playwright/test';
import { CON, PERSONA, STAFF, VIN } from '../db/seed/personas-ids';
import { downloadKey, openKeys, signInDialogWithKeyFile, type KeyFile } from './eds';
import { documentNumberOf, expectAccessible, expectNoRawCodes, type Locale, signedIn } from './fixtures';

const L = {
  kk: {
    vin: 'VIN (көлік құралының сәйкестендіру нөмірі)',
    checkVin: 'Көлікті тексеру',
    iin: 'Сатып алушының ЖСН-і',
    checkBuyer: 'Сатып алушы мен шартты тексеру',
    signed: 'Өтінішке қол қойылды және сатып алушыға жіберілді',
    accept: 'Қабылдау және жалғастыру',
    save: 'Жалғастыру: төлем',
    pay: 'Төлеу',
    gatewayPay: 'Төлеу',
    ready: 'Көлік құралы тіркелді',
    find: 'Табу',
    search: 'ЖСН немесе құжат нөмірі',
    ticket: 'Кезек талонын беру',
    callNext: 'Келесіні шақыру',
    document: 'Ұсынылған құжаттың нөмірі',
    check: 'Құжатты тексеру',
    digital: 'Цифрлық құжаттар сервисіндегі электрондық құжат',
    notInPerson: 'Құжат басқа адамға тиесілі',
    refusedOnTimeline: 'Беруден бас тартылды: сатып алушының өзі келмеді',
    serial: 'Тіркеу куәлігі бланкісінің сериясы мен нөмірі',
    plates: 'Нөмірлік белгілер сатып алушыға берілді',
    issue: 'Беруді тіркеу',
    issued: 'Құжаттар мен нөмірлер берілді. Сатып алушыға хабарланды.',
    valid: 'Қазір жарамды',
    actionAccept: 'Әрекет қажет: дилердің ұсынысын қабылдаңыз',
    resultTodo: 'Басталмаған: Нәтиже',
    dealerSentence: 'Сатып алушы хабарламаны',
    collect: 'орталығынан алыңыз',
    issuedText: 'ешқайда барудың қажеті жоқ',
    dealerIssued: 'Сатып алушыға берілді',
  },
  ru: {
    vin: 'VIN (идентификационный номер транспортного средства)',
    checkVin: 'Проверить транспортное средство',
    iin: 'ИИН покупателя',
    checkBuyer: 'Проверить покупателя и договор',
    signed: 'Заявка подписана и отправлена покупателю',
    accept: 'Принять и продолжить',
    save: 'Продолжить: оплата',
    pay: 'Оплатить',
    gatewayPay: 'Оплатить',
    ready: 'Транспортное средство зарегистрировано',
    find: 'Найти',
    search: 'ИИН или номер документа',
    ticket: 'Выдать талон очереди',
    callNext: 'Вызвать следующего',
    document: 'Номер предъявленного документа',
    check: 'Проверить документ',
    digital: 'Электронный документ из сервиса цифровых документов',
    notInPerson: 'Документ принадлежит другому человеку',
    refusedOnTimeline: 'В выдаче отказано: пришёл не покупатель',
    serial: 'Серия и номер бланка СРТС',
    plates: 'Номерные знаки переданы покупателю',
    issue: 'Зарегистрировать выдачу',
    issued: 'Документы и номера выданы. Покупатель уведомлён.',
    valid: 'Действительна сейчас',
    actionAccept: 'Нужно действие: примите предложение дилера',
    resultTodo: 'Не начато: Результат',
    dealerSentence: 'Покупатель получит уведомление',
    collect: 'Получите свидетельство',
    issuedText: 'больше никуда идти не нужно',
    dealerIssued: 'Выдано покупателю',
  },
} as const;

const flows = [
  {
    locale: 'kk' as Locale,
    dealer: PERSONA.dealerAstanaMotors,
    buyer: PERSONA.buyerErlan,
    vin: VIN.good1,
    centre: CON.astana1,
    reception: STAFF.conReceptionAstana,
    desk: STAFF.conIssuanceAstana,
  },
  {
    locale: 'ru' as Locale,
    dealer: PERSONA.dealerAlatau,
    buyer: PERSONA.buyerAlmatyAndrey,
    vin: VIN.goodAlmaty,
    centre: CON.almaty1,
    reception: STAFF.conReceptionAlmaty,
    desk: STAFF.conIssuanceAlmaty,
  },
];

async function keyOf(browser: Browser, iin: string, kind: 'signing' | 'signing-legal', locale: Locale): Promise<KeyFile> {
  const page = await (await browser.newContext()).newPage();
  await openKeys(page, iin, locale);
  const key = await downloadKey(page, iin, kind);
  await page.context().close();
  return key;
}

for (const f of flows) {
  test(`${f.locale}: a new car from the dealer's first screen to plates handed over at the CON desk`, async ({ browser }) => {
    test.setTimeout(180_000);
    const l = L[f.locale];
    const dealerKey = await keyOf(browser, f.dealer, 'signing-legal', f.locale);
    const buyerKey = await keyOf(browser, f.buyer, 'signing', f.locale);

    // Dealer: steps 1–9.
    const dealer = await signedIn(browser, f.dealer, f.locale);
    await dealer.goto(`/${f.locale}/dealer/vehicle-registrations/new`);
    await dealer.getByLabel(l.vin).fill(f.vin);
    await dealer.getByRole('button', { name: l.checkVin }).click();
    await dealer.getByLabel(l.iin).fill(f.buyer);
    await dealer.getByRole('button', { name: l.checkBuyer }).click();
    await dealer.getByTestId('open-sign-dialog').click();
    await signInDialogWithKeyFile(dealer.getByRole('dialog'), dealerKey, f.locale);
    await expect(dealer.getByText(l.signed)).toBeVisible();
    const number = (await dealer
      .locator('main')
      .getByText(/^VR-\d{4}-\d{6}$/)
      .first()
      .textContent())!.trim();

    // Buyer: steps 10–18, in another browser.
    const buyer = await signedIn(browser, f.buyer, f.locale);
    await buyer.goto(`/${f.locale}/cabinet`);
    // Issue 15: the status says what the reader has to do, and the "Result" step is not ticked from step 1.
    await expect(buyer.getByRole('row', { name: new RegExp(number) })).toContainText(l.actionAccept);
    await buyer.getByRole('link', { name: number }).click();
    await buyer.waitForURL(/\/cabinet\/vehicle\//);
    await expect(buyer.getByTestId('application-status')).toContainText(l.actionAccept);
    await expect(buyer.getByRole('listitem').filter({ hasText: l.resultTodo })).toHaveCount(1);
    await expectAccessible(buyer);
    await expectNoRawCodes(buyer);
    await buyer.getByRole('button', { name: l.accept }).click();
    // The CONs of the buyer's registered region come first, as choices of their own.
    await buyer.locator(`input[name="centre"][value="${f.centre}"]`).check();
    const phone = buyer.locator('input[name="phone"]');
    if (await phone.count()) await phone.fill('+7 701 555 44 33');
    await expectAccessible(buyer);
    await buyer.getByRole('button', { name: l.save }).click();
    await expect(buyer.getByTestId('fees-total')).toBeVisible();
    await buyer.getByRole('button', { name: l.pay, exact: true }).click();
    await buyer.waitForURL(/\/gateway\/pay\//);
    await buyer.getByRole('button', { name: l.gatewayPay, exact: true }).click();
    await buyer.waitForURL(/\/cabinet\/vehicle\//);
    await expect(async () => {
      await buyer.reload();
      await expect(buyer.getByTestId('open-sign-dialog')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    // What the buyer signs is in words: the plate type by its name, not `standard_person` (issue 15).
    await expectNoRawCodes(buyer);
    await buyer.getByTestId('open-sign-dialog').click();
    await expectNoRawCodes(buyer);
    await signInDialogWithKeyFile(buyer.getByRole('dialog'), buyerKey, f.locale);
    // The signature is sent once the browser has signed: the page then offers no signing any more.
    await expect(buyer.getByTestId('open-sign-dialog')).toHaveCount(0, { timeout: 30_000 });
    // Step 19 runs as a job: the page shows "processing" until it is done.
    await expect(async () => {
      await buyer.reload();
      await expect(buyer.getByText(l.ready)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    // The buyer never reads the dealer's "the buyer will receive a notification".
    await expect(buyer.locator('main')).not.toContainText(l.dealerSentence);

    // Reception at the chosen CON: find the buyer, issue the ticket.
    const reception = await signedIn(browser, f.reception, f.locale);
    await reception.getByLabel(l.search).fill(f.buyer);
    await reception.getByRole('button', { name: l.find }).click();
    await reception.getByTestId('reception-result').getByRole('button', { name: l.ticket }).click();
    const ticket = (await reception.getByTestId('ticket').locator('p.font-mono').textContent())!.trim();
    expect(ticket).toMatch(/^B-\d{3}$/);
    await expectAccessible(reception);

    // Issuance desk (p.9–10): call next; nothing about the person shows before their document is checked. Someone
    // else's document (a representative: no proxy) is refused and recorded; the buyer's own passes, with the photo.
    const desk = await signedIn(browser, f.desk, f.locale);
    await expect(desk.getByTestId('queue-board')).toContainText(ticket);
    await desk.getByRole('button', { name: l.callNext }).click();
    await expect(desk.getByTestId('desk-identity')).toBeVisible();
    await expect(desk.getByTestId('gbd-photo')).toHaveCount(0);
    await expect(desk.locator('main')).not.toContainText(f.buyer);
    await expectAccessible(desk);
    await desk.getByLabel(l.document).fill(await documentNumberOf(PERSONA.citizenAigerim));
    await desk.getByRole('button', { name: l.check }).click();
    await expect(desk.getByText(l.notInPerson, { exact: false })).toBeVisible();
    await expect(desk.getByTestId('gbd-photo')).toHaveCount(0);
    // The buyer shows the card in kk, its copy in Digital documents in ru.
    if (f.locale === 'ru') await desk.getByLabel(l.digital).check();
    await desk.getByLabel(l.document).fill(await documentNumberOf(f.buyer));
    await desk.getByRole('button', { name: l.check }).click();
    await expect(desk.getByTestId('gbd-photo')).toBeVisible();
    await expect(desk.getByTestId('desk-identity-passed')).toContainText(f.buyer);
    await expectAccessible(desk);
    await desk.getByLabel(l.serial).fill('KZ01234567');
    await desk.getByLabel(l.plates).check();
    await desk.getByRole('button', { name: l.issue }).click();
    await expect(desk.getByText(l.issued)).toBeVisible();
    await buyer.reload();
    await expect(buyer.getByText(l.refusedOnTimeline, { exact: false })).toBeVisible();
    // After the hand-over nothing is left to collect.
    await expect(buyer.getByText(l.issuedText, { exact: false })).toBeVisible();
    await expect(buyer.locator('main')).not.toContainText(l.collect);

    // The buyer's Digital documents; both signatures verify on the public page.
    await buyer.goto(`/${f.locale}/cabinet/documents`);
    await buyer.getByRole('link', { name: number }).click();
    await expect(buyer.getByTestId('srts')).toContainText(f.vin);
    await expectAccessible(buyer);
    await expectNoRawCodes(buyer);
    const code = await buyer.getByTestId('srts').locator('[data-testid="verify-qr"]').count();
    expect(code).toBe(1);
    // Who viewed my data: the CON by its name and the actions in words, never a role or an audit code.
    await buyer.goto(`/${f.locale}/cabinet/access-log`);
    await expect(buyer.locator('main table')).toBeVisible();
    await expectNoRawCodes(buyer);
    await expectAccessible(buyer);
    await dealer.goto(`/${f.locale}/dealer?q=${number}`);
    await expect(dealer.getByRole('row', { name: new RegExp(number) })).toContainText(l.dealerIssued);
    await dealer.getByRole('link', { name: number }).click();
    await dealer.getByRole('link', { name: f.locale === 'kk' ? 'Сатушының қолтаңбасын тексеру' : 'Проверить подпись продавца' }).click();
    const result = dealer.getByTestId('verify-result');
    await expect(result.getByText(l.valid)).toHaveCount(2);
    for (const p of [dealer, buyer, reception, desk]) await p.context().close();
  });
}
