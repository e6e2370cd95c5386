import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['kk', 'ru'],
  defaultLocale: 'kk',
  localeCookie: { name: 'NEXT_LOCALE', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 },
});

export type Locale = (typeof routing.locales)[number];
