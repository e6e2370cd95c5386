// Order 003 p.5 and p.8: the CON's printed referral says why, and where the service is online — this portal's page,
// egov.kz's page of the service, eGov Mobile and the CON's self-service sector — in the person's language.
import { describe, expect, it } from 'vitest';
import { conReferralBlocks, egovServiceUrl, renderConReferralPdf, type ConReferral } from '@/lib/residence/con-pdf';

const referral = (kind: ConReferral['kind']): ConReferral => ({
  kind,
  reason: kind === 'refused' ? 'Меншік иесі кәмелетке толған және әрекетке қабілетті' : 'Собственник может обратиться сам',
  cadastralNumber: '21-320-045-018:112',
  portalUrl: 'https://qyzmet.example/kk/services/residence',
  con: 'ХҚКО №1',
  worker: { name: 'Айдана Қ.', role: 'ресепшн' },
  at: new Date('2026-12-04T05:00:00Z'),
});

const text = (kind: ConReferral['kind'], locale: 'kk' | 'ru') =>
  conReferralBlocks(referral(kind), locale)
    .map((b) => ('text' in b ? b.text : 'rows' in b ? b.rows.flat().join(' ') : ''))
    .join('\n');

describe('the CON referral (p.5 reception advice, p.8 refusal)', () => {
  it.each(['kk', 'ru'] as const)('%s: names the portal page, egov.kz, eGov Mobile, the self-service sector', (locale) => {
    for (const kind of ['reception_online', 'refused'] as const) {
      const t = text(kind, locale);
      expect(t).toContain('https://qyzmet.example/kk/services/residence');
      expect(t).toContain(egovServiceUrl(locale));
      expect(t).toContain('eGov Mobile');
      expect(t).toContain(locale === 'kk' ? 'өзіне-өзі қызмет көрсету секторы' : 'самообслуживания');
      expect(t).toContain('21-320-045-018:112');
    }
  });

  it('says which point applies: reception’s advice (p.5) or the refusal after the check (p.8)', () => {
    expect(text('reception_online', 'ru')).toContain('пункт 5 приложения');
    expect(text('refused', 'ru')).toContain('пункт 8 приложения');
    expect(text('refused', 'kk')).toContain('8-тармағы');
    expect(text('reception_online', 'kk')).not.toBe(text('refused', 'kk'));
    expect(egovServiceUrl('kk')).toMatch(/^https:\/\/egov\.kz\/cms\/kk\//);
  });

  it('renders as a PDF', async () => {
    const pdf = await renderConReferralPdf(referral('refused'), 'kk');
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  });
});
