import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, PageHeader, StatusBadge } from '@/components/ui';
import { Link, getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { listSms } from '@/lib/admin/queries';
import { requireArea } from '@/lib/auth/guards';
import { maskPhone } from '@/lib/kz/phone';

const tone = { queued: 'neutral', sent: 'progress', delivered: 'success', failed: 'danger' } as const;

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin' });
  return { title: t('smsTitle') };
}

/** The SMS outbox (SPEC §2.5, demo mode): what was sent, to a masked number, and the gateway's status. */
export default async function SmsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ before?: string }>;
}) {
  setRequestLocale((await params).locale);
  await requireArea('admin');
  const { before } = await searchParams;
  const valid = before && !Number.isNaN(Date.parse(before)) ? before : undefined;
  const [t, tc, format, page, locale] = await Promise.all([
    getTranslations('Admin'),
    getTranslations('Common'),
    getFormatter(),
    listSms(50, valid),
    getLocale(),
  ]);
  const base = getPathname({ href: '/admin/sms', locale });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('smsTitle')}
        lead={t('smsLead')}
        eyebrow={
          <Link href="/admin" className="underline">
            {t('title')}
          </Link>
        }
      />
      <DataTable
        caption={t('smsTitle')}
        captionHidden
        columns={[
          { key: 'at', header: t('when'), rowHeader: true, cell: (r) => format.dateTime(r.createdAt, 'stamp') },
          { key: 'phone', header: t('phone'), cell: (r) => <span className="font-mono">{maskPhone(r.phone)}</span> },
          { key: 'locale', header: tc('language'), cell: (r) => r.locale },
          { key: 'text', header: t('text'), cell: (r) => r.text },
          {
            key: 'status',
            header: t('status'),
            cell: (r) => <StatusBadge tone={tone[r.status]}>{t(`smsStatus.${r.status}`)}</StatusBadge>,
          },
        ]}
        rows={page.rows}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('smsEmpty')} />}
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={page.next ? `${base}?before=${encodeURIComponent(page.next)}` : undefined}
        prevHref={valid ? base : undefined}
      />
    </div>
  );
}
