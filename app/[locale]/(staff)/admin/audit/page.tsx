import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, PageHeader } from '@/components/ui';
import { VerifyChainButton } from '@/components/admin/verify-chain-button';
import { Link, getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { listAudit } from '@/lib/admin/queries';
import { requireArea } from '@/lib/auth/guards';
import { maskIin } from '@/lib/kz/iin';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin' });
  return { title: t('auditTitle') };
}

/** The audit log (SPEC §2.8), newest first, with the hash-chain check. */
export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ before?: string }>;
}) {
  setRequestLocale((await params).locale);
  await requireArea('admin');
  const before = Number((await searchParams).before) || undefined;
  const [t, tc, format, page, locale] = await Promise.all([
    getTranslations('Admin'),
    getTranslations('Common'),
    getFormatter(),
    listAudit(50, before),
    getLocale(),
  ]);
  const base = getPathname({ href: '/admin/audit', locale });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('auditTitle')}
        lead={t('auditLead')}
        eyebrow={
          <Link href="/admin" className="underline">
            {t('title')}
          </Link>
        }
      />
      <VerifyChainButton />
      <DataTable
        caption={t('auditTitle')}
        captionHidden
        columns={[
          { key: 'id', header: '#', rowHeader: true, cell: (r) => r.id },
          { key: 'at', header: t('when'), cell: (r) => format.dateTime(r.at, 'stamp') },
          { key: 'action', header: t('action'), cell: (r) => <span className="font-mono">{r.action}</span> },
          { key: 'actor', header: t('actor'), cell: (r) => [r.actorRole, r.actorScope].filter(Boolean).join(' · ') || '—' },
          {
            key: 'subject',
            header: t('subject'),
            cell: (r) => (r.subjectIin ? <span className="font-mono">{maskIin(r.subjectIin)}</span> : '—'),
          },
          {
            key: 'hash',
            header: t('hash'),
            cell: (r) => (r.hash ? <span className="font-mono text-xs">{r.hash.slice(0, 12)}…</span> : t('hashUnsealed')),
          },
        ]}
        rows={page.rows}
        rowKey={(r) => String(r.id)}
        emptyState={<EmptyState title={t('auditEmpty')} />}
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={page.next ? `${base}?before=${page.next}` : undefined}
        prevHref={before ? base : undefined}
      />
    </div>
  );
}
