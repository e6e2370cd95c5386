'use client';

import { useNow, useTranslations } from 'next-intl';
import { localDateTime } from '@/lib/calendar/local';
import type { ReactNode } from 'react';
import { PrintButton } from './print-button';

/**
 * dd.mm.yyyy, HH:MM in Asia/Almaty, as lib/format.ts prints it on the server — written out here because a browser's
 * own kk-KZ data may differ (Chromium's gives 2026-12-05 01:23).
 */
function stamp(at: Date): string {
  const [date = '', time = ''] = localDateTime(at).split(' ');
  return `${date.split('-').reverse().join('.')}, ${time}`;
}

/**
 * A CON queue ticket (issue 15): the code large, with a "Print" button. Printed, the page shows only this block —
 * the portal's name, what the ticket is for, the code, the date and time it was printed (app/globals.css,
 * `[data-print-ticket]`) — and not the reception page around it.
 */
export function PrintableTicket({ title, code, children }: { title: string; code: string; children?: ReactNode }) {
  const t = useTranslations('Print');
  const tc = useTranslations('Common');
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
        {t('printedAt', { at: stamp(now) })}
      </p>
      <PrintButton>{t('printTicket')}</PrintButton>
    </div>
  );
}
