import type { Metadata } from 'next';
import Image from 'next/image';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader } from '@/components/ui';
import { ApplicationTimeline } from '@/components/applications/application-timeline';
import { DeadlineNotice } from '@/components/applications/deadline-notice';
import { ChecksSummary } from '@/components/id-card/checks-summary';
import { TaskList, TaskSection } from '@/components/id-card/task-list';
import { SignDialog } from '@/components/eds/sign-dialog';
import { VerifyQr } from '@/components/eds/verify-qr';
import { FormStep } from '@/components/id-card/form-step';
import { UploadForm } from '@/components/id-card/upload-form';
import { VersionButton } from '@/components/vehicle/version-button';
import { PayButton } from '@/components/payments/pay-button';
import { ReceiptLinks } from '@/components/payments/receipt-links';
import { DocumentPrintBar } from '@/components/print/document-print-bar';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { ApplicationStatus } from '@/components/site/application-status';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { countryName } from '@/lib/kz/country';
import { publicOrigin } from '@/lib/http/origin';
import { payDutyAction, signAndSubmitAction, withdrawRenewalAction } from '@/lib/id-card/actions';
import { annulmentNotice } from '@/lib/id-card/annulment';
import { idCardMachine, type IdCardState } from '@/lib/id-card/machine';
import { PHOTO_RULES } from '@/lib/id-card/photo';
import { citizenApplicationFor, dutyBill, feeExemptionsOf, idCardDeadlineFor, requestDocumentFor } from '@/lib/id-card/queries';
import { draftTasks } from '@/lib/id-card/tasks';
import { activeRegistrationPoints, allRegions } from '@/lib/reference/queries';
import { signatureCodesOf, timelineOf } from '@/lib/applications/timeline';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'IdCard' });
  return { title: t('applicationTitle') };
}

/**
 * The citizen's renewal (order 002 steps 8–19). A draft is a task list — collection point · photo · signature
 * sample · check and sign — each task its own section with its status (issue 15); then the state it is at, when
 * UMS DP's decision is due (issue 17), the registry checks folded into one line, a withdrawal while the machine
 * allows one, and the history newest first.
 */
