import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, PageHeader, StatusBadge } from '@/components/ui';
import { SealedSearchForm } from '@/components/search/sealed-search-form';
import { RevokeForm } from '@/components/admin/revoke-form';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { searchQueryOf } from '@/lib/http/search-query';
import { maskIin } from '@/lib/kz/iin';
import { listCertificates, revocationReasons } from '@/lib/signatures/revocation';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin' });
  return { title: t('certificatesTitle') };
}

/** Certificates and the CRL: an admin revokes a certificate with a reason; the CRL is published at /api/pki/crl. */
export default async function CertificatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ s?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea('admin');
  // The IIN comes back as a sealed token (`?s=`), never in the address (components/search).
  const q = searchQueryOf((await searchParams).s).slice(0, 64);
  const [t, tc, format, rows] = await Promise.all([
    getTranslations('Admin'),
    getTranslations('Common'),
    getFormatter(),
    listCertificates(q),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('certificatesTitle')}
        lead={t('certificatesLead')}
        eyebrow={
          <Link href="/admin" className="underline">
            {t('title')}
          </Link>
        }
      />
      {/* A file download from an API route, not a page: a plain link is right here. */}
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/api/pki/crl" className="font-medium">
          {t('crlLink')}
        </a>
      </p>
      <SealedSearchForm
        search="certificates"
        locale={locale}
        label={t('certificateSearch')}
        hint={t('certificateSearchHint')}
        submit={tc('search')}
        defaultValue={q}
        ariaLabel={t('certificatesTitle')}
        width="md"
      />
      <DataTable
        caption={t('certificatesTitle')}
        captionHidden
        columns={[
          {
            key: 'serial',
            header: t('serial'),
            rowHeader: true,
            cell: (r) => <span className="font-mono text-xs">{r.serial.slice(0, 16)}…</span>,
          },
          {
            key: 'owner',
            header: t('owner'),
            cell: (r) => (
              <span className="font-mono">
                {maskIin(r.iin)}
                {r.bin ? ` · ${r.bin}` : ''}
              </span>
            ),
          },
          { key: 'purpose', header: t('purpose'), cell: (r) => t(`certPurpose.${r.purpose}` as never) },
          { key: 'validity', header: t('validUntil'), cell: (r) => format.dateTime(r.notAfter, 'short') },
          {
            key: 'state',
            header: t('status'),
            cell: (r) =>
              r.revokedAt ? (
                <StatusBadge tone="danger">{t('revokedOn', { date: format.dateTime(r.revokedAt, 'short') })}</StatusBadge>
              ) : (
                <StatusBadge tone="success">{t('active')}</StatusBadge>
              ),
          },
          {
            key: 'revoke',
            header: t('revoke'),
            cell: (r) => <RevokeForm serial={r.serial} reasons={revocationReasons} revoked={!!r.revokedAt} />,
          },
        ]}
        rows={rows}
        rowKey={(r) => r.serial}
        emptyState={<EmptyState title={t('noCertificates')} />}
      />
    </div>
  );
}
