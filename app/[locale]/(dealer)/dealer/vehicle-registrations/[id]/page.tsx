import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader } from '@/components/ui';
import { SignDialog } from '@/components/eds/sign-dialog';
import { ApplicationTimeline } from '@/components/applications/application-timeline';
import { DealerSteps } from '@/components/vehicle/dealer-steps';
import { VersionButton } from '@/components/vehicle/version-button';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { ApplicationStatus } from '@/components/site/application-status';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { cancelByDealerAction, reopenDraftAction, signAsSellerAction } from '@/lib/vehicle-registration/actions';
import { sellerDocumentOf } from '@/lib/vehicle-registration/dealer-service';
import { vehicleMachine, type VehicleState } from '@/lib/vehicle-registration/machine';
import { dealerApplicationFor } from '@/lib/vehicle-registration/queries';
import { dealerRefusalKey } from '@/lib/vehicle-registration/dealer-refusal';
import { signatureCodesOf, timelineOf } from '@/lib/applications/timeline';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Vehicle' });
  return { title: t('applicationTitle') };
}

/** One registration for the dealer: check your answers and sign (step 9), then its timeline; cancel until the buyer signs. */
export default async function DealerApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ signed?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('dealer');
  const app = await dealerApplicationFor(actor, grant, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const [t, tn, format, events, codes, signed] = await Promise.all([
    getTranslations('Vehicle'),
    getTranslations('NextSteps'),
    getFormatter(),
    timelineOf(app.id),
    signatureCodesOf(app.id),
    searchParams.then((s) => s.signed === '1'),
  ]);
  const state = app.status as VehicleState;
  const name = (n: { surname: string; givenName: string; patronymic: string | null } | null) =>
    n ? [n.surname, n.givenName, n.patronymic].filter(Boolean).join(' ') : '—';
  const buyerName = locale === 'kk' ? app.buyerNameKk : app.buyerNameRu;
  const answers = [
    { term: t('vin'), value: <span className="font-mono">{app.vin}</span> },
    ...(app.vehicle
      ? [
          { term: t('makeModel'), value: `${app.vehicle.make} ${app.vehicle.model}` },
          { term: t('yearCategory'), value: `${app.vehicle.year} · ${app.vehicle.category}` },
          { term: t('colour'), value: locale === 'kk' ? app.vehicle.colourKk : app.vehicle.colourRu },
          { term: t('engineBody'), value: `${app.vehicle.engine} · ${app.vehicle.bodyNumber}` },
          { term: t('mass'), value: t('massKg', { kg: app.vehicle.massKg }) },
        ]
      : []),
    ...(app.customsDeclaration ? [{ term: t('customsDeclaration'), value: app.customsDeclaration }] : []),
    ...(app.contract
      ? [
          {
            term: t('contract'),
            value: t('contractLine', {
              number: app.contract.number,
              date: format.dateTime(new Date(app.contract.signedOn), 'short'),
              price: formatMoney(app.contract.priceTiyn, locale),
            }),
          },
        ]
      : []),
    ...(app.buyerIin ? [{ term: t('buyer'), value: `${name(buyerName)} · ${app.buyerIin}` }] : []),
  ];
  const dealerCode = codes.find((c) => c.partyRole === 'dealer');
  const verifyHref = dealerCode ? `/${locale}/verify?number=${app.number}&code=${dealerCode.verifyCode}` : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={<span className="font-mono">{app.number}</span>}
        title={state === 'awaiting_seller_signature' ? t('checkAnswersTitle') : t('applicationTitle')}
        actions={<ApplicationStatus pilot="vehicle" state={app.status} viewer="party" />}
      />
      {['draft', 'awaiting_seller_signature'].includes(state) ? <DealerSteps current={state === 'draft' ? 'buyer' : 'sign'} /> : null}
      {signed && dealerCode ? (
        <Notice tone="success" title={t('sellerSigned')}>
          {t('sellerSignedText', { code: dealerCode.verifyCode })}
        </Notice>
      ) : null}
      {state === 'refused' ? (
        <Notice tone="error" title={t('refusedTitle')}>
          <p data-testid="dealer-refusal">{tn(`dealerRefusal.${dealerRefusalKey(app.refusalCode)}`)}</p>
          <p className="mt-1">{tn('dealerRefusalVinFree')}</p>
        </Notice>
      ) : null}
      {state === 'declined_by_buyer' ? (
        <Notice tone="warning" title={t('declinedByBuyer')}>
          {app.declineReason}
        </Notice>
      ) : null}
      {state === 'draft' ? (
        <ButtonLink href={getPathname({ href: `/dealer/vehicle-registrations/${app.id}/buyer`, locale })}>
          {t('continueToBuyer')}
        </ButtonLink>
      ) : null}
      <Card title={t('answersTitle')}>
        <DescriptionList items={answers} />
        {state === 'awaiting_seller_signature' ? (
          <div className="mt-5 flex flex-wrap items-start gap-4">
            <SignDialog
              document={sellerDocumentOf(app)}
              summary={answers
                .filter((a) => typeof a.value === 'string' || a.term === t('vin'))
                .map((a) => ({ term: a.term, value: a.term === t('vin') ? app.vin : String(a.value) }))}
              signer={{ iin: actor.iin, bin: app.dealerBin }}
              action={signAsSellerAction}
              fields={{ id: app.id, version: String(app.version), locale }}
              title={t('signAsSellerTitle')}
              openLabel={t('signAsSeller')}
            />
            <VersionButton
              action={reopenDraftAction}
              id={app.id}
              version={app.version}
              label={t('changeBuyer')}
              pendingLabel={t('working')}
            />
          </div>
        ) : null}
      </Card>
      {verifyHref ? (
        <p>
          <a href={verifyHref} className="font-medium">
            {t('verifySellerSignature')}
          </a>
        </p>
      ) : null}
      {vehicleMachine.can(state, 'cancel') ? (
        <VersionButton
          action={cancelByDealerAction}
          id={app.id}
          version={app.version}
          label={t('cancel')}
          pendingLabel={t('working')}
          variant="danger"
          confirm={t('cancelConfirm')}
        />
      ) : null}
      <Card title={t('timeline')}>
        <ApplicationTimeline events={events} pilot="Vehicle" />
      </Card>
    </div>
  );
}
