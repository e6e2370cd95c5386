import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, Notice, PageHeader } from '@/components/ui';
import { StartForm } from '@/components/residence/start-form';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { addDays, toLocalDate } from '@/lib/calendar/deadline';
import { allPilotSettings, pilotOpen } from '@/lib/reference/queries';
import { STAY_START_AHEAD_DAYS } from '@/lib/residence/citizen-service-rules';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceStart' });
  return { title: t('startTitle') };
}

/** Start: pick the service (and a temporary registration's period); a second start opens the open one. */
export default async function ResidenceStartPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea('cabinet');
  const [t, settings] = await Promise.all([getTranslations('ResidenceStart'), allPilotSettings()]);
  const today = toLocalDate(new Date());
  const open = pilotOpen(settings.get('residence'), today);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('startTitle')}
        lead={t('startLead')}
        actions={
          <ButtonLink href={getPathname({ href: '/services/residence', locale })} variant="secondary">
            {t('aboutService')}
          </ButtonLink>
        }
      />
      {open ? (
        <Card>
          <StartForm today={today} latestStart={addDays(today, STAY_START_AHEAD_DAYS)} />
        </Card>
      ) : (
        <Notice tone="warning" title={t('closed')}>
          {t('closedText')}
        </Notice>
      )}
    </div>
  );
}
