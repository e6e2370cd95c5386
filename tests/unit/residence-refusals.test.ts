// Every reason a residence application can end with has its text in Kazakh and in Russian, and the timeline labels
// every residence event type from the slices' namespaces — never a raw code (SPEC §6 "every decision explained").
// Iterates the reason and event constants: a reason or type added without its texts fails here.
import { describe, expect, it } from 'vitest';
import { astanaRefusalAtSigning, astanaRefusalCodes } from '@/lib/residence/astana-step-rules';
import type { AstanaDecision } from '@/lib/residence/astana-types';
import { signingRefusals } from '@/lib/residence/citizen-service-rules';
import { conRefusalCodes } from '@/lib/residence/con-types';
import { consentRefusalCodes } from '@/lib/residence/consent-rules';
import { refusalReasonOf, residenceRefusalReasons } from '@/lib/residence/refusals';
import {
  UNKNOWN_EVENT_KEY,
  refusalCodeOf,
  residenceEventDetails,
  residenceEventKey,
  residenceEventTypes,
} from '@/lib/residence/timeline-labels';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const locales = { kk, ru } as const;

/** The message at a dotted path, or undefined. */
function at(messages: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), messages);
}
const text = (messages: unknown, path: string) => {
  const v = at(messages, path);
  return typeof v === 'string' && v.trim() ? v : null;
};

describe('Residence.refusal: a text for every reason, in both languages', () => {
  it('the reasons are the signing re-checks, the Astana claim, the owners’ consent — each once', () => {
    expect(new Set(residenceRefusalReasons).size).toBe(residenceRefusalReasons.length);
    for (const code of [...signingRefusals, ...astanaRefusalCodes, ...consentRefusalCodes]) expect(residenceRefusalReasons).toContain(code);
    // The CON's refusals of an application already formed (the Astana claim) are reasons too.
    for (const code of conRefusalCodes.filter((c) => (astanaRefusalCodes as readonly string[]).includes(c)))
      expect(residenceRefusalReasons).toContain(code);
    for (const code of [
      'owner_declined',
      'consent_expired',
      'kinship_not_found',
      'no_full_time_study',
      'astana_norm',
      'not_for_this_dwelling',
    ])
      expect(residenceRefusalReasons).toContain(code);
  });

  for (const [locale, messages] of Object.entries(locales))
    it.each(residenceRefusalReasons)(`${locale}: Residence.refusal.%s`, (code) => {
      expect(text(messages, `Residence.refusal.${code}`)).not.toBeNull();
    });

  it.each(residenceRefusalReasons)('kk and ru differ (not one language copied): %s', (code) => {
    expect(text(kk, `Residence.refusal.${code}`)).not.toBe(text(ru, `Residence.refusal.${code}`));
  });

  for (const [locale, messages] of Object.entries(locales)) {
    it.each(signingRefusals)(`${locale}: the signing error Errors.residence_refused_%s`, (code) => {
      expect(text(messages, `Errors.residence_refused_${code}`)).not.toBeNull();
    });
    it.each(conRefusalCodes)(`${locale}: the CON's ResidenceCon.refusal.%s`, (code) => {
      expect(text(messages, `ResidenceCon.refusal.${code}`)).not.toBeNull();
    });
    it.each(astanaRefusalCodes)(`${locale}: the Astana page's ResidenceAstana.refusal.%s`, (code) => {
      expect(text(messages, `ResidenceAstana.refusal.${code}`)).not.toBeNull();
    });
  }

  it('a stored code is a reason or nothing', () => {
    expect(refusalReasonOf('astana_norm')).toBe('astana_norm');
    expect(refusalReasonOf('owner_declined')).toBe('owner_declined');
    expect(refusalReasonOf('Не хочу')).toBeNull();
    expect(refusalReasonOf(null)).toBeNull();
  });
});

