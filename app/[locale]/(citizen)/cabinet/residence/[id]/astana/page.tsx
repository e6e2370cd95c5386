import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AstanaClaimForm } from '@/components/residence/astana-claim-form';
import { AstanaNormFacts } from '@/components/residence/astana-explanation';
import { ButtonLink, Card, Notice, PageHeader } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { astanaPageFor } from '@/lib/residence/astana-queries';
import { isAstana } from '@/lib/residence/astana-service';
import { nextStepOf } from '@/lib/residence/astana-step-rules';

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceAstana' });
  return { title: t('title') };
}

/**
 * Astana's steps (order 003 p.9–10): steps 1–3 in numbers with the maslikhat's decision, run the first time the
 * applicant opens this page; within the norm on to the arrival form; at the norm the claim of step 4.
 */
export default async function AstanaStepPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('cabinet');
  const { app, decision, dwelling, unavailable } = await astanaPageFor(actor, grant, id).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const [t, te, ts] = await Promise.all([getTranslations('ResidenceAstana'), getTranslations('Errors'), getTranslations('Admin.systems')]);
  const path = (p: string) => getPathname({ href: `/cabinet/residence/${id}/${p}`, locale });
  const step = nextStepOf(decision);
  // A refused application's page is its decision.
  if (app.status !== 'draft' && step === 'decision') redirect(path('decision'));
  const address = dwelling ? (locale === 'kk' ? dwelling.addressKk : dwelling.addressRu) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={`${t('eyebrow')} · ${t('application', { number: app.number })}`}
        title={t('heading')}
        lead={t('lead')}
        actions={
          <ButtonLink variant="secondary" href={getPathname({ href: '/cabinet', locale })}>
            {t('back')}
          </ButtonLink>
        }
      />
      {app.residence.cadastralNumber ? (
        <Card title={t('dwelling')}>
          <p className="text-ink">{address ?? t('cadastralNumber', { number: app.residence.cadastralNumber })}</p>
          {address ? <p className="text-ink-muted">{t('cadastralNumber', { number: app.residence.cadastralNumber })}</p> : null}
        </Card>
      ) : (
        <Notice tone="warning">{t('noDwelling')}</Notice>
      )}
      {!isAstana(app.regionCode) && app.residence.cadastralNumber ? <Notice tone="info">{t('notAstana')}</Notice> : null}
      {unavailable ? (
        <Notice tone="error" title={t('unavailableTitle')}>
          <p>{te('registry_unavailable', { system: ts.has(unavailable as never) ? ts(unavailable as never) : ts('other') })}</p>
          <p className="mt-2">
            <a className="font-semibold text-brand-700 underline" href={path('astana')}>
              {t('retry')}
            </a>
          </p>
        </Notice>
      ) : null}
      {decision ? <AstanaNormFacts decision={decision} locale={locale} /> : null}
      {step === 'form' && app.status === 'draft' ? (
        <Notice tone="success" title={decision?.outcome === 'within_norm' ? t('withinNormTitle') : t('confirmedTitle')}>
          <div className="mt-2 flex flex-wrap gap-3">
            <ButtonLink href={path('form')}>{t('continueToForm')}</ButtonLink>
            {decision?.outcome !== 'within_norm' ? (
              <ButtonLink variant="secondary" href={path('decision')}>
                {t('viewDecision')}
              </ButtonLink>
            ) : null}
          </div>
        </Notice>
      ) : null}
      {step === 'claim' && app.status === 'draft' ? (
        <Card title={t('claimTitle')}>
          <p className="mb-5 text-ink">{t('claimLead')}</p>
          <AstanaClaimForm id={app.id} />
        </Card>
      ) : null}
      {app.status !== 'draft' && step !== 'decision' ? (
        <Notice tone="info" title={t('closedTitle')}>
          <a className="font-semibold text-brand-700 underline" href={path('decision')}>
            {t('viewDecision')}
          </a>
        </Notice>
      ) : null}
    </div>
  );
}
