import type { Metadata } from 'next';
import { DeadlineNotice } from '@/components/applications/deadline-notice';
import { applicationDeadline } from '@/lib/ops/deadlines';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ApplicationTimeline } from '@/components/applications/application-timeline';
import { SignDialog } from '@/components/eds/sign-dialog';
import { VerifyQr } from '@/components/eds/verify-qr';
import { ConsentStatus } from '@/components/residence/consent-status';
import { FinishForm, WithdrawForm } from '@/components/residence/step-forms';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader, StepIndicator, type Step } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { ApplicationStatus } from '@/components/site/application-status';
import { signatureCodesOf, timelineOf } from '@/lib/applications/timeline';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';
import { publicOrigin } from '@/lib/http/origin';
import { signResidenceAction } from '@/lib/residence/citizen-actions';
import { applicationPageOf } from '@/lib/residence/citizen-queries';
import { ASTANA_REGION, type NextStep } from '@/lib/residence/citizen-service-rules';
import { refusalReasonOf } from '@/lib/residence/refusals';

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ saved?: string; existing?: string; finished?: string; registered?: string; withdrawn?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceApplication' });
  return { title: t('title') };
}

const ORDER = ['dwelling', 'astana', 'form', 'finish', 'consent', 'sign', 'done'] as const satisfies readonly NextStep[];

/**
 * The citizen's residence application (SPEC §6 "Online"): where it is and what comes next, the dwelling, each owner's
 * consent request, the check of the answers and the EDS signature, the address certificate, the timeline.
 */
