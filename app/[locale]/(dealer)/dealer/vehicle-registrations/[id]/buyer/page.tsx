import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DescriptionList, PageHeader } from '@/components/ui';
import { BuyerForm } from '@/components/vehicle/buyer-form';
import { DealerSteps } from '@/components/vehicle/dealer-steps';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { dealerApplicationFor } from '@/lib/vehicle-registration/queries';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Vehicle' });
  return { title: t('buyerTitle') };
}

/** Step 6: the buyer's IIN (the vehicle's checks have passed; its data is shown for reference). */
export default async function BuyerStepPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('dealer');
  const app = await dealerApplicationFor(actor, grant, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  if (app.status !== 'draft') redirect(`/${locale}/dealer/vehicle-registrations/${id}`);
  const t = await getTranslations('Vehicle');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader eyebrow={<span className="font-mono">{app.number}</span>} title={t('buyerTitle')} lead={t('buyerLead')} />
      <DealerSteps current="buyer" />
      <DescriptionList
        items={[
          { term: t('vin'), value: <span className="font-mono">{app.vin}</span> },
          { term: t('vehicle'), value: app.vehicle ? `${app.vehicle.make} ${app.vehicle.model}, ${app.vehicle.year}` : '—' },
        ]}
      />
      <BuyerForm id={app.id} version={app.version} defaultIin={app.buyerIin} />
    </div>
  );
}
