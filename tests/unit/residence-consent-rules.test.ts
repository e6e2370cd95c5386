import { describe, expect, it } from 'vitest';
import {
  answerEffect,
  applicationEffect,
  consentTiming,
  declineReasonProblem,
  expiryDue,
  fullName,
  hoursLeft,
  reminderAt,
  reminderDue,
  shareLabel,
  type ConsentStatus,
} from '@/lib/residence/consent-rules';

const HOUR = 3_600_000;
const t0 = new Date('2026-05-04T09:00:00+05:00');
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
/** Asked at t0, 72 hours to answer (the seeded default). */
const request = (over: Partial<{ status: ConsentStatus; remindedAt: Date | null; expiresAt: Date }> = {}) => ({
  status: 'requested' as ConsentStatus,
  requestedAt: t0,
  expiresAt: at(72),
  remindedAt: null,
  ...over,
});

describe('consent timing from the pilot settings', () => {
  it('takes the admin-set hours, falling back to 72/24 for missing or nonsensical values', () => {
    expect(consentTiming({ consentTtlHours: 48, consentReminderHours: 12 })).toEqual({ ttlHours: 48, reminderHours: 12 });
    expect(consentTiming({})).toEqual({ ttlHours: 72, reminderHours: 24 });
    expect(consentTiming(null)).toEqual({ ttlHours: 72, reminderHours: 24 });
    expect(consentTiming({ consentTtlHours: 0, consentReminderHours: -1 })).toEqual({ ttlHours: 72, reminderHours: 24 });
    expect(consentTiming({ consentTtlHours: '48' })).toEqual({ ttlHours: 72, reminderHours: 24 });
  });
});

describe('reminder', () => {
  it('goes reminderHours before the end, not a millisecond earlier, and not at or after the end', () => {
    expect(reminderAt(request(), 24)).toEqual(at(48));
    expect(reminderDue(request(), new Date(at(48).getTime() - 1), 24)).toBe(false);
    expect(reminderDue(request(), at(48), 24)).toBe(true);
    expect(reminderDue(request(), new Date(at(72).getTime() - 1), 24)).toBe(true);
    expect(reminderDue(request(), at(72), 24)).toBe(false);
  });

  it('goes once, and only for an open request', () => {
    expect(reminderDue(request({ remindedAt: at(48) }), at(50), 24)).toBe(false);
    for (const status of ['consented', 'declined', 'expired', 'cancelled'] as const)
      expect(reminderDue(request({ status }), at(50), 24)).toBe(false);
  });

  it('is skipped when its time is at or before the request itself (the request SMS said when it ends)', () => {
    expect(reminderDue(request({ expiresAt: at(24) }), at(1), 24)).toBe(false);
    expect(reminderDue(request({ expiresAt: at(10) }), at(1), 24)).toBe(false);
    expect(reminderDue(request({ expiresAt: at(25) }), at(1), 24)).toBe(true);
  });

  it('says how many hours are left, rounded up, at least one', () => {
    expect(hoursLeft(at(72), at(48))).toBe(24);
    expect(hoursLeft(at(72), at(48.5))).toBe(24);
    expect(hoursLeft(at(72), new Date(at(72).getTime() - 60_000))).toBe(1);
  });
});

describe('expiry', () => {
  it('at expiresAt exactly the request ends; a millisecond before it is still open', () => {
    expect(expiryDue(request(), new Date(at(72).getTime() - 1))).toBe(false);
    expect(expiryDue(request(), at(72))).toBe(true);
    expect(expiryDue(request({ status: 'consented' }), at(80))).toBe(false);
  });
});

describe('answers', () => {
  it('an open request takes either answer; the same again is a no-op; the other is a conflict; a closed one refuses both', () => {
    expect(answerEffect('requested', 'consent')).toBe('apply');
    expect(answerEffect('requested', 'decline')).toBe('apply');
    expect(answerEffect('consented', 'consent')).toBe('same');
    expect(answerEffect('declined', 'decline')).toBe('same');
    expect(answerEffect('consented', 'decline')).toBe('conflict');
    expect(answerEffect('declined', 'consent')).toBe('conflict');
    for (const s of ['expired', 'cancelled'] as const) {
      expect(answerEffect(s, 'consent')).toBe('closed');
      expect(answerEffect(s, 'decline')).toBe('closed');
    }
  });

  it('the application: one refusal ends it, the last consent readies it, otherwise it waits', () => {
    expect(applicationEffect(['consented', 'consented'])).toBe('all_consented');
    expect(applicationEffect(['consented'])).toBe('all_consented');
    expect(applicationEffect(['consented', 'requested'])).toBe('waiting');
    expect(applicationEffect(['consented', 'declined', 'requested'])).toBe('owner_declined');
    expect(applicationEffect(['consented', 'cancelled'])).toBe('waiting');
    expect(applicationEffect([])).toBe('waiting');
  });

  it('a refusal needs a reason of 5 to 500 characters (spaces around do not count)', () => {
    expect(declineReasonProblem('')).toBe('residence_consent_reason_required');
    expect(declineReasonProblem('    ')).toBe('residence_consent_reason_required');
    expect(declineReasonProblem(' жоқ ')).toBe('residence_consent_reason_short');
    expect(declineReasonProblem('  Қарсы ')).toBeNull();
    expect(declineReasonProblem('а'.repeat(500))).toBeNull();
    expect(declineReasonProblem('а'.repeat(501))).toBe('residence_consent_reason_long');
  });
});

describe('how people and shares are shown', () => {
  it('the full name for the deciding owner (masking: residence-person.test.ts)', () => {
    expect(fullName({ surname: 'Ким', givenName: 'Ольга', patronymic: null })).toBe('Ким Ольга');
    expect(fullName({ surname: 'Оспанов', givenName: 'Берік', patronymic: 'Сәкенұлы' })).toBe('Оспанов Берік Сәкенұлы');
  });

  it('shows a share as a simple fraction, else a percentage', () => {
    expect(shareLabel(1000)).toBe('1/1');
    expect(shareLabel(500)).toBe('1/2');
    expect(shareLabel(333)).toBe('1/3');
    expect(shareLabel(667)).toBe('2/3');
    expect(shareLabel(250)).toBe('1/4');
    expect(shareLabel(125)).toBe('1/8');
    expect(shareLabel(417)).toBe('5/12');
    expect(shareLabel(123)).toBe('12.3 %');
  });
});
