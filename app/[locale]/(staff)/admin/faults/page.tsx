import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { FaultForm } from '@/components/admin/fault-form';
import { ProbeButton } from '@/components/admin/probe-button';
import { ClearFaultsButton } from '@/components/admin/clear-faults-button';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { currentFaults, recentCallStats } from '@/lib/admin/queries';
import { requireArea } from '@/lib/auth/guards';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin' });
  return { title: t('faultsTitle') };
}

/** Registry faults (SPEC §2.1): latency, error rate and outages per external system, with the last 10 minutes of calls. */
export default async function FaultsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  await requireArea('admin');
  const [t, format, faults, stats] = await Promise.all([getTranslations('Admin'), getFormatter(), currentFaults(), recentCallStats(10)]);
  const callsOf = (system: string) => stats.filter((s) => s.system === system);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('faultsTitle')}
        lead={t('faultsLead')}
        eyebrow={
          <Link href="/admin" className="underline">
            {t('title')}
          </Link>
        }
        actions={<ClearFaultsButton />}
      />
      <Notice tone="info">{t('faultsHint')}</Notice>
      <ul className="flex flex-col gap-4">
        {faults.map((f) => {
          const calls = callsOf(f.system);
          const failed = calls.filter((c) => c.outcome === 'error' || c.outcome === 'outage').reduce((s, c) => s + c.n, 0);
          const total = calls.reduce((s, c) => s + c.n, 0);
          return (
            <li key={f.system}>
              <Card
                title={
                  <span className="flex flex-wrap items-center gap-3">
                    {t(`systems.${f.system}` as never)}
                    {f.outageSince ? (
                      <StatusBadge tone="danger">{t('outageSince', { since: format.dateTime(f.outageSince, 'stamp') })}</StatusBadge>
                    ) : null}
                    {f.latencyMs || f.errorRate ? <StatusBadge tone="warning">{t('degraded')}</StatusBadge> : null}
                    {!f.outageSince && !f.latencyMs && !f.errorRate ? <StatusBadge tone="success">{t('healthy')}</StatusBadge> : null}
                  </span>
                }
              >
                <p className="mb-3 text-sm text-ink-muted">{t('recentCalls', { total, failed })}</p>
                <FaultForm
                  system={f.system}
                  latencyMs={f.latencyMs}
                  errorRatePercent={Math.round(f.errorRate * 100)}
                  outage={!!f.outageSince}
                />
                <ProbeButton system={f.system} label={t(`systems.${f.system}` as never)} />
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
