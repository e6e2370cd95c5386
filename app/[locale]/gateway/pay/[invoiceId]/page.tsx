import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RefreshOnHistoryShow } from '@/components/site/refresh-on-history';
import { Card, DescriptionList, Notice } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { isDemoMode } from '@/lib/config';
import { formatMoney } from '@/lib/format';
import { gatewayInvoice } from '@/lib/gateway/queries';
import { completeGatewayPaymentAction } from './actions';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Gateway' });
  return { title: t('title') };
}

/** The payment gateway's hosted page (simulator, demo mode only): what a bank's card page would be in production. */
export default async function GatewayPage({ params }: { params: Promise<{ locale: Locale; invoiceId: string }> }) {
  const { locale, invoiceId } = await params;
  setRequestLocale(locale);
  if (!isDemoMode()) notFound();
  if (!/^[\w-]{1,64}$/.test(invoiceId)) notFound();
  const invoice = await gatewayInvoice(invoiceId);
  if (!invoice) notFound();
  const [t, tn] = await Promise.all([getTranslations('Gateway'), getTranslations('NextSteps')]);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <RefreshOnHistoryShow />
      <Notice tone="info">{t('simulatorNotice')}</Notice>
      <Card title={<span className="text-2xl">{t('title')}</span>}>
        <DescriptionList
          items={[
            { term: t('description'), value: locale === 'kk' ? invoice.descriptionKk : invoice.descriptionRu },
            { term: t('amount'), value: <strong data-testid="gateway-amount">{formatMoney(invoice.amountTiyn, locale)}</strong> },
            { term: t('invoice'), value: <span className="font-mono">{invoice.invoiceId}</span> },
          ]}
        />
        {invoice.status !== 'open' ? (
          <Notice tone="warning">{t('alreadyCompleted')}</Notice>
        ) : (
          <div className="mt-4 flex flex-wrap gap-3">
            <form action={completeGatewayPaymentAction}>
              <input type="hidden" name="invoiceId" value={invoice.invoiceId} />
              <input type="hidden" name="outcome" value="paid" />
              <button type="submit" className="rounded bg-success-700 px-5 py-2 font-semibold text-white hover:bg-success-800">
                {t('pay')}
              </button>
            </form>
            <form action={completeGatewayPaymentAction}>
              <input type="hidden" name="invoiceId" value={invoice.invoiceId} />
              <input type="hidden" name="outcome" value="cancelled" />
              <button type="submit" className="rounded border border-line-strong bg-white px-5 py-2 font-semibold text-ink hover:bg-canvas">
                {t('decline')}
              </button>
            </form>
            {/* The simulator's stand-in for the bank refusing the card (a real gateway decides this itself). */}
            <form action={completeGatewayPaymentAction}>
              <input type="hidden" name="invoiceId" value={invoice.invoiceId} />
              <input type="hidden" name="outcome" value="declined" />
              <button type="submit" className="rounded border border-line-strong bg-white px-5 py-2 font-semibold text-ink hover:bg-canvas">
                {tn('gatewayBankDeclines')}
              </button>
            </form>
          </div>
        )}
      </Card>
    </div>
  );
}
