import { describe, expect, it } from 'vitest';
import { notificationHref } from '@/lib/notifications/links';
import { notificationText } from '@/lib/notifications/render';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const id = '0b9d2c43-5a7e-4a43-9d55-2b1b0c1b7a11';

describe('a notification names its application and leads to it (issue 15)', () => {
  it('the payment notice names the application number, not a payment id', () => {
    const text = notificationText('payment_received', { amountTiyn: 1_520_000, number: 'VR-2026-000123' }, 'ru');
    expect(text).toContain('VR-2026-000123');
    expect(text).toMatch(/15\s?200/);
    expect(notificationText('payment_received', { amountTiyn: 100, number: 'VR-2026-000123' }, 'kk')).toContain('VR-2026-000123');
    // without an application it says what was paid and nothing that looks like a number
    expect(notificationText('payment_received_plain', { amountTiyn: 100 }, 'ru')).toMatch(/^Оплата 1\s₸ получена\.$/u);
  });

  it("the buyer's offer states the days to accept and the last moment", () => {
    const params = { number: 'VR-2026-000123', vin: 'XTA1', dealerKk: '«Astana Motors» ЖШС', dealerRu: 'ТОО «Astana Motors»', days: 10 };
    // 12:00 UTC is 17:00 in Astana (UTC+5); the instant is shown in the reader's date format
    const ruText = notificationText('vehicle_offer', { ...params, untilAt: '2026-12-14T12:00:00.000Z' }, 'ru');
    expect(ruText).toContain('в течение 10 дней — до 14.12.2026, 17:00');
    expect(notificationText('vehicle_offer', { ...params, days: 1, untilAt: '2026-12-14T12:00:00.000Z' }, 'ru')).toContain(
      'в течение 1 дня',
    );
    const kkText = notificationText('vehicle_offer', { ...params, untilAt: '2026-12-14T12:00:00.000Z' }, 'kk');
    expect(kkText).toContain('10 күн ішінде');
    expect(kkText).toContain('14.12.2026, 17:00');
  });

  it('every notification kind with a number is phrased with it in both languages', () => {
    for (const m of [kk, ru])
      for (const [kind, text] of Object.entries(m.Notifications))
        if (kind.startsWith('payment_received') && kind !== 'payment_received_plain') expect(text).toContain('{number}');
  });

  it("links: the applicant's cabinet page, the dealer's page, an owner's consent page, or nothing", () => {
    expect(notificationHref({ kind: 'payment_received', params: {}, applicationId: id, pilot: 'vehicle' })).toBe(`/cabinet/vehicle/${id}`);
    expect(notificationHref({ kind: 'id_card_ready', params: {}, applicationId: id, pilot: 'id_card' })).toBe(`/cabinet/id-card/${id}`);
    expect(notificationHref({ kind: 'machinery_refused', params: {}, applicationId: id, pilot: 'machinery' })).toBe(
      `/cabinet/machinery/${id}`,
    );
    expect(notificationHref({ kind: 'residence_registered', params: {}, applicationId: id, pilot: 'residence' })).toBe(
      `/cabinet/residence/${id}`,
    );
    expect(notificationHref({ kind: 'vehicle_declined', params: {}, applicationId: id, pilot: 'vehicle' })).toBe(
      `/dealer/vehicle-registrations/${id}`,
    );
    expect(
      notificationHref({
        kind: 'residence_consent_requested',
        params: { path: '/cabinet/consents/abc' },
        applicationId: id,
        pilot: 'residence',
      }),
    ).toBe('/cabinet/consents/abc');
    // an owner is not the applicant: no link to an application page they cannot open
    expect(notificationHref({ kind: 'residence_consent_cancelled', params: {}, applicationId: id, pilot: 'residence' })).toBeNull();
    expect(notificationHref({ kind: 'test_message', params: {}, applicationId: null, pilot: null })).toBeNull();
    // a path that is not a cabinet path is never followed
    expect(notificationHref({ kind: 'x', params: { path: 'https://evil.example/' }, applicationId: null, pilot: null })).toBeNull();
    expect(notificationHref({ kind: 'x', params: { path: '/cabinet/../admin' }, applicationId: null, pilot: null })).toBeNull();
  });
});
