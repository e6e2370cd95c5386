import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { VerifyQr } from '@/components/eds/verify-qr';
import { Card, DataTable, DescriptionList, EmptyState, PageHeader } from '@/components/ui';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { digitalDocumentsFor, machineryDocumentsFor } from '@/lib/applications/digital-documents';
import { requireArea } from '@/lib/auth/guards';
import { publicOrigin } from '@/lib/http/origin';
import { formatDate } from '@/lib/format';
import { residenceDocumentsFor } from '@/lib/residence/citizen-queries';
import { ButtonLink } from '@/components/ui';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Cabinet' });
  return { title: t('documentsTitle') };
}

/** Results that the orders put into "Digital documents": registrations issued or recorded for this person. */
export default async function DocumentsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const [t, tp, tr, tm, format, docs, origin] = await Promise.all([
    getTranslations('Cabinet'),
    getTranslations('Pilots'),
    getTranslations('MachineryReview'),
    getTranslations('Machinery'),
    getFormatter(),
    digitalDocumentsFor(actor.iin),
    publicOrigin(),
  ]);
  // Orders 001/004 p.15: the machinery register's document, with the akimat's signature to verify by QR.
  const machinery = await machineryDocumentsFor(
    actor.iin,
    docs.filter((d) => d.pilot === 'machinery').map((d) => d.id),
  );
  // Order 003 (SPEC §6): the address certificate of each registration, in force or ended, with its QR.
  const [residence, tra, tres] = await Promise.all([
    residenceDocumentsFor(
      actor.iin,
      docs.filter((d) => d.pilot === 'residence').map((d) => d.id),
    ),
    getTranslations('ResidenceApplication'),
    getTranslations('Residence'),
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
              r.pilot === 'vehicle' || r.pilot === 'id_card' || r.pilot === 'residence' ? (
                <Link
                  href={`/cabinet/${r.pilot === 'vehicle' ? 'vehicle' : r.pilot === 'residence' ? 'residence' : 'id-card'}/${r.id}`}
                  className="font-mono font-semibold"
                >
                  {r.number}
                </Link>
              ) : (
                <span className="font-mono">{r.number}</span>
              ),
          },
          { key: 'service', header: t('service'), cell: (r) => tp(r.pilot) },
          { key: 'date', header: t('issuedOn'), cell: (r) => format.dateTime(r.decidedAt ?? r.updatedAt, 'short') },
        ]}
        rows={docs}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('noDocuments')} description={t('noDocumentsText')} />}
      />
      {residence.map((d) => (
        <Card key={d.id} title={tra('documentTitle', { kind: tres(`kind.${d.kind}`) })}>
          <div className="flex flex-wrap items-start gap-6" data-testid="residence-document">
            <DescriptionList
              className="flex-1"
              items={[
                { term: tra('certificateNumber'), value: <span className="font-mono">{d.certificateNumber}</span> },
                { term: tra('dwelling'), value: locale === 'kk' ? d.addressKk : d.addressRu },
                { term: tra('registeredAt'), value: format.dateTime(d.registeredAt, 'short') },
                ...(d.kind === 'temporary' && d.stayFrom && d.stayUntil
                  ? [{ term: tra('period'), value: `${formatDate(d.stayFrom, locale)} – ${formatDate(d.stayUntil, locale)}` }]
                  : []),
                { term: tra('state'), value: tres(`certificateState.${d.state}`) },
              ]}
            />
            {d.verifyCode ? (
              <VerifyQr
                url={`${origin}/${locale}/verify?number=${d.number}&code=${d.verifyCode}`}
                label={tra('qr', { number: d.number })}
              />
            ) : null}
          </div>
          <p className="mt-4">
            <ButtonLink href={`/api/residence/${d.id}/certificate`} variant="secondary">
              {tra('downloadPdf')}
            </ButtonLink>
          </p>
        </Card>
      ))}
      {machinery.map((d) => (
        <Card key={d.id} title={`${tr('documents.certificate')} · ${tm(`action.${d.action}`)}`}>
          <div className="flex flex-wrap items-start gap-6" data-testid="machinery-document">
            <DescriptionList
              className="flex-1"
              items={[
                { term: t('number'), value: <span className="font-mono">{d.number}</span> },
                { term: tr('documents.machine'), value: [d.make, d.model, d.year].filter(Boolean).join(' ') || '—' },
                { term: tr('documents.serial'), value: <span className="font-mono">{d.serialNumber ?? '—'}</span> },
                ...(d.machineStatus === 'deregistered'
                  ? [{ term: tr('documents.certificate'), value: tr('documents.deregistered') }]
                  : [
                      { term: tr('documents.plate'), value: <span className="font-mono">{d.plate ?? '—'}</span> },
                      {
                        term: tr('documents.technicalPassport'),
                        value: (
                          <span className="font-mono">
                            {d.technicalPassport
                              ? `${d.technicalPassport.number} · ${d.technicalPassport.issuedOn}`
                              : (d.documentNumber ?? '—')}
                          </span>
                        ),
                      },
                    ]),
              ]}
            />
            {d.verifyCode ? (
              <VerifyQr url={`${origin}/${locale}/verify?number=${d.number}&code=${d.verifyCode}`} label={tr('documents.verify')} />
            ) : null}
          </div>
        </Card>
      ))}
    </div>
  );
}
