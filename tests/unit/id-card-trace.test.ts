// Order 002: the portal page's format-logical control (order p.4 (1)) and the order's "go to a CON" message
// (p.7) in both languages, verbatim.
import { describe, expect, it } from 'vitest';
import { formSchema, issueCardSchema, startSchema } from '@/lib/id-card/schemas';
import kk from '../../messages/kk.json';
import ru from '../../messages/ru.json';

const issues = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];
const base = { id: '00000000-0000-4000-8000-000000000000', version: '3', locale: 'kk' };

describe('order p.4 (1): format-logical control of the form', () => {
  it('the form needs a registration point and a Kazakh mobile number; the e-mail is optional but must be one', () => {
    const ok = formSchema.parse({ ...base, registrationPointId: '101', phone: '8 701 555 44 33', email: '' });
    expect(ok).toMatchObject({ registrationPointId: 101, phone: '+77015554433', email: undefined });
    expect(issues(formSchema.safeParse({ ...base, registrationPointId: '', phone: '+77015554433' }))).toEqual(['id_card_point_required']);
    expect(issues(formSchema.safeParse({ ...base, registrationPointId: '101', phone: '+7 495 123 45 67' }))).toEqual(['phone_invalid']);
    expect(issues(formSchema.safeParse({ ...base, registrationPointId: '101', phone: '+77015554433', email: 'a@' }))).toEqual([
      'invalid_value',
    ]);
  });

  it('no start without the consent box; a new card number is nine digits; the presented document number is checked', () => {
    expect(issues(startSchema.safeParse({ locale: 'ru', consentId: '12', phone: '+77011234567' }))).toEqual(['id_card_consent_required']);
    const issue = { ...base, documentNumber: 'n 0456 7812', source: 'id_document', newCardNumber: '045678123' };
    expect(issueCardSchema.safeParse(issue).success).toBe(true);
    expect(issues(issueCardSchema.safeParse({ ...issue, newCardNumber: '04567812' }))).toEqual(['id_card_number_invalid']);
    expect(issues(issueCardSchema.safeParse({ ...issue, documentNumber: 'N-1' }))).toEqual(['document_number_invalid']);
    expect(issues(issueCardSchema.safeParse({ ...issue, source: 'photo' }))).toEqual(['required']);
  });
});

describe('p.7 and SPEC §5: the refusal says the order’s words', () => {
  const errors = { kk: kk.Errors as Record<string, string>, ru: ru.Errors as Record<string, string> };
  it.each(['id_card_too_late'])('%s: «оформление не доступно, обратитесь в ЦОН» / «рәсімдеу қолжетімсіз, ХҚКО-ға жүгініңіз»', (code) => {
    expect(errors.ru[code]).toContain('оформление не доступно, обратитесь в ЦОН');
    expect(errors.kk[code]).toContain('рәсімдеу қолжетімсіз, ХҚКО-ға жүгініңіз');
  });
  // Issue 15 (docs/decisions.md): too early is not "go to a CON" but the day the online renewal opens.
  it('id_card_too_early: "you can apply online from <date>"', () => {
    expect(errors.ru.id_card_too_early).toContain('Подать заявку онлайн можно с {from}');
    expect(errors.kk.id_card_too_early).toContain('Онлайн өтінішті {from} күнінен бастап бере аласыз');
    expect(errors.ru.id_card_too_early).not.toContain('обратитесь в ЦОН');
  });
});
