import { getTranslations } from 'next-intl/server';
import { DataTable, EmptyState, StatusBadge } from '@/components/ui';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { formatDateTime } from '@/lib/format';

type ActRow = {
  id: string;
  number: string;
  status: 'draft' | 'signed_by_akimat' | 'signed_by_con' | 'completed';
  createdAt: Date;
  akimatKk: string;
  akimatRu: string;
  centreKk: string;
  centreRu: string;
  count: number;
};

/** The acts of one party, each linking to its page (`hrefOf`). */
export async function ActsTable({
  rows,
  locale,
  caption,
  empty,
  hrefOf,
}: {
  rows: readonly ActRow[];
  locale: Locale;
  caption: string;
  empty: string;
  hrefOf: (id: string) => string;
}) {
  const t = await getTranslations('MachineryArchive');
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      emptyState={<EmptyState title={empty} />}
      columns={[
        {
          key: 'number',
          header: t('actNumber'),
          rowHeader: true,
          cell: (r) => {
            const href = hrefOf(r.id);
            const label = t('open', { number: r.number });
            // The PDF route is not a localised page: a plain link, not the locale-prefixing one.
            return href.startsWith('/api/') ? (
              <a href={href} className="font-mono whitespace-nowrap" aria-label={label}>
                {r.number}
              </a>
            ) : (
              <Link href={href} className="font-mono whitespace-nowrap" aria-label={label}>
                {r.number}
              </Link>
            );
          },
        },
        { key: 'akimat', header: t('akimat'), cell: (r) => (locale === 'kk' ? r.akimatKk : r.akimatRu) },
        { key: 'con', header: t('con'), cell: (r) => (locale === 'kk' ? r.centreKk : r.centreRu) },
        { key: 'count', header: t('count'), cell: (r) => r.count },
        { key: 'created', header: t('created'), cell: (r) => formatDateTime(r.createdAt, locale) },
        {
          key: 'status',
          header: t('statusColumn'),
          cell: (r) => <StatusBadge tone={r.status === 'completed' ? 'success' : 'warning'}>{t(`status.${r.status}`)}</StatusBadge>,
        },
      ]}
    />
  );
}
