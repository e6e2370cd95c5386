import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CLIENT_MESSAGES, pickMessages, type ClientArea } from '@/lib/i18n/client-messages';

/** The messages this work area's client components use, and no others (lib/i18n/client-messages.ts). */
export async function ClientMessages({ area, children }: { area: ClientArea; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), CLIENT_MESSAGES[area])}>{children}</NextIntlClientProvider>;
}
