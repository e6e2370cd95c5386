import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CallNextResidenceForm } from '@/components/residence/con-forms';
import { Card, DataTable, EmptyState, PageHeader, StatusBadge } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { formatDateTime } from '@/lib/format';
import { hallOverviewOf } from '@/lib/residence/con-queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ResidenceCon.hall' });
  return { title: t('title') };
}

/** The operating hall for residence registration (order 003, p.6–8): the e-queue and this CON's applications. */
export default async function ResidenceHallPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { grant } = await requireArea('front-office');
  const [t, tc, ts, [waiting, apps]] = await Promise.all([
    getTranslations('ResidenceCon.hall'),
    getTranslations('ResidenceCon'),
    getTranslations('Status'),
    hallOverviewOf(grant.serviceCentreId!),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader eyebrow={tc('eyebrow')} title={t('title')} lead={t('lead')} />
      <p>
        <Link href={`/${locale}/front-office`} className="underline">
          {t('backToFrontOffice')}
        </Link>
      </p>
      <Card title={t('queueTitle')}>
        <p className="mb-4" data-testid="residence-waiting">
          {t('waiting', { count: waiting.length })}
          {waiting[0] ? ` ${t('nextTicket', { code: waiting[0].code })}` : ''}
        </p>
        <CallNextResidenceForm />
      </Card>
      <Card title={t('appsTitle')}>
        <DataTable
          caption={t('appsTitle')}
          captionHidden
          rowKey={(r) => r.id}
          rows={apps}
          columns={[
            {
              key: 'number',
              header: tc('number'),
              rowHeader: true,
              cell: (r) => (
                <Link href={`/${locale}/front-office/residence/${r.id}`} className="font-mono underline">
                  {r.number}
                </Link>
              ),
            },
            { key: 'kind', header: tc('service'), cell: (r) => tc(`kind.${r.kind}`) },
            {
              key: 'status',
              header: tc('status'),
              cell: (r) => <StatusBadge tone={statusTone(r.status)}>{ts(r.status as never)}</StatusBadge>,
            },
            { key: 'certificate', header: tc('certificate'), cell: (r) => <span className="font-mono">{r.certificateNumber ?? '—'}</span> },
            { key: 'created', header: tc('created'), cell: (r) => formatDateTime(r.createdAt, locale) },
          ]}
          emptyState={<EmptyState titleAs="p" title={t('appsEmpty')} />}
        />
      </Card>
    </div>
  );
}
