import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ServiceStart } from '@/components/services/service-start';
import { Card } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { serviceStartFacts } from '@/lib/services/start-facts';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceStart' });
  return { title: t('serviceTitle') };
}

const STEPS = ['step1', 'step2', 'step3', 'step4', 'step5', 'step6'] as const;
const ASTANA = ['astana1', 'astana2', 'astana3'] as const;
const NEED = ['need1', 'need2', 'need3', 'need4'] as const;

/**
 * The public page of the two services (order 003, SPEC §6): who may use them, the steps, how long it takes,
 * Astana's rules (chapter 3) and the CON path for a dwelling of a minor or incapable owner (chapter 2).
 */
export default async function ResidenceServicePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, ts, facts] = await Promise.all([
    getTranslations('ResidenceStart'),
    getTranslations('ServiceStart.residence'),
    serviceStartFacts('residence'),
  ]);
  const p = facts.params;
  return (
    <ServiceStart
      locale={locale}
      pilot="residence"
      facts={facts}
      texts={{
        eyebrow: t('eyebrow'),
        title: t('serviceTitle'),
        lead: t('serviceLead'),
        who: t('whoText'),
        need: NEED.map((k) => ts(k)),
        time: t('timeText', { hours: Number(p.consentTtlHours ?? 72), days: Number(p.draftTtlDays ?? 30) }),
        how: ts('how'),
        start: t('startOnline'),
        signInToStart: ts('signInToStart'),
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('permanent')}>
          <p>{t('permanentText')}</p>
        </Card>
        <Card title={t('temporary')}>
          <p>{t('temporaryText')}</p>
        </Card>
      </div>
      <Card title={t('stepsTitle')}>
        <ol className="list-decimal space-y-2 pl-6">
          {STEPS.map((s) => (
            <li key={s}>{t(s)}</li>
          ))}
        </ol>
      </Card>
      <Card title={t('astanaTitle')}>
        <p className="mb-3">{t('astanaLead')}</p>
        <ul className="list-disc space-y-2 pl-6">
          {ASTANA.map((s) => (
            <li key={s}>{t(s, { m2: Number(p.astanaNormM2 ?? 15) })}</li>
          ))}
        </ul>
      </Card>
      <Card title={t('conTitle')}>
        <p>{t('conText')}</p>
      </Card>
    </ServiceStart>
  );
}