export default async function ResidenceApplicationPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const data = await applicationPageOf(actor, id, locale).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const { app, step, property } = data;
  const r = app.residence;
  const [t, tr, ta, tc, tsys, events, codes, origin, q] = await Promise.all([
    getTranslations('ResidenceApplication'),
    getTranslations('Residence'),
    getTranslations('ResidenceAstana'),
    getTranslations('Common'),
    getTranslations('Admin.systems'),
    timelineOf(app.id),
    signatureCodesOf(app.id),
    publicOrigin(),
    searchParams,
  ]);
  const path = (rest: string) => getPathname({ href: `/cabinet/residence/${app.id}${rest}`, locale });
  const address = property ? (locale === 'kk' ? property.addressKk : property.addressRu) : (r.cadastralNumber ?? '—');
  const isAstana = app.regionCode === ASTANA_REGION;
  // Why it ended without a registration, in words (every reason has its text: tests/unit/residence-refusals.test.ts).
  const refusal = r.closedAt && !r.registeredAt ? refusalReasonOf(r.refusalCode) : null;
  const current = (ORDER as readonly NextStep[]).indexOf(step);
  const steps: Step[] = ORDER.filter((s) => s !== 'astana' || isAstana).map((s) => ({
    label: t(`steps.${s}`),
    state: step === 'closed' ? 'todo' : ORDER.indexOf(s) < current || step === 'done' ? 'done' : s === step ? 'current' : 'todo',
  }));
  const period =
    r.kind === 'temporary' && r.stayFrom && r.stayUntil ? `${formatDate(r.stayFrom, locale)} – ${formatDate(r.stayUntil, locale)}` : null;
  const form = r.arrivalForm;
  const summary = [
    { term: t('service'), value: tr(`kind.${r.kind}`) },
    ...(period ? [{ term: t('period'), value: period }] : []),
    { term: t('dwelling'), value: address },
    ...(r.cadastralNumber ? [{ term: t('cadastralNumber'), value: r.cadastralNumber }] : []),
    ...(form
      ? [
          { term: t('previousAddress'), value: form.previousAddress },
          { term: t('movingReason'), value: tr(`movingReason.${form.movingReason}`) },
          { term: t('education'), value: tr(`education.${form.education}`) },
          { term: t('occupation'), value: tr(`occupation.${form.occupation}`) },
          { term: t('maritalStatus'), value: tr(`maritalStatus.${form.maritalStatus}`) },
          { term: t('nationality'), value: form.nationality ?? t('notStated') },
        ]
      : []),
  ];
  const applicantCode = codes.find((c) => c.partyRole === 'applicant')?.verifyCode ?? data.verifyCode;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={<span className="font-mono">{app.number}</span>}
        title={t('titleOf', { kind: tr(`kind.${r.kind}`) })}
        actions={<ApplicationStatus pilot="residence" state={app.status} viewer="applicant" />}
      />
      {q.existing ? <Notice tone="info" title={t('existing')} /> : null}
      {q.saved === 'form' && step === 'finish' ? <Notice tone="success" title={t('savedForm')} /> : null}
      {q.withdrawn && app.status === 'withdrawn' ? <Notice tone="info" title={t('withdrawnNotice')} /> : null}
      {data.unavailable ? <Notice tone="warning" title={t('unavailable', { system: tsys(data.unavailable as never) })} /> : null}

      <StepIndicator
        steps={steps}
        ariaLabel={t('stepsLabel')}
        labels={{ done: tc('stepDone'), current: tc('stepCurrent'), todo: tc('stepTodo') }}
      />

      <Card title={t('nextTitle')}>
        <p className="mb-4" data-testid="next-step">
          {t(`next.${step}`)}
        </p>
        {step === 'dwelling' ? <ButtonLink href={path('/dwelling')}>{t('goDwelling')}</ButtonLink> : null}
        {step === 'astana' ? <ButtonLink href={path('/astana')}>{t('goAstana')}</ButtonLink> : null}
        {step === 'form' ? <ButtonLink href={path('/form')}>{t('goForm')}</ButtonLink> : null}
        {step === 'finish' ? (
          <div className="flex flex-col gap-4">
            <p className="text-ink-muted">{t('finishHint')}</p>
            <FinishForm id={app.id} version={app.version} />
            <p className="flex flex-wrap gap-4">
              <ButtonLink href={path('/dwelling')} variant="link">
                {t('changeDwelling')}
              </ButtonLink>
              <ButtonLink href={path('/form')} variant="link">
                {t('changeForm')}
              </ButtonLink>
            </p>
          </div>
        ) : null}
        {step === 'sign' && data.document ? (
          <SignDialog
            document={data.document}
            signer={{ iin: actor.iin }}
            action={signResidenceAction}
            fields={{ id: app.id, version: String(app.version), locale }}
            summary={summary.map((s) => ({ term: s.term, value: String(s.value) }))}
            title={t('signTitle')}
            openLabel={t('sign')}
          />
        ) : null}
        {refusal ? (
          <Notice tone="error" title={app.status === 'refused' ? t('refusedTitle') : ta('closedTitle')}>
            <p data-testid="refusal-reason">{tr(`refusal.${refusal}`)}</p>
            {r.astana && isAstana && refusal === 'astana_norm' ? (
              <p className="mt-2">
                {ta(r.astana.withinNorm ? 'arithmeticFits' : 'arithmeticReached', {
                  area: r.astana.totalAreaM2,
                  norm: r.astana.normM2PerPerson,
                  places: r.astana.places,
                  count: r.astana.registeredCount,
                })}
              </p>
            ) : null}
            {r.astana && isAstana && refusal !== 'owner_declined' && refusal !== 'consent_expired' ? (
              <p className="mt-2">
                <ButtonLink href={path('/decision')} variant="link">
                  {ta('viewDecision')}
                </ButtonLink>
              </p>
            ) : null}
          </Notice>
        ) : app.status === 'refused' ? (
          <Notice tone="error" title={t('refusedTitle')}>
            {t('refusedGeneric')}
          </Notice>
        ) : null}
        {step === 'closed' ? (
          <p className="mt-4">
            <ButtonLink href={getPathname({ href: '/cabinet/residence/new', locale })} variant="secondary">
              {t('startAgain')}
            </ButtonLink>
          </p>
        ) : null}
      </Card>

      {app.status === 'registered' && r.certificateNumber ? (
        <Card title={t('certificateTitle')}>
          <div className="flex flex-col gap-6 md:flex-row" data-testid="residence-certificate">
            <DescriptionList
              className="flex-1"
              items={[
                { term: t('certificateNumber'), value: <span className="font-mono">{r.certificateNumber}</span> },
                { term: t('service'), value: tr(`kind.${r.kind}`) },
                { term: t('dwelling'), value: address },
                ...(period ? [{ term: t('period'), value: period }] : []),
                { term: t('registeredAt'), value: r.registeredAt ? formatDateTime(r.registeredAt, locale) : '—' },
                ...(data.certificateState ? [{ term: t('state'), value: tr(`certificateState.${data.certificateState}`) }] : []),
              ]}
            />
            {applicantCode ? (
              <VerifyQr
                url={`${origin}/${locale}/verify?number=${app.number}&code=${applicantCode}`}
                label={t('qr', { number: app.number })}
              />
            ) : null}
          </div>
          <p className="mt-4 flex flex-wrap gap-4">
            <ButtonLink href={`/api/residence/${app.id}/certificate`} variant="secondary">
              {t('downloadPdf')}
            </ButtonLink>
            <ButtonLink href={getPathname({ href: '/cabinet/documents', locale })} variant="link">
              {t('inDocuments')}
            </ButtonLink>
          </p>
        </Card>
      ) : null}

      <Card title={t('summaryTitle')}>
        <DescriptionList items={summary} />
      </Card>

      <DeadlineNotice deadline={applicationDeadline({ pilot: 'residence', status: app.status, consents: app.consents })} />
      {app.consents.length ? (
        <ConsentStatus consents={app.consents} names={Object.fromEntries(data.owners.map((o) => [o.ownerIin, o.name]))} />
      ) : null}

      {data.mayWithdraw ? (
        <Card title={t('withdrawTitle')}>
          <p className="mb-4 text-ink-muted">{t('withdrawText')}</p>
          <WithdrawForm id={app.id} version={app.version} />
        </Card>
      ) : null}

      <Card title={t('timeline')}>
        <ApplicationTimeline events={events} pilot="Residence" />
      </Card>
    </div>
  );
}
