import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, Notice, PageHeader } from '@/components/ui';
import { AskConsentForm, StartForm } from '@/components/id-card/start-form';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { openRenewalFor, registeredRegionOf } from '@/lib/id-card/queries';
import { serviceCentresOf } from '@/lib/reference/queries';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'IdCard' });
  return { title: t('serviceTitle') };
}

/** The service page (order 002): who may renew online, what to prepare, how long it takes; consent and start. */
export default async function IdCardServicePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ consent?: string }>;
}) {
  const { locale } = await params;
  // The consent service's request the citizen is answering (askConsentAction); the services check it is theirs.
  const consentId = (await searchParams).consent;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const [t, open] = await Promise.all([getTranslations('IdCard'), openRenewalFor(actor.iin)]);
  // The nearest CONs for "go to a CON": those of the person's registered region (GBD FL), when it answers.
  // (Not asked when a renewal is already open: the page then only links to it.)
  const region = open ? null : await registeredRegionOf(actor.iin);
  const centres = region ? await serviceCentresOf(region, 3) : [];
  const goToCon = (
    <ul className="mt-1 list-disc pl-5">
      {centres.map((c) => (
        <li key={c.id}>
          {locale === 'kk' ? c.nameKk : c.nameRu}: {locale === 'kk' ? c.addressKk : c.addressRu} ({locale === 'kk' ? c.hoursKk : c.hoursRu})
        </li>
      ))}
    </ul>
  );
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('serviceTitle')} lead={t('serviceLead')} />
      <div className="grid gap-6 md:grid-cols-3">
        <Card title={t('whoTitle')} titleAs="h2">
          <p>{t('whoText')}</p>
        </Card>
        <Card title={t('prepareTitle')} titleAs="h2">
          <p>{t('prepareText')}</p>
        </Card>
        <Card title={t('howLongTitle')} titleAs="h2">
          <p>{t('howLongText')}</p>
        </Card>
      </div>
      {open ? (
        <Notice tone="info" title={t('alreadyStarted')}>
          <ButtonLink href={getPathname({ href: `/cabinet/id-card/${open.applicationId}`, locale })}>{t('openApplication')}</ButtonLink>
        </Notice>
      ) : (
        <Card title={t('startTitle')}>
          {consentId && /^[1-9][0-9]{0,9}$/.test(consentId) ? (
            <StartForm consentId={consentId} goToCon={goToCon} />
          ) : (
            <AskConsentForm goToCon={goToCon} />
          )}
        </Card>
      )}
    </div>
  );
}
