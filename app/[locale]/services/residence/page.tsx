import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, PageHeader, StatusBadge } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { toLocalDate } from '@/lib/calendar/deadline';
import { formatDate } from '@/lib/format';
import { allPilotSettings, pilotOpen } from '@/lib/reference/queries';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceStart' });
  return { title: t('serviceTitle') };
}

const STEPS = ['step1', 'step2', 'step3', 'step4', 'step5', 'step6'] as const;
const ASTANA = ['astana1', 'astana2', 'astana3'] as const;

/**
 * The public page of the two services (order 003, SPEC §6): who may use them, the steps, how long it takes,
 * Astana's rules (chapter 3) and the CON path for a dwelling of a minor or incapable owner (chapter 2).
 */
export default async function ResidenceServicePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, settings] = await Promise.all([getTranslations('ResidenceStart'), allPilotSettings()]);
  const setting = settings.get('residence');
  const open = pilotOpen(setting, toLocalDate(new Date()));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('serviceTitle')}
        lead={t('serviceLead')}
        actions={
          open ? (
            <ButtonLink href={getPathname({ href: '/cabinet/residence/new', locale })} size="lg">
              {t('startOnline')}
            </ButtonLink>
          ) : null
        }
      />
      <p>
        <StatusBadge tone={open ? 'success' : 'neutral'}>
          {open && setting ? t('openUntil', { until: formatDate(setting.endsOn, locale) }) : t('closed')}
        </StatusBadge>
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('permanent')}>
          <p>{t('permanentText')}</p>
        </Card>
        <Card title={t('temporary')}>
          <p>{t('temporaryText')}</p>
        </Card>
      </div>
      <Card title={t('whoTitle')}>
        <p>{t('whoText')}</p>
      </Card>
      <Card title={t('stepsTitle')}>
        <ol className="list-decimal space-y-2 pl-6">
          {STEPS.map((s) => (
            <li key={s}>{t(s)}</li>
          ))}
        </ol>
      </Card>
      <Card title={t('timeTitle')}>
        <p>
          {t('timeText', {
            hours: Number(setting?.params.consentTtlHours ?? 72),
            days: Number(setting?.params.draftTtlDays ?? 30),
          })}
        </p>
      </Card>
      <Card title={t('astanaTitle')}>
        <p className="mb-3">{t('astanaLead')}</p>
        <ul className="list-disc space-y-2 pl-6">
          {ASTANA.map((s) => (
            <li key={s}>{t(s, { m2: Number(setting?.params.astanaNormM2 ?? 15) })}</li>
          ))}
        </ul>
      </Card>
      <Card title={t('conTitle')}>
        <p>{t('conText')}</p>
      </Card>
    </div>
  );
}
