import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { formatDateTime } from '@/lib/format';
import { PrintButton } from './print-button';

/**
 * A page that is a document when printed (issue 15: notices, decisions): on screen a "Print" button; on paper, in
 * its place, the portal's name and the time of printing above the page's own title and number (the site's header,
 * menus and buttons are not printed: app/globals.css).
 */
export async function DocumentPrintBar({ locale }: { locale: Locale }) {
  const [t, tc] = await Promise.all([getTranslations({ locale, namespace: 'Print' }), getTranslations({ locale, namespace: 'Common' })]);
  return (
    <div className="flex justify-end print:justify-between print:border-b print:border-black print:pb-2" data-testid="document-print-bar">
      <p className="hidden font-bold print:block">
        {tc('portalName')} — {tc('portalTagline')}
      </p>
      <p className="hidden text-sm print:block">{t('printedAt', { at: formatDateTime(new Date(), locale) })}</p>
      <PrintButton size="sm">{t('print')}</PrintButton>
    </div>
  );
}
