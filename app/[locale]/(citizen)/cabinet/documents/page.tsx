import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, PageHeader } from '@/components/ui';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { digitalDocumentsFor } from '@/lib/applications/digital-documents';
import { requireArea } from '@/lib/auth/guards';

/** Results that the orders put into "Digital documents": registrations issued or recorded for this person. */
export default async function DocumentsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  const { actor } = await requireArea('cabinet');
  const [t, tp, format, docs] = await Promise.all([
    getTranslations('Cabinet'),
    getTranslations('Pilots'),
    getFormatter(),
    digitalDocumentsFor(actor.iin),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('documentsTitle')} lead={t('documentsLead')} />
      <DataTable
        caption={t('documentsTitle')}
        captionHidden
        columns={[
          {
            key: 'number',
            header: t('number'),
            rowHeader: true,
            cell: (r) =>
              r.pilot === 'vehicle' || r.pilot === 'id_card' ? (
                <Link href={`/cabinet/${r.pilot === 'vehicle' ? 'vehicle' : 'id-card'}/${r.id}`} className="font-mono font-semibold">
                  {r.number}
                </Link>
              ) : (
                <span className="font-mono">{r.number}</span>
              ),
          },
          { key: 'service', header: t('service'), cell: (r) => tp(r.pilot) },
          { key: 'date', header: t('issuedOn'), cell: (r) => format.dateTime(r.decidedAt ?? r.updatedAt, 'long') },
        ]}
        rows={docs}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('noDocuments')} description={t('noDocumentsText')} />}
      />
    </div>
  );
}