export default async function IdCardApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const app = await citizenApplicationFor(actor, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const c = app.card;
  const [t, tt, tc, format, events, codes, points, regionRows, origin] = await Promise.all([
    getTranslations('IdCard'),
    getTranslations('IdCardTasks'),
    getTranslations('Checks'),
    getFormatter(),
    timelineOf(app.id),
    signatureCodesOf(app.id),
    activeRegistrationPoints(),
    allRegions(),
    publicOrigin(),
  ]);
  const name = (r: { nameKk: string; nameRu: string } | undefined | null) => (r ? (locale === 'kk' ? r.nameKk : r.nameRu) : '—');
  const regionName = (code: string) => name(regionRows.find((r) => r.code === code));
  const point = points.find((p) => p.id === c.registrationPointId) ?? null;
  const checks = events.filter((e) => e.type === 'check').map((e) => e.data as { step: number; system: string; ok: boolean; code: string });
  const complete = !!(c.registrationPointId && c.phone && c.photoFileId && c.signatureFileId);
  const document = app.status === 'draft' && complete ? await requestDocumentFor(app, actor) : null;
  const bill = app.status === 'awaiting_payment' ? await dutyBill() : null;
  const [exemption] = c.exemptStatus ? await feeExemptionsOf(c.exemptStatus) : [];
  const requestCode = codes.find((s) => s.partyRole === 'applicant');
  const saved = (await searchParams).saved;
  const withdrawable = idCardMachine.can(app.status as IdCardState, 'withdraw');
  const notice = c.annulReason ? annulmentNotice(c.annulReason, !!c.exemptStatus) : 'none';
  const tasks =
    app.status === 'draft'
      ? draftTasks(
          c,
          points.map((p) => p.id),
        )
      : [];
  const deadline = await idCardDeadlineFor(app, events);
  const withdrawnFrom = (events.find((e) => e.type === 'withdraw')?.data as { from?: string } | null)?.from;
  const withdrawText =
    app.status === 'under_review'
      ? c.exemptStatus
        ? 'withdrawText_under_review_exempt'
        : 'withdrawText_under_review'
      : `withdrawText_${app.status}`;
  return (
    <div className="flex flex-col gap-6">
      <DocumentPrintBar locale={locale} />
      <PageHeader
        eyebrow={<span className="font-mono">{app.number}</span>}
        title={t('applicationTitle')}
        actions={<ApplicationStatus pilot="id_card" state={app.status} viewer="applicant" />}
      />
      {saved && ['form', 'photo', 'signature'].includes(saved) && app.status === 'draft' ? (
        <Notice tone="success" title={t(`saved_${saved}` as never)} />
      ) : null}
      {c.rpDrnTicket ? (
        <Notice tone="info" title={t('ticket', { ticket: c.rpDrnTicket })}>
          {t(`next_${app.status}` as never)}
        </Notice>
      ) : null}
      {exemption ? (
        <Notice tone="success" title={t('exempt')}>
          {name(exemption)}
        </Notice>
      ) : null}
      {app.status === 'annulled' ? (
        <Notice tone="error" title={t('annulledTitle')}>
          <p>
            {t(`annulReasons.${c.annulReason}` as never)}
            {c.annulComment ? ` — ${c.annulComment}` : ''}
          </p>
          {notice !== 'none' ? <p className="mt-2">{t(notice === 'apply_again' ? 'annulledAgainExempt' : 'annulledAgain')}</p> : null}
          <p className="mt-3">
            <ButtonLink href={getPathname({ href: '/cabinet/id-card', locale })}>{t('applyAgain')}</ButtonLink>
          </p>
        </Notice>
      ) : null}
      {app.status === 'withdrawn' || app.status === 'expired' || (app.status === 'refused' && !c.rpDrnTicket) ? (
        <Notice tone={app.status === 'refused' ? 'error' : 'info'} title={t(`closed_${app.status}` as never)}>
          <p>{t(`closedText_${app.status}` as never)}</p>
          {app.status === 'withdrawn' && withdrawnFrom === 'under_review' && !c.exemptStatus ? (
            <p className="mt-2 font-semibold">{tt('withdrawnRefund')}</p>
          ) : null}
          <p className="mt-3">
            <ButtonLink href={getPathname({ href: '/cabinet/id-card', locale })}>{t('applyAgain')}</ButtonLink>
          </p>
        </Notice>
      ) : null}
      {app.status === 'ready_for_pickup' && point ? (
        <Notice tone="success" title={t('readyTitle')}>
          {t('readyText', { point: name(point), address: locale === 'kk' ? point.addressKk : point.addressRu })}
        </Notice>
      ) : null}
      {app.status === 'issued' && requestCode ? (
        <Card title={t('newCardTitle')}>
          <div className="flex flex-col gap-6 md:flex-row" data-testid="new-card">
            <DescriptionList
              className="flex-1"
              items={[
                { term: t('newCardNumber'), value: <span className="font-mono">{c.newCardNumber}</span> },
                {
                  term: t('holder'),
                  value: `${[actor.surname, actor.givenName, actor.patronymic].filter(Boolean).join(' ')} · ${actor.iin}`,
                },
                { term: t('countryOfBirth'), value: c.birthCountry ? countryName(c.birthCountry, locale) : '—' },
                { term: t('issuedOn'), value: c.issuedAt ? format.dateTime(c.issuedAt, 'short') : '—' },
              ]}
            />
            <VerifyQr
              url={`${origin}/${locale}/verify?number=${app.number}&code=${requestCode.verifyCode}`}
              label={t('cardQr', { number: app.number })}
            />
          </div>
        </Card>
      ) : null}

      <DeadlineNotice deadline={deadline} />
      <ChecksSummary lines={checks} />

      {app.status === 'draft' ? (
        <>
          <TaskList tasks={tasks} />
          <TaskSection task={tasks[0]!} index={0}>
            <FormStep
              id={app.id}
              version={app.version}
              defaults={c}
              points={points.map((p) => ({
                id: p.id,
                label: `${regionName(p.regionCode)} — ${name(p)}, ${locale === 'kk' ? p.addressKk : p.addressRu}`,
              }))}
            />
          </TaskSection>
          <TaskSection task={tasks[1]!} index={1}>
            <ul className="mb-4 list-disc pl-5 text-sm" aria-label={t('photoRulesLabel')}>
              <li>{t('photoRule1', { kb: PHOTO_RULES.maxBytes / 1024, w: PHOTO_RULES.minWidth, h: PHOTO_RULES.minHeight })}</li>
              <li>{t('photoRule2')}</li>
              <li>{t('photoRule3')}</li>
            </ul>
            {c.photoFileId ? (
              <p className="mb-3 flex items-center gap-3">
                <Image
                  unoptimized
                  src={`/api/files/${c.photoFileId}`}
                  alt={t('photoAlt')}
                  width={90}
                  height={120}
                  className="rounded border border-line"
                />
                {t('photoAccepted')}
              </p>
            ) : null}
            <UploadForm id={app.id} version={app.version} kind="photo" />
          </TaskSection>
          <TaskSection task={tasks[2]!} index={2}>
            <p className="mb-4 text-sm">{t('signatureRule')}</p>
            {c.signatureFileId ? (
              <p className="mb-3 flex items-center gap-3">
                <Image
                  unoptimized
                  src={`/api/files/${c.signatureFileId}`}
                  alt={t('signatureAlt')}
                  width={150}
                  height={50}
                  className="rounded border border-line bg-white"
                />
                {t('signatureAccepted')}
              </p>
            ) : null}
            <UploadForm id={app.id} version={app.version} kind="signature" />
          </TaskSection>
          <TaskSection task={tasks[3]!} index={3}>
            {document ? (
              <SignDialog
                document={document}
                signer={{ iin: actor.iin }}
                action={signAndSubmitAction}
                fields={{ id: app.id, version: String(app.version), locale }}
                summary={[
                  { term: t('reason'), value: t('reasonExpiry') },
                  { term: t('currentCard'), value: `${c.currentCardNumber} · ${c.currentCardExpiresOn}` },
                  { term: t('point'), value: `${name(point)}` },
                  { term: t('phone'), value: c.phone ?? '' },
                  ...(c.email ? [{ term: t('email'), value: c.email }] : []),
                ]}
                title={t('signTitle')}
                openLabel={t('signAndSend')}
              />
            ) : (
              <p className="text-ink-muted">{t('signWhenComplete')}</p>
            )}
          </TaskSection>
        </>
      ) : null}

      {bill ? (
        <Card title={t('dutyTitle')}>
          <p className="mb-3" data-testid="duty">
            {t('dutyText', {
              amount: formatMoney(bill.amountTiyn, locale),
              mrp: formatMoney(bill.mrpTenge * 100, locale),
              year: bill.year,
            })}
          </p>
          <PayButton id={app.id} label={t('payDuty')} action={payDutyAction} />
        </Card>
      ) : null}
      <ReceiptLinks applicationId={app.id} payerIin={actor.iin} locale={locale} />
      {withdrawable ? (
        <Card title={t('withdrawTitle')}>
          <p className="mb-3 text-sm">{tt(withdrawText as never)}</p>
          <VersionButton
            action={withdrawRenewalAction}
            id={app.id}
            version={app.version}
            label={t('withdraw')}
            pendingLabel={t('withdrawing')}
            confirm={t('withdrawConfirm')}
          />
        </Card>
      ) : null}
      <Card title={tc('timeline')}>
        <p className="mb-3 text-sm text-ink-muted">{tt('historyOrder')}</p>
        <ApplicationTimeline events={[...events].reverse()} pilot="IdCard" />
      </Card>
    </div>
  );
}
