import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ServiceStart } from '@/components/services/service-start';
import { ButtonLink } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { signInHref } from '@/lib/auth/next-path';
import { getActor } from '@/lib/auth/session';
import { serviceStartFacts } from '@/lib/services/start-facts';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ServiceStart.vehicle' });
  return { title: t('title') };
}

const NEED = ['need1', 'need2', 'need3', 'need4', 'need5'] as const;
const DEALER_START = '/dealer/vehicle-registrations/new';

/** Order 000: the dealer starts it, the buyer (an individual) finishes it online and collects at a CON. */
export default async function VehicleServicePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, facts, actor] = await Promise.all([getTranslations('ServiceStart.vehicle'), serviceStartFacts('vehicle'), getActor()]);
  return (
    <ServiceStart
      locale={locale}
      pilot="vehicle"
      facts={facts}
      texts={{
        title: t('title'),
        lead: t('lead'),
        who: t('who'),
        need: NEED.map((k) => t(k)),
        costNote: t('costNote'),
        time: t('time', { days: Number(facts.params.buyerExpiryDays ?? 10) }),
        how: t('how'),
        start: t('start'),
        signInToStart: t('signInToStart'),
        secondary: facts.open ? (
          <ButtonLink variant="secondary" href={getPathname({ href: actor ? DEALER_START : signInHref(DEALER_START), locale })}>
            {t('dealer')}
          </ButtonLink>
        ) : null,
      }}
    />
  );
}
