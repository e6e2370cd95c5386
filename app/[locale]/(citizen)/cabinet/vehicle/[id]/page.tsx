import type { Metadata } from 'next';
import { DeadlineNotice } from '@/components/applications/deadline-notice';
import { applicationDeadline } from '@/lib/ops/deadlines';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, DataTable, DescriptionList, Notice, PageHeader, StepIndicator } from '@/components/ui';
import { SignDialog } from '@/components/eds/sign-dialog';
import { VerifyQr } from '@/components/eds/verify-qr';
import { ApplicationTimeline } from '@/components/applications/application-timeline';
import { DetailsForm } from '@/components/vehicle/details-form';
import { OfferDecision } from '@/components/vehicle/offer-decision';
import { PayButton } from '@/components/payments/pay-button';
import { ReceiptLinks } from '@/components/payments/receipt-links';
import { VersionButton } from '@/components/vehicle/version-button';
import { DocumentPrintBar } from '@/components/print/document-print-bar';
import type { Locale } from '@/i18n/routing';
import { ApplicationStatus } from '@/components/site/application-status';
import { isDemoMode } from '@/lib/auth/config';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { returnedPaymentOf } from '@/lib/payments/queries';
import { mayPayAgain, paymentWord } from '@/lib/payments/status-words';
import { publicOrigin } from '@/lib/http/origin';
import {
  changeDetailsAction,
  payFeesAction,
  payFinesInSimulatorAction,
  recheckFinesAction,
  signAsBuyerAction,
} from '@/lib/vehicle-registration/actions';
import type { Fine } from '@/lib/registries/erap/port';
import type { VehicleState } from '@/lib/vehicle-registration/machine';
import { buyerStepStates, buyerSteps } from '@/lib/vehicle-registration/buyer-steps';
import {
  buyerApplicationFor,
  buyerDocumentFor,
  detailsOptionsFor,
  feeBillFor,
  pickupCentreOf,
  plateTypeNameOf,
} from '@/lib/vehicle-registration/queries';
import { signatureCodesOf, timelineOf } from '@/lib/applications/timeline';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Vehicle' });
  return { title: t('buyerPageTitle') };
}

