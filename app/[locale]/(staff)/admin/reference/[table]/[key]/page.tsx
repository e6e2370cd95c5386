import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageHeader } from '@/components/ui';
import { ReferenceRowForm } from '@/components/admin/reference-row-form';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { toFormValue } from '@/lib/admin/reference-form';
import { getReferenceRow } from '@/lib/admin/reference-service';
import { isReferenceTable, referenceTables, type ColumnSpec } from '@/lib/admin/reference-tables';
import { requireArea } from '@/lib/auth/guards';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin' });
  return { title: t('referenceTitle') };
}

export default async function ReferenceRowPage({ params }: { params: Promise<{ locale: Locale; table: string; key: string }> }) {
  const { locale, table, key: rawKey } = await params;
  setRequestLocale(locale);
  await requireArea('admin');
  if (!isReferenceTable(table)) notFound();
  const key = decodeURIComponent(rawKey).slice(0, 100);
  const spec = referenceTables[table] as { columns: readonly ColumnSpec[] };
  const row = key === 'new' ? {} : await getReferenceRow(table, key);
  if (!row) notFound();
  const t = await getTranslations('Admin');
  const initial = Object.fromEntries(spec.columns.map((c) => [c.name, toFormValue(c, (row as Record<string, unknown>)[c.name])]));
  if (key === 'new') for (const c of spec.columns) if (c.kind === 'bool') initial[c.name] = 'true';
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={key === 'new' ? t('newRow', { table: t(`tables.${table}`) }) : t('editRow', { table: t(`tables.${table}`), key })}
        eyebrow={
          <Link href={`/admin/reference/${table}`} className="underline">
            {t(`tables.${table}`)}
          </Link>
        }
      />
      <ReferenceRowForm table={table} rowKey={key} columns={spec.columns} initial={initial} />
    </div>
  );
}
