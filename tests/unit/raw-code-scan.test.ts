import { describe, expect, it } from 'vitest';
import { findRawCodes } from '../../e2e/support/raw-code-scan';

describe('findRawCodes', () => {
  it.each([
    ['Тип номера: standard_person', ['standard_person']],
    ['Действие: person.viewed', ['person.viewed']],
    ['application.approve, file.viewed.', ['application.approve', 'file.viewed']],
    ['Причина: keyCompromise', ['keyCompromise']],
    ['Статус: awaiting_payment', ['awaiting_payment']],
    ['Cabinet.accessKinds.decided', ['Cabinet.accessKinds.decided']],
  ])('finds the codes in %j', (text, codes) => expect(findRawCodes(text)).toEqual(codes));

  it.each([
    'Заявка VR-2026-000123, VIN XW8ZZZ61ZKG000001',
    'Пилотный проект действует до 31.08.2026. Всего: 1 234 567 ₸',
    'Сайт egov.kz, почта help@qyzmet.kz, файл photo.jpg, ключ AUTH_RSA256.p12',
    'Подробнее: https://qyzmet.kz/ru/verify?code=abc_def',
    'Digital-ID, Е-Собес, ЖТ МДБ, SHA-256: 9f86d081884c7d659a2feaa0c55ad015',
    'Номер 123 ABC 01, талон A-017',
    'Оплатите на eGov.kz или в eGov mobile',
  ])('no code in %j', (text) => expect(findRawCodes(text)).toEqual([]));

  it('allows what the page shows on purpose', () => {
    expect(findRawCodes('JSON, например {"buyerExpiryDays": 10}', ['buyerExpiryDays'])).toEqual([]);
  });
});
