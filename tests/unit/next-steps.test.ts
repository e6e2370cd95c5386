import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { paymentStatuses } from '@/db/schema/payments';
import { mayPayAgain, paymentWord, paymentWordTone } from '@/lib/payments/status-words';
import { renewalOpensOn, renewalWindow, tooEarlyParams } from '@/lib/id-card/eligibility';
import { buyerStepStates } from '@/lib/vehicle-registration/buyer-steps';
import { dealerRefusalCodes, dealerRefusalKey } from '@/lib/vehicle-registration/dealer-refusal';
import { detailsSchema } from '@/lib/vehicle-registration/schemas';
import { vehicleStates } from '@/lib/vehicle-registration/machine';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

describe("the vehicle buyer's steps are true (issue 15)", () => {
  it('"Result" is not ticked before there is a result', () => {
    expect(buyerStepStates('awaiting_buyer')).toEqual(['current', 'todo', 'todo', 'todo', 'todo']);
    expect(buyerStepStates('buyer_filling')).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expect(buyerStepStates('awaiting_fines_payment')).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expect(buyerStepStates('awaiting_payment')).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(buyerStepStates('awaiting_buyer_signature')).toEqual(['done', 'done', 'done', 'current', 'todo']);
    expect(buyerStepStates('processing')).toEqual(['done', 'done', 'done', 'done', 'current']);
  });
  it('"Result" is done once registered or issued', () => {
    expect(buyerStepStates('ready_for_pickup')).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(buyerStepStates('issued')).toEqual(['done', 'done', 'done', 'done', 'done']);
  });
  it('no steps before the dealer signs or after the application closed', () => {
    for (const s of ['draft', 'awaiting_seller_signature', 'refused', 'declined_by_buyer', 'cancelled_by_dealer', 'expired'])
      expect(buyerStepStates(s)).toBeNull();
  });
  it('only one step is current, and nothing after a step to do is done', () => {
    for (const s of vehicleStates) {
      const steps = buyerStepStates(s);
      if (!steps) continue;
      expect(steps.filter((x) => x === 'current').length).toBeLessThanOrEqual(1);
      const firstTodo = steps.indexOf('todo');
      if (firstTodo >= 0) expect(steps.slice(firstTodo).every((x) => x === 'todo')).toBe(true);
    }
  });
});

describe('a payment says what happened to it', () => {
  it('a declined payment is cancelled by the payer, declined by the bank, or expired', () => {
    expect(paymentWord('declined', 'cancelled')).toBe('cancelled');
    expect(paymentWord('declined', 'declined')).toBe('declined');
    expect(paymentWord('declined', 'expired')).toBe('expired');
    expect(paymentWord('declined', null)).toBe('declined');
    expect(paymentWord('paid', 'cancelled')).toBe('paid');
    expect(paymentWord('pending', null)).toBe('pending');
  });
  it('the payer may pay again after any failure, never after paying', () => {
    expect(mayPayAgain('cancelled')).toBe(true);
    expect(mayPayAgain('declined')).toBe(true);
    expect(mayPayAgain('paid')).toBe(false);
    expect(mayPayAgain('pending')).toBe(false);
    expect(paymentWordTone.cancelled).not.toBe('danger');
  });
  it('every word has its text in kk and ru, and a cancel is not called "rejected"', () => {
    const words = [...paymentStatuses.filter((s) => s !== 'declined'), 'cancelled', 'declined', 'expired'] as const;
    for (const m of [kk, ru])
      for (const w of words) {
        expect(m.NextSteps.paymentWord[w as keyof typeof m.NextSteps.paymentWord]).toBeTruthy();
        expect(m.NextSteps.paymentReturned[w as keyof typeof m.NextSteps.paymentReturned]).toBeTruthy();
      }
    expect(ru.NextSteps.paymentWord.cancelled).toBe('Отменён вами');
    expect(ru.NextSteps.paymentWord.cancelled).not.toMatch(/тклон/);
  });
});

describe("the dealer reads a refusal's reason", () => {
  it('each known code has its own words about the buyer, an unknown one the general words', () => {
    for (const code of dealerRefusalCodes) expect(dealerRefusalKey(code)).toBe(code);
    expect(dealerRefusalKey('nope')).toBe('other');
    expect(dealerRefusalKey(null)).toBe('other');
    for (const m of [kk, ru])
      for (const key of [...dealerRefusalCodes, 'other'] as const) expect(m.NextSteps.dealerRefusal[key]).toBeTruthy();
    expect(ru.NextSteps.dealerRefusal.vehicle_unpaid_fines).toContain('покупател');
  });
});

describe('ID card "too early": the day the online renewal opens', () => {
  it('is 30 days before expiry — the first day the window rule says open', () => {
    expect(renewalOpensOn('2026-12-31')).toBe('2026-12-01');
    expect(renewalOpensOn('2027-03-01')).toBe('2027-01-30');
    expect(renewalOpensOn('2028-03-30')).toBe('2028-02-29'); // leap year
    for (const expiry of ['2026-12-31', '2027-03-01', '2028-03-30']) {
      const opens = renewalOpensOn(expiry);
      const dayBefore = new Date(Date.parse(`${opens}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(renewalWindow(expiry, opens)).toBe('open');
      expect(renewalWindow(expiry, dayBefore)).toBe('too_early');
    }
  });
  it('the message shows it as dd.mm.yyyy', () => {
    expect(tooEarlyParams('2027-03-01')).toEqual({ from: '30.01.2027' });
  });
});

describe('error messages: one specific message per field, a counted heading', () => {
  const base = { id: '0b9d2c43-5a7e-4a43-9d55-2b1b0c1b7a11', version: '1', locale: 'ru', plateType: 'standard_person' };
  it('"other" without a CON from the list is the list\'s own message', () => {
    const r = detailsSchema.safeParse({ ...base, centre: 'other' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['otherCentreId', 'vehicle_other_centre_required']]);
    expect(detailsSchema.safeParse({ ...base, centre: 'other', otherCentreId: '12' }).success).toBe(true);
    expect(detailsSchema.safeParse({ ...base, centre: '7' }).success).toBe(true);
    expect(ru.Errors.vehicle_other_centre_required).toBe('Выберите ЦОН из списка.');
  });
  it('the summary heading counts the errors with an ICU plural', () => {
    const t = (l: 'kk' | 'ru') => createTranslator({ locale: l, messages: l === 'kk' ? kk : ru, namespace: 'Common' });
    expect(t('ru')('errorSummaryMany', { count: 2 })).toBe('Исправьте 2 ошибки');
    expect(t('ru')('errorSummaryMany', { count: 5 })).toBe('Исправьте 5 ошибок');
    expect(t('ru')('errorSummaryMany', { count: 21 })).toBe('Исправьте 21 ошибку');
    expect(t('kk')('errorSummaryMany', { count: 3 })).toBe('3 қатені түзетіңіз');
  });
});
