import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignDialog } from '@/components/eds/sign-dialog';
import { ConsentBadge } from '@/components/residence/consent-badge';
import { ConsentDeclineForm } from '@/components/residence/consent-decline-form';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';
import { consentAction } from '@/lib/residence/consent-actions';
import { ownerConsentPage } from '@/lib/residence/consent-queries';

type Props = { params: Promise<{ locale: Locale; consentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceConsent' });
  return { title: t('title') };
}

/**
 * One request, to the owner it is addressed to (anyone else: not found): who asks, for which dwelling and share,
 * which service and period, until when; then consent with EDS over exactly that text, or decline with a reason.
 */
export default async function ConsentPage({ params }: Props) {
  const { locale, consentId } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('cabinet');
  const c = await ownerConsentPage(actor, grant, consentId, locale).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const t = await getTranslations('ResidenceConsent');
  const { consent, details: d } = c;
  const open = consent.status === 'requested' && c.app.status === 'awaiting_owner_consent' && consent.expiresAt > new Date();
  const at = (x: Date | null) => (x ? formatDateTime(x, locale) : '—');
  const service = t(`kind.${d.service}`);
  const period =
    d.stayFrom && d.stayUntil ? t('periodValue', { from: formatDate(d.stayFrom, locale), until: formatDate(d.stayUntil, locale) }) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={t('title')}
        title={t('heading', { number: c.app.number })}
        actions={
          <ButtonLink variant="secondary" href={getPathname({ href: '/cabinet/consents', locale })}>
            {t('back')}
          </ButtonLink>
        }
      />
      <div>
        <ConsentBadge status={consent.status} />
      </div>
      {open ? (
        <Notice tone="warning" title={t('openTitle', { at: at(consent.expiresAt) })}>
          <p>{t('openText')}</p>
        </Notice>
      ) : null}
      {consent.status === 'consented' ? (
        <Notice tone="success" title={t('consentedTitle')}>
          <p>{t('consentedText', { at: at(consent.answeredAt) })}</p>
        </Notice>
      ) : null}
      {consent.status === 'declined' ? (
        <Notice tone="error" title={t('declinedTitle')}>
          <p>{t('declinedText', { at: at(consent.answeredAt), reason: consent.declineReason ?? '' })}</p>
        </Notice>
      ) : null}
      {consent.status === 'expired' || (consent.status === 'requested' && !open) ? (
        <Notice tone="error" title={t('expiredTitle')}>
          <p>{t('expiredText')}</p>
        </Notice>
      ) : null}
      {consent.status === 'cancelled' ? (
        <Notice tone="info" title={t('cancelledTitle')}>
          <p>{t('cancelledText')}</p>
        </Notice>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('whoTitle')}>
          <DescriptionList
            items={[
              { term: t('applicant'), value: <span data-testid="consent-applicant">{d.applicantFull}</span> },
              { term: t('iin'), value: <span className="font-mono">{d.applicantIin}</span> },
            ]}
          />
        </Card>
        <Card title={t('dwellingTitle')}>
          <DescriptionList
            items={[
              { term: t('address'), value: <span data-testid="consent-address">{d.address}</span> },
              { term: t('cadastral'), value: <span className="font-mono">{d.cadastralNumber}</span> },
              { term: t('share'), value: d.share },
            ]}
          />
        </Card>
      </div>
      <Card title={t('serviceTitle')}>
        <DescriptionList
          items={[
            { term: t('service'), value: service },
            ...(period ? [{ term: t('period'), value: period }] : []),
            { term: t('requestedAt'), value: at(consent.requestedAt) },
            { term: t('expiresAt'), value: at(consent.expiresAt) },
          ]}
        />
      </Card>
      {open ? (
        <Card title={t('answerTitle')}>
          <div className="grid gap-8 lg:grid-cols-2">
            <section className="flex flex-col gap-4" aria-labelledby="consent-give">
              <h3 id="consent-give" className="text-lg font-semibold">
                {t('consentTitle')}
              </h3>
              <p>{t('consentText')}</p>
              <blockquote className="border-l-4 border-brand-500 bg-brand-50 p-4" data-testid="consent-statement">
                {d.statement}
              </blockquote>
              <div>
                <SignDialog
                  document={d.document}
                  summary={[
                    { term: t('number'), value: c.app.number },
                    { term: t('statementTerm'), value: d.statement },
                  ]}
                  signer={{ iin: actor.iin }}
                  action={consentAction}
                  fields={{ consentId: consent.id, version: String(consent.version), locale }}
                  title={t('signTitle')}
                  openLabel={t('consentSign')}
                />
              </div>
            </section>
            <ConsentDeclineForm consentId={consent.id} version={consent.version} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
