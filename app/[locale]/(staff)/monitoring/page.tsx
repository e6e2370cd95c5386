import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, PageHeader } from '@/components/ui';
import { ScopeLabel } from '@/components/site/scope-label';
import type { Locale } from '@/i18n/routing';
import { countsByPilotRegion } from '@/lib/applications/queries';
import { requireArea } from '@/lib/auth/guards';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Areas' });
  return { title: t('monitoring.title') };
}

/** The ministry supervisor's read-only view across all regions (SPEC §1). */
export default async function MonitoringPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  const { grant } = await requireArea('monitoring');
  const [t, tp, ts, format, rows] = await Promise.all([
    getTranslations('Areas'),
    getTranslations('Pilots'),
    getTranslations('Status'),
    getFormatter(),
    countsByPilotRegion(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={t('monitoring.title')}
        lead={t('monitoring.lead')}
      />
      <DataTable
        caption={t('monitoring.queue')}
        columns={[
          { key: 'pilot', header: t('service'), rowHeader: true, cell: (r) => tp(r.pilot) },
          { key: 'region', header: t('region'), cell: (r) => r.regionCode ?? '—' },
          { key: 'status', header: t('status'), cell: (r) => ts(r.status as never) },
          { key: 'n', header: t('count'), cell: (r) => format.number(r.n) },
        ]}
        rows={rows}
        rowKey={(r) => `${r.pilot}-${r.regionCode}-${r.status}`}
        emptyState={<EmptyState title={t('emptyTitle')} description={t('monitoring.empty')} />}
      />
    </div>
  );
}
