import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Notice, PageHeader } from '@/components/ui';
import { CheckLines } from '@/components/applications/check-lines';
import { DealerSteps } from '@/components/vehicle/dealer-steps';
import { VinForm } from '@/components/vehicle/vin-form';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import { sellerCheckFor } from '@/lib/vehicle-registration/queries';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Vehicle' });
  return { title: t('newTitle') };
}

/** "New registration": step 1 (may this organisation sell vehicles?) is answered first, then the VIN (step 2). */
export default async function NewRegistrationPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  const { grant } = await requireArea('dealer');
  const [t, te, ta] = await Promise.all([getTranslations('Vehicle'), getTranslations('Errors'), getTranslations('Admin')]);
  let seller: Awaited<ReturnType<typeof sellerCheckFor>> | 'unavailable';
  try {
    seller = await sellerCheckFor(grant.dealerBin!);
  } catch (e) {
    if (!isRegistryUnavailable(e)) throw e;
    seller = 'unavailable';
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('newTitle')} lead={t('newLead')} />
      <DealerSteps current="vehicle" />
      {seller === 'unavailable' ? (
        <Notice tone="error" title={te('registry_unavailable', { system: ta('systems.business') })} />
      ) : (
        <>
          <CheckLines lines={seller.lines} />
          {seller.ok ? <VinForm /> : <Notice tone="error" title={te(seller.code as never)} />}
        </>
      )}
    </div>
  );
}
