import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ServiceStart } from '@/components/services/service-start';
import type { Locale } from '@/i18n/routing';
import { serviceStartFacts } from '@/lib/services/start-facts';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ServiceStart.idCard' });
  return { title: t('title') };
}

const NEED = ['need1', 'need2', 'need3', 'need4', 'need5'] as const;

/** Order 002: renewal online only because the card expires, within the window of p.7; issue in person only. */
export default async function IdCardStartPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, facts] = await Promise.all([getTranslations('ServiceStart.idCard'), serviceStartFacts('id_card')]);
  return (
    <ServiceStart
      locale={locale}
      pilot="id_card"
      facts={facts}
      texts={{
        title: t('title'),
        lead: t('lead'),
        who: t('who', {
          before: Number(facts.params.windowBeforeDays ?? 30),
          after: Number(facts.params.windowAfterDays ?? 10),
        }),
        need: NEED.map((k) => t(k)),
        costNote: t('costNote'),
        time: t('time'),
        how: t('how'),
        start: t('start'),
        signInToStart: t('signInToStart'),
      }}
    />
  );
}