/** The buyer's part (order 000 steps 10–19): one page that shows the step the application is at. */
export default async function BuyerApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ signed?: string; payment?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const app = await buyerApplicationFor(actor, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const state = app.status as VehicleState;
  const [t, ts, tc, te, format, events, codes, centre, plateType, sp] = await Promise.all([
    getTranslations('Vehicle'),
    getTranslations('Status'),
    getTranslations('Common'),
    getTranslations('Errors'),
    getFormatter(),
    timelineOf(app.id),
    signatureCodesOf(app.id),
    pickupCentreOf(app.pickupCentreId),
    plateTypeNameOf(app.plateType),
    searchParams,
  ]);
  const origin = await publicOrigin();
  const tn = await getTranslations('NextSteps');
  const returned = sp.payment ? await returnedPaymentOf(actor.iin, sp.payment) : null;
  const returnedWord = returned ? paymentWord(returned.status, returned.failedOutcome) : undefined;
  const name = (c: { nameKk: string; nameRu: string } | null) => (c ? (locale === 'kk' ? c.nameKk : c.nameRu) : '—');
  const offer = [
    { term: t('dealer'), value: locale === 'kk' ? app.dealerNameKk : app.dealerNameRu },
    { term: t('vin'), value: app.vin },
    ...(app.vehicle
      ? [
          { term: t('makeModel'), value: `${app.vehicle.make} ${app.vehicle.model}, ${app.vehicle.year}` },
          { term: t('colour'), value: locale === 'kk' ? app.vehicle.colourKk : app.vehicle.colourRu },
        ]
      : []),
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
    ...(centre ? [{ term: t('centre'), value: `${name(centre)}, ${locale === 'kk' ? centre.addressKk : centre.addressRu}` }] : []),
    ...(plateType ? [{ term: t('plateType'), value: name(plateType) }] : []),
    ...(app.phone ? [{ term: t('phone'), value: app.phone }] : []),
  ];
  const steps = buyerStepStates(state);
  const bill = ['awaiting_payment', 'awaiting_buyer_signature'].includes(state) && app.plateType ? await feeBillFor(app.plateType) : null;
  const options = state === 'buyer_filling' ? await detailsOptionsFor(app.id, actor.iin) : null;
  const buyerDoc = state === 'awaiting_buyer_signature' ? await buyerDocumentFor(app) : null;
  const buyerCode = codes.find((c) => c.partyRole === 'buyer');
  // Step 14: the fines the application waits for; older refusals kept them with the refusal.
  const fines = state === 'awaiting_fines_payment' ? app.unpaidFines : (app.refusalParams as { fines?: Fine[] } | null)?.fines;
  const finesList = fines?.length ? (
    <ul className="mt-2 list-disc pl-5" data-testid="fines">
      {fines.map((f) => (
        <li key={f.id}>
          {locale === 'kk' ? f.articleKk : f.articleRu} — {formatMoney(f.amountTiyn, locale)} (
          {format.dateTime(new Date(f.issuedOn), 'short')}, № {f.id})
        </li>
      ))}
    </ul>
  ) : null;
  return (
    <div className="flex flex-col gap-6">
      <DocumentPrintBar locale={locale} />
      <PageHeader
        eyebrow={<span className="font-mono">{app.number}</span>}
        title={t('buyerPageTitle')}
        lead={t('buyerPageLead')}
        actions={<ApplicationStatus pilot="vehicle" state={app.status} viewer="applicant" />}
      />
      {steps ? (
        <StepIndicator
          ariaLabel={t('stepsLabel')}
          labels={{ done: tc('stepDone'), current: tc('stepCurrent'), todo: tc('stepTodo') }}
          steps={buyerSteps.map((s, i) => ({ label: t(`buyerSteps.${s}`), state: steps[i]! }))}
        />
      ) : null}
      <DeadlineNotice deadline={applicationDeadline({ pilot: 'vehicle', status: app.status, buyerExpiresAt: app.expiresAt })} />
      {/* Back from the gateway: "being checked" only while the payment is open; a cancel or decline says so. */}
      {returned && state === 'awaiting_payment' ? (
        returnedWord === 'pending' ? (
          <Notice tone="info" title={t('paymentPending')}>
            {t('paymentPendingText')}
          </Notice>
        ) : returnedWord && mayPayAgain(returnedWord) ? (
          <Notice tone={returnedWord === 'declined' ? 'error' : 'warning'} title={tn(`paymentReturned.${returnedWord}`)}>
            {tn('vehiclePayAgain')}
          </Notice>
        ) : null
      ) : null}
      {state === 'refused' ? (
        <Notice tone="error" title={t('refusedTitle')}>
          <p>{te((app.refusalCode ?? 'unexpected') as never)}</p>
          {finesList}
        </Notice>
      ) : null}
      {state === 'awaiting_fines_payment' ? (
        <Notice tone="warning" title={te('vehicle_unpaid_fines')}>
          {finesList}
          {fines?.length ? (
            <p className="mt-2 font-semibold" data-testid="fines-total">
              {t('finesTotal', {
                total: formatMoney(
                  fines.reduce((sum, f) => sum + f.amountTiyn, 0),
                  locale,
                ),
              })}
            </p>
          ) : null}
          <p className="mt-2">{t('finesHowToPay')}</p>
          {app.expiresAt ? <p className="mt-2">{t('finesUntil', { date: format.dateTime(app.expiresAt, 'stamp') })}</p> : null}
          <div className="mt-3 flex flex-wrap gap-3">
            {isDemoMode() ? (
              <VersionButton
                action={payFinesInSimulatorAction}
                id={app.id}
                version={app.version}
                label={t('finesPayDemo')}
                pendingLabel={t('working')}
              />
            ) : null}
            <VersionButton
              action={recheckFinesAction}
              id={app.id}
              version={app.version}
              label={t('finesRecheck')}
              pendingLabel={t('checking')}
              variant="primary"
            />
          </div>
        </Notice>
      ) : null}
      {state === 'ready_for_pickup' || state === 'issued' ? (
        <Notice tone="success" title={state === 'issued' ? t('issuedTitle') : t('readyTitle')}>
          {/* After the hand-over nothing is left to collect: the registration is in Digital documents. */}
          {state === 'issued'
            ? tn('vehicleIssuedText', { plate: app.plateNumber ?? '—', number: app.number })
            : t('readyText', { centre: name(centre), plate: app.plateNumber ?? '—', number: app.number })}
        </Notice>
      ) : null}
      {state === 'processing' ? (
        <Notice tone="info" title={t('processingTitle')}>
          {t('processingText')}
        </Notice>
      ) : null}
      {sp.signed && buyerCode ? (
        <Notice tone="success" title={t('buyerSigned')}>
          {/* The buyer's own next step, not the dealer's "the buyer will receive a notification". */}
          {tn('vehicleBuyerSignedText', { code: buyerCode.verifyCode })}
        </Notice>
      ) : null}
      {['declined_by_buyer', 'cancelled_by_dealer', 'expired'].includes(state) ? (
        <Notice tone="warning" title={ts(app.status as never)} />
      ) : null}

      {state === 'issued' && buyerCode ? (
        <Card title={t('srtsTitle')}>
          <div className="flex flex-col gap-6 md:flex-row" data-testid="srts">
            <DescriptionList
              className="flex-1"
              items={[
                { term: t('srtsNumber'), value: <span className="font-mono">{app.srtsNumber}</span> },
                { term: t('plate'), value: <span className="font-mono text-lg font-bold">{app.plateNumber}</span> },
                { term: t('vin'), value: <span className="font-mono">{app.vin}</span> },
                { term: t('makeModel'), value: app.vehicle ? `${app.vehicle.make} ${app.vehicle.model}, ${app.vehicle.year}` : '—' },
                {
                  term: t('owner'),
                  value: `${[actor.surname, actor.givenName, actor.patronymic].filter(Boolean).join(' ')} · ${actor.iin}`,
                },
                { term: t('issuedOn'), value: app.issuedAt ? format.dateTime(app.issuedAt, 'stamp') : '—' },
              ]}
            />
            <VerifyQr
              url={`${origin}/${locale}/verify?number=${app.number}&code=${buyerCode.verifyCode}`}
              label={t('srtsQr', { number: app.number })}
            />
          </div>
        </Card>
      ) : null}
      <Card title={t('offerTitle')}>
        <DescriptionList items={offer} />
      </Card>

      {state === 'awaiting_buyer' ? (
        <Card>
          <OfferDecision id={app.id} version={app.version} />
        </Card>
      ) : null}
      {options ? (
        <Card title={t('detailsTitle')}>
          <DetailsForm
            id={app.id}
            version={app.version}
            homeRegion={options.homeRegion ? name(options.homeRegion) : null}
            home={options.home.map((c) => ({
              id: c.id,
              name: name(c),
              address: locale === 'kk' ? c.addressKk : c.addressRu,
              hours: locale === 'kk' ? c.hoursKk : c.hoursRu,
            }))}
            others={options.others.map((c) => ({
              id: c.id,
              name: name(c),
              address: locale === 'kk' ? c.addressKk : c.addressRu,
              hours: locale === 'kk' ? c.hoursKk : c.hoursRu,
              region: name(c.region),
            }))}
            plates={options.plates.map((p) => ({ code: p.code, name: name(p) }))}
            bmgPhone={options.phone}
          />
        </Card>
      ) : null}
      {bill ? (
        <Card title={t('feesTitle')}>
          <DataTable
            caption={t('feesTitle')}
            captionHidden
            rowKey={(l) => l.code}
            rows={bill.lines}
            emptyState={null}
            columns={[
              { key: 'fee', header: t('fee'), rowHeader: true, cell: (l) => name(l.fee) },
              { key: 'mrp', header: t('feeMrp'), cell: (l) => format.number(l.mrpMilli / 1000) },
              { key: 'amount', header: t('feeAmount'), cell: (l) => formatMoney(l.amountTiyn, locale) },
            ]}
          />
          <p className="mt-3 font-semibold" data-testid="fees-total">
            {t('feesTotal', { total: formatMoney(bill.totalTiyn, locale), mrp: formatMoney(bill.mrpTenge * 100, locale), year: bill.year })}
          </p>
          {state === 'awaiting_payment' ? (
            <div className="mt-4 flex flex-wrap gap-3">
              <PayButton id={app.id} label={t('pay')} action={payFeesAction} />
              <VersionButton
                action={changeDetailsAction}
                id={app.id}
                version={app.version}
                label={t('changeDetails')}
                pendingLabel={t('working')}
              />
            </div>
          ) : null}
        </Card>
      ) : null}
      {buyerDoc ? (
        <Card title={t('buyerSignTitle')}>
          <p className="mb-4 text-ink-muted">{t('buyerSignText')}</p>
          <SignDialog
            document={buyerDoc}
            signer={{ iin: actor.iin }}
            action={signAsBuyerAction}
            fields={{ id: app.id, version: String(app.version), locale }}
            summary={[
              ...offer.map((o) => ({ term: o.term, value: String(o.value) })),
              { term: t('feesTitle'), value: bill ? formatMoney(bill.totalTiyn, locale) : '—' },
            ]}
            title={t('buyerSignTitle')}
            openLabel={t('signAsBuyer')}
          />
        </Card>
      ) : null}
      <ReceiptLinks applicationId={app.id} payerIin={actor.iin} locale={locale} />
      <Card title={t('timeline')}>
        <ApplicationTimeline events={events} pilot="Vehicle" />
      </Card>
    </div>
  );
}
