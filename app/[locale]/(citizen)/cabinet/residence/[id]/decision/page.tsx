import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AstanaExplanation } from '@/components/residence/astana-explanation';
import { AstanaPrintButton } from '@/components/residence/astana-print-button';
import { ButtonLink, Card, Notice, PageHeader } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { ApplicationStatus } from '@/components/site/application-status';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { astanaDecisionFor } from '@/lib/residence/astana-queries';
import { nextStepOf } from '@/lib/residence/astana-step-rules';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ print?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceAstana' });
  return { title: t('decisionTitle') };
}

// The print view: the site's header, navigation and footer, and the page's own buttons, stay off the paper (and
// off the screen with ?print=1).
const PRINT_CSS = `@media print { body header, body footer, body nav, [data-print-hidden] { display: none !important; } main { padding: 0 !important; } }`;
const PRINT_VIEW_CSS = `body header, body footer, body nav { display: none !important; }`;

/**
 * The decision that explains itself (order 003 p.10 (6), (7)): why, in numbers and names — and its print view
 * (`?print=1`), in the language the page is read in.
 */
export default async function AstanaDecisionPage({ params, searchParams }: Props) {
  const [{ locale, id }, { print }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('cabinet');
  const { app, decision, dwelling } = await astanaDecisionFor(actor, grant, id).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const t = await getTranslations('ResidenceAstana');
  const printView = print === '1';
  const path = (p: string) => getPathname({ href: `/cabinet/residence/${id}/${p}`, locale });
  const address = dwelling ? (locale === 'kk' ? dwelling.addressKk : dwelling.addressRu) : null;
  return (
    <div className="flex flex-col gap-6">
      <style>{printView ? `${PRINT_CSS} ${PRINT_VIEW_CSS}` : PRINT_CSS}</style>
      <PageHeader
        eyebrow={`${t('eyebrow')} · ${t('application', { number: app.number })}`}
        title={t('decisionHeading')}
        lead={t('decisionLead')}
        actions={
          <div className="flex flex-wrap gap-3" data-print-hidden>
            {printView ? (
              <>
                <AstanaPrintButton label={t('print')} />
                <ButtonLink variant="secondary" href={path('decision')}>
                  {t('backToDecision')}
                </ButtonLink>
              </>
            ) : (
              <>
                <ButtonLink variant="secondary" href={`${path('decision')}?print=1`}>
                  {t('printVersion')}
                </ButtonLink>
                <ButtonLink variant="secondary" href={getPathname({ href: '/cabinet', locale })}>
                  {t('back')}
                </ButtonLink>
              </>
            )}
          </div>
        }
      />
      <div className="flex flex-wrap items-center gap-3">
        <ApplicationStatus pilot="residence" state={app.status} viewer="applicant" />
      </div>
      {app.residence.cadastralNumber ? (
        <Card title={t('dwelling')}>
          <p className="text-ink">{address ?? t('cadastralNumber', { number: app.residence.cadastralNumber })}</p>
          {address ? <p className="text-ink-muted">{t('cadastralNumber', { number: app.residence.cadastralNumber })}</p> : null}
        </Card>
      ) : null}
      {decision ? <AstanaExplanation decision={decision} locale={locale} /> : <Notice tone="info">{t('noDecision')}</Notice>}
      {decision && app.status === 'draft' && !printView ? (
        <div className="flex flex-wrap gap-3" data-print-hidden>
          {nextStepOf(decision) === 'form' ? <ButtonLink href={path('form')}>{t('continueToForm')}</ButtonLink> : null}
          {nextStepOf(decision) === 'claim' ? <ButtonLink href={path('astana')}>{t('claimTitle')}</ButtonLink> : null}
        </div>
      ) : null}
    </div>
  );
}
