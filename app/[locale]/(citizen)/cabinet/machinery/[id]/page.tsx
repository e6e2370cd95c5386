import type { Metadata } from 'next';
import { DeadlineNotice } from '@/components/applications/deadline-notice';
import { applicationDeadline } from '@/lib/ops/deadlines';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader } from '@/components/ui';
import { DocumentPrintBar } from '@/components/print/document-print-bar';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { ApplicationStatus } from '@/components/site/application-status';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';
import { maskIin } from '@/lib/kz/iin';
import { cabinetMachineryFor } from '@/lib/machinery/cabinet-queries';

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'CabinetMachinery' });
  return { title: t('title') };
}

/**
 * The machinery application in the citizen's cabinet (orders 001/004): its state, and what it means — the refusal
 * with its legal basis and the printable receipt (p.7, p.8, p.13), or the plate and where to collect (p.11, p.15).
 */
export default async function CabinetMachineryPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('cabinet');
  const { app, reason, collectFrom } = await cabinetMachineryFor(actor, grant, id).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const [t, ts, tm, tk, tp] = await Promise.all([
    getTranslations('CabinetMachinery'),
    getTranslations('Status'),
    getTranslations('Machinery'),
    getTranslations('MachineryArchive.kind'),
    getTranslations('Pilots'),
  ]);
  const m = app.machinery;
  const kk = locale === 'kk';
  const centre = app.centre ? (kk ? app.centre.nameKk : app.centre.nameRu) : null;
  const machine = [m.machineKind ? tk(m.machineKind as never) : null, [m.make, m.model].filter(Boolean).join(' '), m.year]
    .filter(Boolean)
    .join(', ');
  const items = [
    { term: t('action'), value: tm(`action.${m.action}` as never) },
    { term: t('machine'), value: machine || '—' },
    { term: t('serial'), value: m.serialNumber ?? '—' },
    {
      term: t('owner'),
      value: m.ownerKind === 'organisation' ? t('organisation', { bin: m.ownerBin ?? '' }) : m.ownerIin ? maskIin(m.ownerIin) : '—',
    },
    ...(m.representativeIin
      ? [
          {
            term: t('representative'),
            value: t('powerOfAttorney', {
              iin: maskIin(m.representativeIin),
              number: m.powerOfAttorneyNumber ?? '',
              until: m.powerOfAttorneyValidUntil ? formatDate(m.powerOfAttorneyValidUntil, locale) : '',
            }),
          },
        ]
      : []),
    { term: t('centre'), value: centre ?? '—' },
    ...(app.akimat ? [{ term: t('akimat'), value: kk ? app.akimat.nameKk : app.akimat.nameRu }] : []),
    ...(app.submittedAt ? [{ term: t('submittedAt'), value: formatDateTime(app.submittedAt, locale) }] : []),
    ...(app.decidedAt ? [{ term: t('decidedAt'), value: formatDateTime(app.decidedAt, locale) }] : []),
  ];
  const basis = reason ? (kk ? reason.legalBasisKk : reason.legalBasisRu) : null;
  return (
    <div className="flex flex-col gap-6">
      <DocumentPrintBar locale={locale} />
      <PageHeader
        eyebrow={tp('machinery')}
        title={t('heading', { number: app.number })}
        actions={
          <ButtonLink variant="secondary" href={getPathname({ href: '/cabinet', locale })}>
            {t('back')}
          </ButtonLink>
        }
      />
      <div>
        <ApplicationStatus pilot="machinery" state={app.status} viewer="applicant" />
      </div>
      <DeadlineNotice deadline={applicationDeadline({ pilot: 'machinery', status: app.status, deadlineAt: app.deadlineAt })} />
      {app.status === 'received' ? (
        <Notice tone="info" title={t('receivedTitle')}>
          <p>{t('receivedText')}</p>
        </Notice>
      ) : null}
      {app.status === 'under_review' ? (
        <Notice tone="info" title={t('reviewTitle')}>
          {app.deadlineAt ? <p>{t('reviewText', { deadline: formatDateTime(app.deadlineAt, locale) })}</p> : null}
        </Notice>
      ) : null}
      {app.status === 'approved' ? (
        <Notice tone="success" title={t('approvedTitle')}>
          <p>
            {t('approvedText', {
              from: collectFrom ? formatDate(collectFrom, locale) : '—',
              centre: centre ?? '—',
              address: app.centre ? (kk ? app.centre.addressKk : app.centre.addressRu) : '—',
              hours: app.centre ? (kk ? app.centre.hoursKk : app.centre.hoursRu) : '—',
            })}
          </p>
        </Notice>
      ) : null}
      {app.status === 'issued' ? (
        <Notice tone="success" title={t('issuedTitle')}>
          {m.issuedAt ? <p>{t('issuedText', { at: formatDateTime(m.issuedAt, locale) })}</p> : null}
        </Notice>
      ) : null}
      {app.status === 'refused' || app.status === 'rejected_at_intake' ? (
        <Notice tone="error" title={reason ? tm(`refusal.${reason.code}` as never) : ts(app.status as never)}>
          {basis ? <p>{t('basis', { basis })}</p> : null}
          {m.refusalComment ? <p>{t('comment', { comment: m.refusalComment })}</p> : null}
        </Notice>
      ) : null}
      <Card title={t('detailsTitle')}>
        <DescriptionList items={items} />
      </Card>
      {(app.status === 'approved' || app.status === 'issued') && m.plate ? (
        <Card title={t('resultTitle')}>
          <DescriptionList
            items={[
              { term: t('plate'), value: <span data-testid="cabinet-plate">{m.plate}</span> },
              ...(m.technicalPassport
                ? [
                    {
                      term: t('passport'),
                      value: `${m.technicalPassport.number}, ${formatDate(m.technicalPassport.issuedOn, locale)}`,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ) : null}
      {app.status === 'rejected_at_intake' ? (
        <Card title={t('missingTitle')}>
          {m.missingItems?.length ? (
            <ul className="mb-4 list-disc pl-6">
              {m.missingItems.map((code) => (
                <li key={code}>{tm(`checklist.${code}` as never)}</li>
              ))}
            </ul>
          ) : null}
          <a href={`/api/machinery/${app.id}/refusal`} className="font-semibold text-brand-700 underline" data-testid="cabinet-refusal-pdf">
            {t('refusalPdf')}
          </a>
        </Card>
      ) : null}
    </div>
  );
}
