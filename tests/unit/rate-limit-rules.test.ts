// The rate-limit rules (issue 14): which buckets a request counts against, the wait shown, the overrides.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import {
  bucketsFor,
  iinKey,
  limitsWith,
  RATE_LIMITS,
  rateLimitActions,
  refusalWindowStart,
  retryAfterSeconds,
  waitParams,
} from '@/lib/rate-limit/rules';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const iin = '900101300126';

describe('bucketsFor', () => {
  it('an IP and a person: both buckets; the IIN only as a hash, masked in the label', () => {
    const b = bucketsFor('sign_in', { ip: '203.0.113.7', iin });
    expect(b.map((x) => x.key)).toEqual(['sign_in:ip:203.0.113.7', `sign_in:iin:${iinKey(iin)}`]);
    expect(b.map((x) => x.label)).toEqual(['ip:203.0.113.7', 'iin:••••••••0126']);
    expect(b.some((x) => x.key.includes(iin))).toBe(false);
    expect(b.map((x) => x.limit)).toEqual([RATE_LIMITS.sign_in.ip, RATE_LIMITS.sign_in.iin]);
  });

  it('no IP known: the person alone; with no person either, the shared anonymous bucket', () => {
    expect(bucketsFor('upload', { ip: null, iin }).map((x) => x.label)).toEqual(['iin:••••••••0126']);
    expect(bucketsFor('verify', { ip: null })).toEqual([
      { key: 'verify:anonymous', label: 'anonymous', limit: RATE_LIMITS.verify.anonymous },
    ]);
  });

  it('an action without a per-person rule ignores the IIN', () => {
    expect(bucketsFor('eds_challenge', { ip: null, iin }).map((x) => x.label)).toEqual(['anonymous']);
    expect(bucketsFor('eds_challenge', { ip: '203.0.113.7', iin }).map((x) => x.label)).toEqual(['ip:203.0.113.7']);
  });

  it('every action has limits, and the anonymous bucket is at least as wide as one IP', () => {
    for (const a of rateLimitActions) {
      const r = RATE_LIMITS[a];
      expect(r.ip.points).toBeGreaterThan(0);
      expect(r.anonymous.points).toBeGreaterThanOrEqual(r.ip.points);
    }
  });
});

describe('the wait', () => {
  it('rounds up to whole seconds, at least 1', () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });

  it('in seconds under two minutes, else in minutes rounded up', () => {
    expect(waitParams(1)).toEqual({ unit: 'second', wait: 1 });
    expect(waitParams(119)).toEqual({ unit: 'second', wait: 119 });
    expect(waitParams(120)).toEqual({ unit: 'minute', wait: 2 });
    expect(waitParams(121)).toEqual({ unit: 'minute', wait: 3 });
    expect(waitParams(600)).toEqual({ unit: 'minute', wait: 10 });
  });
});

describe('refusal windows', () => {
  it('are 10 minutes aligned to the clock', () => {
    expect(refusalWindowStart(new Date('2026-03-01T10:09:59.999Z')).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(refusalWindowStart(new Date('2026-03-01T10:10:00.000Z')).toISOString()).toBe('2026-03-01T10:10:00.000Z');
  });
});

describe('QYZMET_RATE_LIMITS', () => {
  it('overrides one scope of one action and leaves the rest', () => {
    const l = limitsWith('sign_in.ip=60/300, verify.anonymous=1000/600')!;
    expect(l.sign_in.ip).toEqual({ points: 60, seconds: 300 });
    expect(l.verify.anonymous).toEqual({ points: 1000, seconds: 600 });
    expect(l.sign_in.iin).toEqual(RATE_LIMITS.sign_in.iin);
    expect(RATE_LIMITS.sign_in.ip).not.toEqual({ points: 60, seconds: 300 });
    expect(limitsWith(undefined)).toEqual(RATE_LIMITS);
  });

  it.each(['sign_in.ip=0/60', 'nothing.ip=1/60', 'sign_in.everyone=1/60', 'sign_in.ip=10', 'sign_in.ip=1/0'])('refuses %s', (v) => {
    expect(limitsWith(v)).toBeNull();
    expect(() => parseConfig({ QYZMET_RATE_LIMITS: v })).toThrow(/QYZMET_RATE_LIMITS/);
  });
});

describe('Errors.rate_limited in both languages', () => {
  const say = (locale: 'kk' | 'ru', seconds: number) =>
    createTranslator({ locale, messages: locale === 'kk' ? kk : ru })('Errors.rate_limited', waitParams(seconds));

  it.each([
    [1, 'Повторите через 1 секунду.'],
    [2, 'Повторите через 2 секунды.'],
    [5, 'Повторите через 5 секунд.'],
    [21, 'Повторите через 21 секунду.'],
    [119, 'Повторите через 119 секунд.'],
    [120, 'Повторите через 2 минуты.'],
    [300, 'Повторите через 5 минут.'],
    [1260, 'Повторите через 21 минуту.'],
  ])('ru, %i s: %s', (seconds, end) => expect(say('ru', seconds)).toBe(`Слишком много попыток. ${end}`));

  it.each([
    [1, '1 секундтан'],
    [119, '119 секундтан'],
    [120, '2 минуттан'],
  ])('kk, %i s: %s кейін', (seconds, wait) => expect(say('kk', seconds)).toBe(`Тым көп әрекет жасалды. ${wait} кейін қайталап көріңіз.`));
});
