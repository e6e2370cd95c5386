import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, Notice, PageHeader, StatusBadge } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { formatMoney } from '@/lib/format';
import { feeNames, paymentsOf } from '@/lib/payments/queries';
import { ReceiptLink } from '@/components/payments/receipt-links';
import { mayPayAgain, paymentWord, paymentWordTone } from '@/lib/payments/status-words';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Payments' });
  return { title: t('title') };
}

/** Payment history; the gateway sends the payer back here with ?payment=<id>. */
export default async function PaymentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ payment?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const { payment: returned } = await searchParams;
  const [t, tn, format, rows, names, tp] = await Promise.all([
    getTranslations('Payments'),
    getTranslations('NextSteps'),
    getFormatter(),
    paymentsOf(actor.iin),
    feeNames(),
    getTranslations('Print'),
  ]);
  // A fee line in words: the portal's message, else the fee's name in the reference table, never its code.
  const feeName = (code: string) => {
    // A message key cannot hold a dot (next-intl reads it as nesting): `vehicle.srts` is `fees.vehicle_srts`.
    const key = `fees.${code.replaceAll('.', '_')}`;
    if (t.has(key as never)) return t(key as never);
    const n = names.get(code);
    return n ? (locale === 'kk' ? n.nameKk : n.nameRu) : t('feeOther');
  };
  const just = returned ? rows.find((r) => r.id === returned) : undefined;
  const justWord = just ? paymentWord(just.status, just.failedOutcome) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      {just && justWord ? (
        <Notice
          tone={justWord === 'paid' ? 'success' : justWord === 'declined' ? 'error' : 'info'}
          title={tn(`paymentReturned.${justWord}`)}
        >
          {t('returnedAmount', { amount: formatMoney(just.amountTiyn, locale) })}
          {mayPayAgain(justWord) ? <p className="mt-1">{tn('paymentAgain')}</p> : null}
        </Notice>
      ) : null}
      <DataTable
        caption={t('title')}
        captionHidden
        columns={[
          { key: 'date', header: t('date'), rowHeader: true, cell: (r) => format.dateTime(r.createdAt, 'stamp') },
          {
            key: 'what',
            header: t('what'),
            cell: (r) => r.lines.map((l) => feeName(l.code)).join(', '),
          },
          { key: 'amount', header: t('amount'), cell: (r) => formatMoney(r.amountTiyn, locale) },
          {
            key: 'status',
            header: t('statusHeader'),
            cell: (r) => {
              // What happened, in the payer's terms: cancelled by you, declined by the bank, expired (issue 15).
              const w = paymentWord(r.status, r.failedOutcome);
              return <StatusBadge tone={paymentWordTone[w]}>{tn(`paymentWord.${w}`)}</StatusBadge>;
            },
          },
          { key: 'refund', header: t('refund'), cell: (r) => (r.refundStatus ? t(`refundStatus.${r.refundStatus}`) : '—') },
          {
            key: 'receipt',
            header: tp('receiptColumn'),
            cell: (r) => (r.receiptNumber ? <ReceiptLink paymentId={r.id} receiptNumber={r.receiptNumber} locale={locale} /> : '—'),
          },
        ]}
        rows={rows}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('empty')} description={t('emptyText')} />}
      />
    </div>
  );
}
