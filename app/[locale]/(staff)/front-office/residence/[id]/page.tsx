import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SignDialog } from '@/components/eds/sign-dialog';
import { AstanaExplanation } from '@/components/residence/astana-explanation';
import { ArrivalFormForm, ClaimForm } from '@/components/residence/con-forms';
import { Card, DescriptionList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { GbdPhoto } from '@/components/vehicle/gbd-photo';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';
import { maskIin } from '@/lib/kz/iin';
import { signAndRegisterAction } from '@/lib/residence/con-actions';
import { astanaPasses } from '@/lib/residence/astana-types';
import { conApplicationFor } from '@/lib/residence/con-queries';
import type { Person } from '@/lib/registries/gbd-fl/port';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ResidenceCon.application' });
  return { title: t('title') };
}

function Section({ id, n, title, done, children }: { id: string; n: number; title: string; done: string | null; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6">
      <Card
        title={
          <span id={`${id}-title`}>
            {n}. {title}
          </span>
        }
        actions={done ? <StatusBadge tone="success">{done}</StatusBadge> : null}
      >
        {children}
      </Card>
    </section>
  );
}

const fullName = (p: Person | null | 'unavailable', locale: Locale) => {
  if (!p || p === 'unavailable') return '—';
  const n = locale === 'kk' ? p.names.kk : p.names.ru;
  return [n.surname, n.givenName, n.patronymic].filter(Boolean).join(' ');
};

