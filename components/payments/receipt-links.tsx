import { getTranslations } from 'next-intl/server';
import { VisuallyHidden } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { formatMoney } from '@/lib/format';
import { receiptsOf } from '@/lib/payments/queries';

/** The receipt URL of a payment, as a PDF in the page's language (app/api/payments/[id]/receipt). */
export const receiptHref = (paymentId: string, locale: Locale) => `/api/payments/${paymentId}/receipt?lang=${locale}`;

/** A PDF receipt link for a paid payment (issue 15). */
export async function ReceiptLink({ paymentId, receiptNumber, locale }: { paymentId: string; receiptNumber: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Print' });
  return (
    <a
      href={receiptHref(paymentId, locale)}
      download
      className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900"
      data-testid="receipt-link"
    >
      {t('receiptPdf')}
      <VisuallyHidden> {receiptNumber}</VisuallyHidden>
    </a>
  );
}

/** An application page's receipts for its payer: one line per paid payment; nothing before anything is paid. */
export async function ReceiptLinks({ applicationId, payerIin, locale }: { applicationId: string; payerIin: string; locale: Locale }) {
  const [rows, t] = await Promise.all([receiptsOf(applicationId, payerIin), getTranslations({ locale, namespace: 'Print' })]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="receipts-title" className="flex flex-col gap-2" data-testid="receipts">
      <h2 id="receipts-title" className="text-lg font-semibold">
        {t('receipts')}
      </h2>
      <ul className="flex flex-col gap-1">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-baseline gap-3">
            <span className="font-mono">{r.receiptNumber}</span>
            <span>{formatMoney(r.amountTiyn, locale)}</span>
            <ReceiptLink paymentId={r.id} receiptNumber={r.receiptNumber!} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
