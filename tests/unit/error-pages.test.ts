import { describe, expect, it } from 'vitest';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { GLOBAL_ERROR_TEXT, globalErrorLocale } from '@/lib/i18n/global-error-text';

describe('global error page texts', () => {
  it.each([
    ['kk', kk],
    ['ru', ru],
  ] as const)('%s: the copies equal Common.error* in the catalogue', (locale, messages) => {
    for (const [key, text] of Object.entries(GLOBAL_ERROR_TEXT[locale])) {
      expect(messages.Common[key as keyof typeof messages.Common]).toBe(text);
    }
  });

  it('takes the locale from the path, kk by default', () => {
    expect(globalErrorLocale('/ru/cabinet')).toBe('ru');
    expect(globalErrorLocale('/kk')).toBe('kk');
    expect(globalErrorLocale('/rus/x')).toBe('kk');
    expect(globalErrorLocale(null)).toBe('kk');
  });
});
