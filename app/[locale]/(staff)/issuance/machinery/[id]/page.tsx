import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MachineryIssueForm } from '@/components/machinery/issuance/issue-form';
import { Card, DescriptionList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';
import { machineryDeskApplication, recordMachineryDeskView } from '@/lib/machinery/archive-queries';
import { handsOver } from '@/lib/machinery/issuance-rules';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'MachineryIssuance' });
  return { title: t('pageTitle') };
}

/** p.11 at the CON's issuance desk: the approved application, then identity and the hand-over. */
export default async function MachineryIssuancePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ issued?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('issuance');
  const app = await machineryDeskApplication(actor, grant, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  await recordMachineryDeskView(actor, grant, app);
  const [t, tm, ts, sp] = await Promise.all([
    getTranslations('MachineryIssuance'),
    getTranslations('Machinery'),
    getTranslations('Status'),
    searchParams,
  ]);
  const m = app.machinery;
  const gives = handsOver(m.action);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span>
            <Link href="/issuance">{t('back')}</Link> · <span className="font-mono">{app.number}</span>
          </span>
        }
        title={t('pageTitle')}
        actions={<StatusBadge tone={statusTone(app.status)}>{ts(app.status as never)}</StatusBadge>}
      />
      {sp.issued ? <Notice tone="success" title={t('issued')} /> : null}
      <Card title={t('detailsTitle')}>
        <DescriptionList
          items={[
            { term: t('action'), value: tm(`action.${m.action}`) },
            {
              term: t('machine'),
              value: [m.machineKind ? t(`kind.${m.machineKind}`) : null, [m.make, m.model].filter(Boolean).join(' '), m.serialNumber]
                .filter(Boolean)
                .join(', '),
            },
            { term: t('plate'), value: m.plate ?? '—' },
            { term: t('ownerIin'), value: <span className="font-mono">{m.ownerIin ?? m.ownerBin ?? '—'}</span> },
            { term: t('representative'), value: <span className="font-mono">{m.representativeIin ?? t('none')}</span> },
            ...(m.powerOfAttorneyNumber && m.powerOfAttorneyValidUntil
              ? [
                  {
                    term: t('poa'),
                    value: t('poaUntil', { number: m.powerOfAttorneyNumber, date: formatDate(m.powerOfAttorneyValidUntil, locale) }),
                  },
                ]
              : []),
            ...(app.decidedAt ? [{ term: t('decidedAt'), value: formatDateTime(app.decidedAt, locale) }] : []),
            ...(m.issuedAt
              ? [
                  { term: t('issuedAt'), value: formatDateTime(m.issuedAt, locale) },
                  { term: t('issuedSerials'), value: [m.issuedDocumentSerial, m.issuedPlateSerial].filter(Boolean).join(' · ') },
                ]
              : []),
          ]}
        />
      </Card>
      {app.status === 'approved' ? (
        <Card title={t('formTitle')}>
          <p className="mb-4 text-ink-muted">{t('formLead')}</p>
          <MachineryIssueForm id={app.id} version={app.version} document={gives.document} plate={gives.plate} />
        </Card>
      ) : app.status !== 'issued' ? (
        <Notice tone="warning" title={t('notApproved')} />
      ) : null}
    </div>
  );
}
