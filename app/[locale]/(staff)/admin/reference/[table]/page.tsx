import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, PageHeader, buttonClasses } from '@/components/ui';
import { Link, getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { toFormValue } from '@/lib/admin/reference-form';
import { listReferenceRows } from '@/lib/admin/reference-service';
import { isReferenceTable, referenceTables, type ColumnSpec } from '@/lib/admin/reference-tables';
import { requireArea } from '@/lib/auth/guards';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin' });
  return { title: t('referenceTitle') };
}

export default async function ReferenceTablePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; table: string }>;
  searchParams: Promise<{ after?: string }>;
}) {
  const { locale, table } = await params;
  setRequestLocale(locale);
  await requireArea('admin');
  if (!isReferenceTable(table)) notFound();
  const { after } = await searchParams;
  const [t, tc, page] = await Promise.all([
    getTranslations('Admin'),
    getTranslations('Common'),
    listReferenceRows(table, after?.slice(0, 100)),
  ]);
  const spec = referenceTables[table] as { columns: readonly ColumnSpec[] };
  const keyName = spec.columns.find((c) => c.key)!.name;
  const base = getPathname({ href: `/admin/reference/${table}`, locale: await getLocale() });
  const label = (n: string) => (t.has(`columns.${n}` as never) ? t(`columns.${n}` as never) : n);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t(`tables.${table}`)}
        eyebrow={
          <Link href="/admin" className="underline">
            {t('title')}
          </Link>
        }
        actions={
          <Link href={`/admin/reference/${table}/new`} className={buttonClasses('primary', 'md')}>
            {tc('add')}
          </Link>
        }
      />
      <DataTable
        caption={t(`tables.${table}`)}
        captionHidden
        columns={[
          ...spec.columns.map((c) => ({
            key: c.name,
            header: label(c.name),
            cell: (r: Record<string, unknown>) => <span className="break-words">{toFormValue(c, r[c.name]) || '—'}</span>,
          })),
          {
            key: '_edit',
            header: tc('edit'),
            cell: (r: Record<string, unknown>) => (
              <Link href={`/admin/reference/${table}/${encodeURIComponent(String(r[keyName]))}`} className="text-brand-700 underline">
                {tc('edit')}
                <span className="sr-only"> {String(r[keyName])}</span>
              </Link>
            ),
          },
        ]}
        rows={page.rows}
        rowKey={(r) => String(r[keyName])}
        emptyState={<EmptyState title={t('emptyTable')} />}
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={page.next ? `${base}?after=${encodeURIComponent(page.next)}` : undefined}
        prevHref={after ? base : undefined}
      />
    </div>
  );
}
