import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsentBadge } from '@/components/residence/consent-badge';
import { DataTable, EmptyState, PageHeader, type Column } from '@/components/ui';
import { getPathname, Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { decodeCursor, encodeCursor } from '@/lib/applications/cursor';
import { requireArea } from '@/lib/auth/guards';
import { formatDateTime } from '@/lib/format';
import { ownerConsentList } from '@/lib/residence/consent-queries';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ after?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceConsent' });
  return { title: t('listTitle') };
}

/** The owner's consent requests (SPEC §6): the open ones first, then the answered and closed, a page at a time. */
export default async function ConsentsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const cursor = decodeCursor((await searchParams).after);
  const [t, tc, list] = await Promise.all([
    getTranslations('ResidenceConsent'),
    getTranslations('Common'),
    ownerConsentList(actor.iin, locale, 20, cursor),
  ]);
  type Row = (typeof list.open)[number];
  const base = getPathname({ href: '/cabinet/consents', locale });
  const columns = (open: boolean): Column<Row>[] => [
    {
      key: 'number',
      header: t('number'),
      rowHeader: true,
      cell: (r) => (
        <Link href={`/cabinet/consents/${r.id}`} className="font-mono font-semibold whitespace-nowrap" data-testid="consent-row">
          {r.number}
        </Link>
      ),
    },
    { key: 'applicant', header: t('applicant'), cell: (r) => r.applicant },
    { key: 'dwelling', header: t('dwelling'), cell: (r) => `${r.address} (${r.share})` },
    { key: 'service', header: t('service'), cell: (r) => t(`kind.${r.kind}`) },
    { key: 'status', header: t('statusColumn'), cell: (r) => <ConsentBadge status={r.status} /> },
    open
      ? { key: 'expires', header: t('expires'), cell: (r) => formatDateTime(r.expiresAt, locale) }
      : { key: 'answered', header: t('answered'), cell: (r) => (r.answeredAt ? formatDateTime(r.answeredAt, locale) : '—') },
  ];
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t('listTitle')} lead={t('listLead')} />
      {cursor ? null : (
        <DataTable
          caption={t('openCaption')}
          columns={columns(true)}
          rows={list.open}
          rowKey={(r) => r.id}
          emptyState={<EmptyState title={t('noOpen')} description={t('noOpenText')} />}
        />
      )}
      <DataTable
        caption={t('answeredCaption')}
        columns={columns(false)}
        rows={list.answered}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('noAnswered')} description={t('noAnsweredText')} />}
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={list.next ? `${base}?after=${encodeCursor(list.next)}` : undefined}
        prevHref={cursor ? base : undefined}
      />
    </div>
  );
}
