// Issue 15: a number that meets a noun goes through ICU plural («1 запрос», «4 запроса», «5 запросов»).
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { notificationText } from '@/lib/notifications/render';
import kk from '../../messages/kk.json';
import ru from '../../messages/ru.json';

type Tree = { [k: string]: string | Tree };
const flat = (o: Tree, p = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${p}${k}.`) : [[`${p}${k}`, v] as [string, string]]));

describe('plurals', () => {
  it('no Russian message puts a counted placeholder straight before a word without a plural', () => {
    // Unit symbols (ч, мин, кг, КБ) do not change with the number; «дн.» is a shortened noun and does.
    const counted = /\{(days|hours|count|total|failed|pending|unread)\}\s*(?!(?:ч|мин|кг|КБ|МБ)(?![а-яё.]))[а-яё]/i;
    expect(
      flat(ru as Tree)
        .filter(([, v]) => counted.test(v))
        .map(([k]) => k),
    ).toEqual([]);
  });

  it.each([
    [1, 'через 1 день'],
    [3, 'через 3 дня'],
    [5, 'через 5 дней'],
    [21, 'через 21 день'],
    [11, 'через 11 дней'],
  ])('ru reminder SMS: %i days → «%s»', (days, text) => {
    expect(notificationText('vehicle_reminder', { number: 'VR-1', days }, 'ru')).toContain(text);
  });

  it.each([
    [1, 'в течение 1 часа'],
    [24, 'в течение 24 часов'],
    [48, 'в течение 48 часов'],
  ])('ru consent request: %i hours → «%s»', (hours, text) => {
    expect(notificationText('residence_consent_requested', { number: 'RR-1', applicant: 'A.', address: 'X', hours }, 'ru')).toContain(text);
  });

  it('kk needs no plural: the noun stays singular after a numeral', () => {
    expect(notificationText('vehicle_reminder', { number: 'VR-1', days: 5 }, 'kk')).toContain('5 күн');
  });

  it.each([
    [1, '1 запрос,'],
    [4, '4 запроса,'],
    [12, '12 запросов,'],
  ])('ru Admin.recentCalls: %i', (total, text) => {
    const t = createTranslator({ locale: 'ru', messages: ru, namespace: 'Admin' });
    expect(t('recentCalls', { total, failed: 0 })).toContain(text);
  });

  it('kk messages parse the same placeholders (recentCalls)', () => {
    const t = createTranslator({ locale: 'kk', messages: kk, namespace: 'Admin' });
    expect(t('recentCalls', { total: 4, failed: 1 })).toMatch(/4/);
  });
});

describe('names in the reader’s language', () => {
  const params = {
    number: 'VR-1',
    vin: 'X',
    dealerKk: '«Astana Motors» ЖШС',
    dealerRu: 'ТОО «Astana Motors»',
    days: 10,
    until: '14.12.2026, 18:00',
  };
  it('a Kazakh SMS names the dealer by its Kazakh legal form, a Russian one by the Russian', () => {
    expect(notificationText('vehicle_offer', params, 'kk')).toContain('«Astana Motors» ЖШС');
    expect(notificationText('vehicle_offer', params, 'kk')).not.toContain('ТОО');
    expect(notificationText('vehicle_offer', params, 'ru')).toContain('Дилер ТОО «Astana Motors»');
  });
});

describe('Kazakh postpositions after a value', () => {
  // «дейін» needs the dative and «бастап» the ablative; a formatted date or number cannot take the ending, so
  // «{until} дейін» renders as «31.08.2026 дейін». Such messages are phrased as «… мерзімі: {date}».
  it('no kk message puts a placeholder straight before дейін or бастап', () => {
    expect(
      flat(kk as Tree)
        .filter(([, v]) => /\}\s+(дейін|бастап)/.test(v))
        .map(([k]) => k),
    ).toEqual([]);
  });
});
