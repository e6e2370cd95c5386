'use client';

import { useLocale, useNow, useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import { formatDateTime } from '@/lib/format';
import type { ReactNode } from 'react';
import { PrintButton } from './print-button';

/**
 * A CON queue ticket (issue 15): the code large, with a "Print" button. Printed, the page shows only this block —
 * the portal's name, what the ticket is for, the code, the date and time it was printed (app/globals.css,
 * `[data-print-ticket]`) — and not the reception page around it.
 */
export function PrintableTicket({ title, code, children }: { title: string; code: string; children?: ReactNode }) {
  const t = useTranslations('Print');
  const tc = useTranslations('Common');
  const locale = useLocale() as Locale;
  const now = useNow();
  return (
    <div className="flex flex-col items-start gap-3" data-testid="printable-ticket" data-print-ticket>
      <p className="hidden text-lg font-bold print:block">{tc('portalName')}</p>
      <p className="text-sm text-ink-muted print:text-base print:text-black">{title}</p>
      <p className="rounded-md border-4 border-brand-700 px-6 py-3 font-mono text-4xl font-bold print:border-black" aria-live="polite">
        {code}
      </p>
      {children}
      <p className="hidden text-sm print:block" suppressHydrationWarning>
        {t('printedAt', { at: formatDateTime(now, locale) })}
      </p>
      <PrintButton>{t('printTicket')}</PrintButton>
    </div>
  );
}
