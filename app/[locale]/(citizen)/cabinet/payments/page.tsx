import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, Notice, PageHeader, StatusBadge } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { formatMoney } from '@/lib/format';
import { feeNames, paymentsOf } from '@/lib/payments/queries';
import { ReceiptLink } from '@/components/payments/receipt-links';

const tone = { pending: 'warning', paid: 'success', declined: 'danger', refunded: 'info', superseded: 'neutral' } as const;

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
  const [t, format, rows, names, tp] = await Promise.all([
    getTranslations('Payments'),
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
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      {just ? (
        <Notice
          tone={just.status === 'paid' ? 'success' : just.status === 'declined' ? 'error' : 'info'}
          title={t(`returned.${just.status}`)}
        >
          {t('returnedAmount', { amount: formatMoney(just.amountTiyn, locale) })}
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
            cell: (r) => <StatusBadge tone={tone[r.status]}>{t(`status.${r.status}`)}</StatusBadge>,
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
