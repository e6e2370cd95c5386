import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { DATE_TIME_FORMATS } from '@/lib/format';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: 'Asia/Almaty',
    formats: {
      // One date format per locale (lib/format.ts): the same options as formatDate / formatDateTime.
      dateTime: DATE_TIME_FORMATS,
      number: { tenge: { style: 'currency', currency: 'KZT', maximumFractionDigits: 0 } },
    },
  };
});