describe('timeline labels', () => {
  for (const [locale, messages] of Object.entries(locales)) {
    const has = (key: string) => text(messages, key) !== null;
    it.each(residenceEventTypes)(`${locale}: %s has a label of its slice`, (type) => {
      const key = residenceEventKey(type, has);
      expect(key).not.toBe(UNKNOWN_EVENT_KEY);
      expect(text(messages, key)).not.toBeNull();
    });
    it(`${locale}: an unknown type gets the generic label, not its code`, () => {
      expect(residenceEventKey('something_new', has)).toBe(UNKNOWN_EVENT_KEY);
      expect(text(messages, UNKNOWN_EVENT_KEY)).not.toBeNull();
    });
  }

  it('the Astana events come from ResidenceAstana.events, the owners’ answers from ResidenceConsent.events', () => {
    const has = (key: string) => text(ru, key) !== null;
    expect(residenceEventKey('astana_norm_checked', has)).toBe('ResidenceAstana.events.astana_norm_checked');
    expect(residenceEventKey('astana_claim_decided', has)).toBe('ResidenceAstana.events.astana_claim_decided');
    expect(residenceEventKey('consent_given', has)).toBe('ResidenceConsent.events.consent_given');
    expect(residenceEventKey('refuse', has)).toBe('Residence.events.refuse');
  });

  it('an Astana check says its arithmetic and its outcome; a refusal its reason in words', () => {
    const reached = residenceEventDetails('astana_norm_checked', {
      totalAreaM2: 62,
      normM2PerPerson: 15,
      places: 4,
      registeredCount: 4,
      withinNorm: false,
      outcome: 'claim_needed',
    });
    expect(reached).toEqual([
      { key: 'ResidenceAstana.arithmeticReached', values: { area: 62, norm: 15, places: 4, count: 4 } },
      { key: 'ResidenceAstana.outcome.claim_needed', values: {} },
    ]);
    const fits = residenceEventDetails('astana_claim_decided', {
      totalAreaM2: 60,
      normM2PerPerson: 15,
      places: 4,
      registeredCount: 2,
      withinNorm: true,
      outcome: 'within_norm',
    });
    expect(fits[0]!.key).toBe('ResidenceAstana.arithmeticFits');
    expect(residenceEventDetails('refuse', { refusalCode: 'astana_norm', at: 'signing' })).toEqual([
      { key: 'Residence.refusal.astana_norm', values: {} },
    ]);
    // The CON stores the Astana outcome as `reason`: a code, shown in words.
    expect(residenceEventDetails('con_refuse', { reason: 'kinship_not_found' })).toEqual([
      { key: 'Residence.refusal.kinship_not_found', values: {} },
    ]);
    // What an owner typed is their words, not a code.
    expect(refusalCodeOf({ owner: 'Асель Н.', reason: 'Квартира продаётся' })).toBeNull();
    expect(residenceEventDetails('owner_declined', { owner: 'Асель Н.', reason: 'Квартира продаётся' })).toEqual([]);
    expect(residenceEventDetails('astana_norm_checked', { outcome: 'nonsense' })).toEqual([]);
    for (const d of [...reached, ...fits]) for (const m of [kk, ru]) expect(text(m, d.key)).not.toBeNull();
  });
});

describe('the Astana norm re-checked at signing (astanaRefusalAtSigning)', () => {
  const decision = (over: Partial<AstanaDecision>): AstanaDecision => ({
    checkedAt: '2026-12-04T00:00:00.000Z',
    totalAreaM2: 60,
    registeredCount: 3,
    normM2PerPerson: 15,
    normDecision: { date: '2025-12-26', number: null },
    places: 4,
    withinNorm: true,
    claim: null,
    kinship: null,
    student: null,
    outcome: 'within_norm',
    ...over,
  });

  it('one below the norm (3 of 4 places): passes', () => {
    expect(astanaRefusalAtSigning(decision({}), '21-1')).toBeNull();
  });

  it('exactly at the norm (4 of 4) with no claim: astana_norm with the numbers', () => {
    expect(astanaRefusalAtSigning(decision({ registeredCount: 4, withinNorm: false, outcome: 'claim_needed' }), '21-1')).toEqual({
      code: 'astana_norm',
      details: {
        at: 'signing',
        cadastralNumber: '21-1',
        totalAreaM2: 60,
        registeredCount: 4,
        normM2PerPerson: 15,
        places: 4,
        outcome: 'claim_needed',
        claim: null,
        searched: [],
      },
    });
  });

  it('at the norm, covered by a confirmed kinship or study: passes; no longer confirmed: astana_norm', () => {
    const over = { registeredCount: 5, withinNorm: false };
    expect(astanaRefusalAtSigning(decision({ ...over, claim: { relation: 'child' }, outcome: 'kinship_confirmed' }), 'x')).toBeNull();
    expect(astanaRefusalAtSigning(decision({ ...over, claim: { relation: 'student' }, outcome: 'student_confirmed' }), 'x')).toBeNull();
    const ended = astanaRefusalAtSigning(decision({ ...over, claim: { relation: 'student' }, outcome: 'no_full_time_study' }), 'x');
    expect(ended).toMatchObject({ code: 'astana_norm', details: { outcome: 'no_full_time_study', claim: { relation: 'student' } } });
  });

  it('a zero-area dwelling (0 places): astana_norm', () => {
    expect(
      astanaRefusalAtSigning(decision({ totalAreaM2: 0, places: 0, registeredCount: 0, withinNorm: false, outcome: 'claim_needed' }), 'x'),
    ).toMatchObject({ code: 'astana_norm', details: { places: 0 } });
  });
});
