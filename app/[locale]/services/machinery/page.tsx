import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ServiceStart } from '@/components/services/service-start';
import type { Locale } from '@/i18n/routing';
import { serviceStartFacts } from '@/lib/services/start-facts';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ServiceStart.machinery' });
  return { title: t('title') };
}

const NEED = ['need1', 'need2', 'need3', 'need4'] as const;

/** Orders 001/004: the CON front office forms the e-application; the akimat decides within one working day (p.14). */
export default async function MachineryServicePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, facts] = await Promise.all([getTranslations('ServiceStart.machinery'), serviceStartFacts('machinery')]);
  return (
    <ServiceStart
      locale={locale}
      pilot="machinery"
      facts={facts}
      texts={{
        title: t('title'),
        lead: t('lead'),
        who: t('who'),
        need: NEED.map((k) => t(k)),
        costNote: t('costNote'),
        time: t('time', { hour: Number(facts.params.cutoffHour ?? 17) }),
        how: t('how'),
        start: t('start'),
        signInToStart: t('signInToStart'),
      }}
    />
  );
}