/** The application formed at the CON (order 003, p.7): who, what, Astana's steps, the arrival form, the signature. */
export default async function ConApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('front-office');
  const view = await conApplicationFor(actor, grant, id).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const [t, tc, ts, sp] = await Promise.all([
    getTranslations('ResidenceCon.application'),
    getTranslations('ResidenceCon'),
    getTranslations('Status'),
    searchParams,
  ]);
  const { app, property } = view;
  const r = app.residence;
  const intake = app.intake;
  const draft = app.status === 'draft';
  const savedNotice = draft && sp.saved && t.has(`saved.${sp.saved}` as never) ? t(`saved.${sp.saved}` as never) : null;
  const address = property && property !== 'unavailable' ? (locale === 'kk' ? property.addressKk : property.addressRu) : '—';
  const rep = view.representative && view.representative !== 'unavailable' ? view.representative : null;
  const applicantName = fullName(view.applicant, locale);
  const authority =
    intake.authority.kind === 'birth_act'
      ? t('birthAct', { number: intake.authority.number, date: formatDate(intake.authority.registeredOn, locale) })
      : locale === 'kk'
        ? intake.authority.basisKk
        : intake.authority.basisRu;
  const period =
    r.kind === 'temporary' && r.stayFrom && r.stayUntil ? `${formatDate(r.stayFrom, locale)} — ${formatDate(r.stayUntil, locale)}` : null;
  const previous = view.applicant && view.applicant !== 'unavailable' ? view.applicant.permanentAddress : null;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span className="font-mono">
            {app.number}
            {view.ticket ? ` · ${view.ticket}` : ''}
          </span>
        }
        title={t('title')}
        actions={<StatusBadge tone={statusTone(app.status)}>{ts(app.status as never)}</StatusBadge>}
      />
      <p>
        <Link href={`/${locale}/front-office/residence`} className="underline">
          {t('backToHall')}
        </Link>
      </p>
      {savedNotice ? <Notice tone="success" title={savedNotice} /> : null}
      {app.status === 'registered' ? (
        <Notice tone="success" title={t('registeredTitle')}>
          <p data-testid="registered-text">
            {t('registeredText', {
              certificate: r.certificateNumber ?? '—',
              at: r.registeredAt ? formatDateTime(r.registeredAt, locale) : '—',
            })}
          </p>
        </Notice>
      ) : null}
      {app.status === 'refused' && r.refusalCode ? (
        <Notice tone="warning" title={t('refusedTitle')}>
          <p data-testid="refusal-text">{tc(`refusal.${r.refusalCode}` as never)}</p>
        </Notice>
      ) : null}

      <Section id="parties" n={1} title={t('partiesTitle')} done={t('checked')}>
        <div className="flex flex-col gap-4">
          <DescriptionList
            items={[
              { term: tc('owner'), value: `${locale === 'kk' ? view.ownerMasked.kk : view.ownerMasked.ru} · ${maskIin(intake.ownerIin)}` },
              { term: tc('incapacityLabel'), value: tc(`incapacity.${intake.ownerIncapacity}`) },
            ]}
          />
          <div className="flex flex-wrap gap-4">
            {rep ? <GbdPhoto seed={rep.photoSeed} label={t('gbdPhoto')} /> : null}
            <DescriptionList
              items={[
                { term: t('representative'), value: fullName(view.representative, locale) },
                { term: tc('iin'), value: <span className="font-mono">{intake.representativeIin}</span> },
                { term: t('documentNumber'), value: <span className="font-mono">{intake.identityDocumentNumber}</span> },
                { term: t('biometrics'), value: intake.biometrics.passed ? t('biometricsPassed') : t('biometricsFailed') },
                { term: t('basisLabel'), value: t(`basis.${intake.representativeBasis}`) },
                { term: t('authority'), value: authority },
              ]}
            />
          </div>
          <DescriptionList
            items={[
              { term: t('applicant'), value: intake.applicant ? applicantName : t('applicantIsRepresentative', { name: applicantName }) },
              ...(intake.applicant
                ? [
                    { term: tc('iin'), value: <span className="font-mono">{intake.applicant.iin}</span> },
                    { term: t('documentNumber'), value: <span className="font-mono">{intake.applicant.identityDocumentNumber}</span> },
                  ]
                : []),
            ]}
          />
        </div>
      </Section>

      <Section id="service" n={2} title={t('serviceTitle')} done={t('checked')}>
        <DescriptionList
          items={[
            { term: tc('service'), value: tc(`kind.${r.kind}`) },
            ...(period ? [{ term: t('period'), value: period }] : []),
            { term: t('dwelling'), value: address },
            { term: t('cadastralNumber'), value: <span className="font-mono">{r.cadastralNumber}</span> },
          ]}
        />
      </Section>

      {r.astana ? (
        <Section id="astana" n={3} title={t('astanaTitle')} done={astanaPasses.includes(r.astana.outcome) ? t('checked') : null}>
          <div className="flex flex-col gap-4">
            <AstanaExplanation decision={r.astana} locale={locale} reader="staff" />
            {draft && r.astana.outcome === 'claim_needed' ? (
              <>
                <p>{t('claimLead')}</p>
                <ClaimForm id={app.id} version={app.version} />
              </>
            ) : null}
          </div>
        </Section>
      ) : null}

      {draft || r.arrivalForm ? (
        <Section id="arrival" n={r.astana ? 4 : 3} title={t('arrivalTitle')} done={r.arrivalForm ? t('saved.arrival') : null}>
          {draft && !view.blockers.includes('astana') ? (
            <ArrivalFormForm
              id={app.id}
              version={app.version}
              defaults={
                r.arrivalForm ?? {
                  previousAddress: previous ? (locale === 'kk' ? previous.addressKk : previous.addressRu) : '',
                  previousRegionCode: previous?.regionCode ?? null,
                }
              }
            />
          ) : draft ? (
            <p>{t('arrivalAfterAstana')}</p>
          ) : r.arrivalForm ? (
            <DescriptionList
              items={[
                { term: tc('arrival.previousAddress'), value: r.arrivalForm.previousAddress },
                { term: tc('arrival.movingReason'), value: tc(`arrival.movingReasonValues.${r.arrivalForm.movingReason}` as never) },
              ]}
            />
          ) : null}
        </Section>
      ) : null}

      {draft ? (
        <Section id="sign" n={r.astana ? 5 : 4} title={t('signTitle')} done={null}>
          {view.document ? (
            <div className="flex flex-col gap-4">
              <p className="text-ink-muted">{t('signLead')}</p>
              <SignDialog
                document={view.document}
                signer={{ iin: actor.iin }}
                action={signAndRegisterAction}
                fields={{ id: app.id, version: String(app.version), locale }}
                summary={[
                  { term: tc('number'), value: app.number },
                  { term: tc('service'), value: `${tc(`kind.${r.kind}`)}${period ? ` (${period})` : ''}` },
                  { term: t('applicant'), value: applicantName },
                  { term: t('dwelling'), value: `${address} · ${r.cadastralNumber}` },
                  {
                    term: t('representative'),
                    value: `${fullName(view.representative, locale)} · ${t(`basis.${intake.representativeBasis}`)}`,
                  },
                ]}
                title={t('signTitle')}
                openLabel={t('signButton')}
              />
            </div>
          ) : (
            <>
              <p>{t('notReady')}</p>
              <ul className="list-disc pl-6">
                {view.blockers.map((b) => (
                  <li key={b}>{t(`blockers.${b}`)}</li>
                ))}
              </ul>
            </>
          )}
        </Section>
      ) : null}
    </div>
  );
}
