import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, DataTable, EmptyState, PageHeader } from '@/components/ui';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { jobStats, outboxStats } from '@/lib/admin/queries';
import { requireArea } from '@/lib/auth/guards';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin' });
  return { title: t('jobsTitle') };
}

/** The job queue (pg-boss) and the outbox it drains. */
export default async function JobsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  await requireArea('admin');
  const [t, format, jobs, ob] = await Promise.all([getTranslations('Admin'), getFormatter(), jobStats(), outboxStats()]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('jobsTitle')}
        lead={t('jobsLead')}
        eyebrow={
          <Link href="/admin" className="underline">
            {t('title')}
          </Link>
        }
      />
      <Card title={t('outboxTitle')}>
        <p data-testid="outbox-pending">{t('outboxPending', { count: ob.pending })}</p>
      </Card>
      <DataTable
        caption={t('outboxOldest')}
        columns={[
          { key: 'id', header: '#', rowHeader: true, cell: (r) => r.id },
          { key: 'topic', header: t('topic'), cell: (r) => r.topic },
          { key: 'attempts', header: t('attempts'), cell: (r) => r.attempts },
          { key: 'error', header: t('lastError'), cell: (r) => r.lastError ?? '—' },
          { key: 'at', header: t('when'), cell: (r) => format.dateTime(r.createdAt, 'stamp') },
        ]}
        rows={ob.oldest}
        rowKey={(r) => String(r.id)}
        emptyState={<EmptyState title={t('outboxEmpty')} />}
      />
      <DataTable
        caption={t('queuesTitle')}
        columns={[
          { key: 'name', header: t('queue'), rowHeader: true, cell: (r) => r.name },
          { key: 'state', header: t('state'), cell: (r) => r.state },
          { key: 'n', header: t('count'), cell: (r) => format.number(r.n) },
        ]}
        rows={[...jobs]}
        rowKey={(r) => `${r.name}-${r.state}`}
        emptyState={<EmptyState title={t('queuesEmpty')} />}
      />
    </div>
  );
}
