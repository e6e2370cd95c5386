import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ApproveForm } from '@/components/machinery/review/approve-form';
import { RefuseForm } from '@/components/machinery/review/refuse-form';
import { MachineryTimeline } from '@/components/machinery/review/machinery-timeline';
import { PlateLookupResult } from '@/components/machinery/review/plate-lookup';
import { Card, DescriptionList, Notice, PageHeader, StatusBadge, TextField, Button } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { timelineOf } from '@/lib/applications/timeline';
import { requireArea } from '@/lib/auth/guards';
import { localDate } from '@/lib/calendar/local';
import { isDomainError } from '@/lib/errors';
import { maskIin } from '@/lib/kz/iin';
import { recordViewOf, reviewApplicationFor, reviewPageData } from '@/lib/machinery/review-queries';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ decided?: string; plate?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'MachineryReview' });
  return { title: t('reviewTitle') };
}

const fullName = (n: { surname: string; givenName: string; patronymic: string | null } | undefined) =>
  n ? [n.surname, n.givenName, n.patronymic].filter(Boolean).join(' ') : '—';

/** p.10: the akimat reviewer checks the package, the applicant, the machine and its plate, then decides with EDS. */
export default async function MachineryReviewPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('akimat');
  const app = await reviewApplicationFor(actor, grant, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  await recordViewOf(actor, grant, app);
  const sp = await searchParams;
  const [t, tm, ts, format, events, page] = await Promise.all([
    getTranslations('MachineryReview'),
    getTranslations('Machinery'),
    getTranslations('Status'),
    getFormatter(),
    timelineOf(app.id),
    reviewPageData(app, sp.plate),
  ]);
  const { data } = page;
  const m = app.machinery;
  const kk = locale === 'kk';
  const names = (p: typeof data.owner) => (p ? (kk ? p.names.kk : p.names.ru) : undefined);
  const open = app.status === 'under_review';
  const reasons = data.reasons.map((r) => ({
    code: r.code,
    label: tm.has(`refusal.${r.code}` as never) ? tm(`refusal.${r.code}` as never) : r.code,
    basis: kk ? r.legalBasisKk : r.legalBasisRu,
  }));
  const region = app.akimat?.regionCode ?? '';
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={<span className="font-mono">{app.number}</span>}
        title={t('reviewTitle')}
        lead={tm(`action.${m.action}`)}
        actions={<StatusBadge tone={statusTone(app.status)}>{ts(app.status as never)}</StatusBadge>}
      />
      {sp.decided === 'approved' || sp.decided === 'refused' ? (
        <Notice tone="success" title={t(sp.decided === 'approved' ? 'approvedNotice' : 'refusedNotice')} />
      ) : null}
      <Card title={t('receiptTitle')}>
        <DescriptionList
          items={[
            { term: t('receivedAt'), value: app.submittedAt ? format.dateTime(app.submittedAt, 'stamp') : '—' },
            { term: t('deadline'), value: app.deadlineAt ? format.dateTime(app.deadlineAt, 'stamp') : '—' },
            { term: t('centre'), value: app.centre ? (kk ? app.centre.nameKk : app.centre.nameRu) : '—' },
            ...(app.decidedAt ? [{ term: t('decidedAt'), value: format.dateTime(app.decidedAt, 'stamp') }] : []),
            ...(page.decidedBy ? [{ term: t('decidedBy'), value: page.decidedBy }] : []),
          ]}
        />
      </Card>
      {!open && app.status !== 'refused' && (m.plate || m.technicalPassport) ? (
        <Card title={t('decisionTitle')}>
          <DescriptionList
            items={[
              ...(m.technicalPassport
                ? [{ term: t('passportNumber'), value: `${m.technicalPassport.number} · ${m.technicalPassport.issuedOn}` }]
                : []),
              ...(m.plate ? [{ term: t('plate'), value: <span className="font-mono">{m.plate}</span> }] : []),
            ]}
          />
        </Card>
      ) : null}
      {app.status === 'refused' && m.refusalReasonCode ? (
        <Card title={t('decisionTitle')}>
          <DescriptionList
            items={[
              {
                term: t('reason'),
                value: reasons.find((r) => r.code === m.refusalReasonCode)?.label ?? tm(`refusal.${m.refusalReasonCode}` as never),
              },
              { term: t('comment'), value: m.refusalComment ?? '—' },
            ]}
          />
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('applicantTitle')}>
          <DescriptionList
            items={[
              ...(m.ownerKind === 'organisation'
                ? [
                    {
                      term: t('organisation'),
                      value: data.organisation ? (kk ? data.organisation.nameKk : data.organisation.nameRu) : t('notFoundInRegistry'),
                    },
                    { term: t('bin'), value: <span className="font-mono">{m.ownerBin}</span> },
                    ...(data.organisation
                      ? [{ term: t('director'), value: <span className="font-mono">{maskIin(data.organisation.directorIin)}</span> }]
                      : []),
                  ]
                : [
                    { term: t('owner'), value: data.owner ? fullName(names(data.owner)) : t('notFoundInRegistry') },
                    { term: t('iin'), value: <span className="font-mono">{m.ownerIin ?? '—'}</span> },
                    ...(data.owner
                      ? [
                          { term: t('birthDate'), value: data.owner.birthDate },
                          { term: t('identityDocument'), value: `${data.owner.document.number} · ${data.owner.document.expiresOn}` },
                          ...(data.owner.deceased ? [{ term: t('warning'), value: t('deceased') }] : []),
                        ]
                      : []),
                  ]),
              ...(m.representativeIin
                ? [
                    {
                      term: t('representative'),
                      value: data.representative ? fullName(names(data.representative)) : t('notFoundInRegistry'),
                    },
                    { term: t('representativeIin'), value: <span className="font-mono">{m.representativeIin}</span> },
                    { term: t('powerOfAttorney'), value: `${m.powerOfAttorneyNumber} · ${t('validUntil')} ${m.powerOfAttorneyValidUntil}` },
                  ]
                : []),
              { term: t('phone'), value: m.phone ?? '—' },
              { term: t('applicantLocale'), value: t(`locale.${m.applicantLocale}`) },
            ]}
          />
        </Card>
        <Card title={t('machineTitle')}>
          <DescriptionList
            items={[
              { term: t('kindLabel'), value: m.machineKind ? t(`kind.${m.machineKind}`) : '—' },
              { term: t('makeModel'), value: [m.make, m.model, m.year].filter(Boolean).join(' ') || '—' },
              { term: t('serial'), value: <span className="font-mono">{m.registerId ?? m.serialNumber ?? '—'}</span> },
              ...(m.engineNumber ? [{ term: t('engine'), value: <span className="font-mono">{m.engineNumber}</span> }] : []),
              {
                term: t('inRegister'),
                value: data.machine ? t(`registerStatus.${data.machine.status}`) : t('notInRegister'),
              },
              ...(data.machine?.plate ? [{ term: t('currentPlate'), value: <span className="font-mono">{data.machine.plate}</span> }] : []),
              ...(data.machine?.documentNumber
                ? [{ term: t('currentDocument'), value: <span className="font-mono">{data.machine.documentNumber}</span> }]
                : []),
              ...(data.machine
                ? [
                    {
                      term: t('registerOwner'),
                      value: (
                        <span className="font-mono">
                          {data.machine.ownerIin ? maskIin(data.machine.ownerIin) : (data.machine.ownerBin ?? '—')}
                          {data.machine.ownerIin && data.machine.ownerIin === m.ownerIin ? ` · ${t('sameAsOwner')}` : ''}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {data.history.length ? (
            <div className="mt-4">
              <h3 className="font-semibold">{t('historyTitle')}</h3>
              <ul className="mt-2 flex flex-col gap-1 text-sm">
                {data.history.map((h) => (
                  <li key={h.id}>
                    <span className="font-mono">{h.number}</span> · {tm(`action.${h.action}`)} · {ts(h.status as never)}
                    {h.decidedAt ? ` · ${format.dateTime(h.decidedAt, 'short')}` : ''}
                    {h.plate ? ` · ${h.plate}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      </div>
      <Card title={t('packageTitle')}>
        <ul className="flex flex-col gap-3">
          {data.items.map((item) => (
            <li key={item.code} className="flex flex-col gap-1">
              <span>
                <span aria-hidden="true">{item.ticked ? '✓ ' : '✗ '}</span>
                {tm.has(`checklist.${item.code}` as never) ? tm(`checklist.${item.code}` as never) : item.code}
                <span className="sr-only"> — {item.ticked ? t('presented') : t('notPresented')}</span>
                {!item.required ? <span className="text-sm text-ink-muted"> ({t('optional')})</span> : null}
              </span>
              {item.scans.length ? (
                <ul className="ml-6 flex flex-wrap gap-3 text-sm">
                  {item.scans.map((s, i) => (
                    <li key={s.id}>
                      <a
                        href={`/api/files/${s.fileId}`}
                        target="_blank"
                        rel="noreferrer"
                        className="text-brand-700 underline"
                        data-testid="scan-link"
                      >
                        {s.contentType.startsWith('image/') ? (
                          // p.6 (4): a page preview beside its checklist item; the link opens the full scan.
                          // eslint-disable-next-line @next/next/no-img-element -- a private, access-checked file, not a static asset
                          <img
                            src={`/api/files/${s.fileId}`}
                            alt={t('scanPreview', { n: i + 1 })}
                            className="mb-1 block h-40 w-auto rounded border border-line bg-surface object-contain"
                            loading="lazy"
                            data-testid="scan-preview"
                          />
                        ) : null}
                        {t('scan', { n: i + 1 })}
                      </a>{' '}
                      <span className="text-ink-muted">
                        ({s.pages ? t('pages', { n: s.pages }) : ''} SHA-256 <span className="font-mono">{s.sha256.slice(0, 12)}…</span>)
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="ml-6 text-sm text-ink-muted">{t('noScan')}</span>
              )}
            </li>
          ))}
        </ul>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('operatorSignatureTitle')}>
          {data.operator ? (
            <DescriptionList
              items={[
                { term: t('signer'), value: data.operator.signer?.commonName ?? '—' },
                { term: t('signedAt'), value: format.dateTime(data.operator.signedAt, 'stamp') },
                { term: t('signatureValid'), value: data.operator.validNow ? t('valid') : t('invalid') },
                { term: t('documentHash'), value: <span className="break-all font-mono text-sm">{data.operator.dataSha256}</span> },
              ]}
            />
          ) : (
            <p className="text-ink-muted">{t('signedAtIntake')}</p>
          )}
        </Card>
        <Card title={t('plateLookupTitle')}>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <TextField name="plate" label={t('plateLookupLabel')} hint={t('plateHint')} width="sm" defaultValue={sp.plate ?? ''} />
            <Button type="submit" variant="secondary">
              {t('plateLookupSubmit')}
            </Button>
          </form>
          {data.machinePlate ? (
            <PlateLookupResult lookup={data.machinePlate} ownerIin={m.ownerIin} title={t('machinePlateStatus')} />
          ) : null}
          {page.plateLookup ? <PlateLookupResult lookup={page.plateLookup} ownerIin={m.ownerIin} title={t('typedPlateStatus')} /> : null}
        </Card>
      </div>
      {open ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t('approveTitle')}>
            <ApproveForm
              id={app.id}
              version={app.version}
              number={app.number}
              action={m.action}
              akimatId={app.akimatId!}
              regionCode={region}
              applicationSha256={page.applicationSha256}
              reviewerIin={actor.iin}
              today={localDate()}
              freePlates={data.freePlates}
              initialPlate={
                page.plateLookup?.status === 'free' && page.plateLookup.inRegion ? (page.plateLookup.plate ?? undefined) : undefined
              }
            />
          </Card>
          <Card title={t('refuseTitle')}>
            <RefuseForm
              id={app.id}
              version={app.version}
              number={app.number}
              akimatId={app.akimatId!}
              applicationSha256={page.applicationSha256}
              reviewerIin={actor.iin}
              reasons={reasons}
            />
          </Card>
        </div>
      ) : null}
      <Card title={t('timelineTitle')}>
        <MachineryTimeline events={events} />
      </Card>
    </div>
  );
}
