import type { Metadata } from 'next';
import Image from 'next/image';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, DescriptionList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { ApplicationTimeline } from '@/components/applications/application-timeline';
import { SignDialog } from '@/components/eds/sign-dialog';
import { AnnulForm } from '@/components/id-card/annul-form';
import { GbdPhoto } from '@/components/vehicle/gbd-photo';
import type { Locale } from '@/i18n/routing';
import { timelineOf } from '@/lib/applications/timeline';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { approveAction } from '@/lib/id-card/actions';
import { PHOTO_RULES } from '@/lib/id-card/photo';
import {
  approvalDocumentFor,
  dutyPaymentsOf,
  feeExemptionsOf,
  gbdPersonOf,
  recordViewOf,
  reviewerApplicationFor,
} from '@/lib/id-card/queries';
import { registrationPointRows } from '@/lib/reference/queries';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'IdCard' });
  return { title: t('applicationTitle') };
}

/** The reviewer's view (order 002 step 18): the fields, new photo and signature beside GBD FL's, checks, fee. */
export default async function UmsApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ decided?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('ums');
  const app = await reviewerApplicationFor(actor, grant, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  await recordViewOf(actor, grant, app);
  const c = app.card;
  const tp = await getTranslations('Payments');
  const [t, ts, events, person, [point], duty, [exemption], sp] = await Promise.all([
    getTranslations('IdCard'),
    getTranslations('Status'),
    timelineOf(app.id),
    gbdPersonOf(c.iin, app.id),
    c.registrationPointId ? registrationPointRows(c.registrationPointId) : Promise.resolve([]),
    dutyPaymentsOf(app.id),
    c.exemptStatus ? feeExemptionsOf(c.exemptStatus) : Promise.resolve([]),
    searchParams,
  ]);
  // The paid invoice when there is one (a declined attempt may come first).
  const payment = duty.find((p) => p.status === 'paid') ?? duty.at(-1);
  const names = person ? (locale === 'kk' ? person.names.kk : person.names.ru) : null;
  const document = app.status === 'under_review' ? await approvalDocumentFor(app, actor.iin) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span className="font-mono">
            {app.number}
            {c.rpDrnTicket ? ` · ${c.rpDrnTicket}` : ''}
          </span>
        }
        title={t('reviewTitle')}
        actions={<StatusBadge tone={statusTone(app.status)}>{ts(app.status as never)}</StatusBadge>}
      />
      {sp.decided ? <Notice tone="success" title={t('decided')} /> : null}
      <Card title={t('photoCompareTitle')}>
        <div className="grid grid-cols-2 gap-4 sm:gap-6 xl:grid-cols-[15rem_15rem_1fr]" data-testid="photo-compare">
          <figure className="flex max-w-60 flex-col gap-2 [&_svg]:h-auto [&_svg]:w-full">
            <figcaption className="font-semibold">{t('gbdPhoto')}</figcaption>
            {person ? (
              <GbdPhoto seed={person.photoSeed} label={t('gbdPhoto')} width={240} />
            ) : (
              <p className="flex aspect-[3/4] w-full items-center justify-center rounded border border-dashed border-line p-4 text-center text-ink-muted">
                {t('gbdPhotoMissing')}
              </p>
            )}
          </figure>
          <figure className="flex max-w-60 flex-col gap-2 [&_svg]:h-auto [&_svg]:w-full">
            <figcaption className="font-semibold">{t('newPhoto')}</figcaption>
            {c.photoFileId ? (
              <Image
                unoptimized
                src={`/api/files/${c.photoFileId}`}
                alt={t('photoAlt')}
                width={240}
                height={320}
                className="aspect-[3/4] h-auto w-full rounded border border-line object-cover"
                data-testid="review-photo"
              />
            ) : (
              <p className="flex aspect-[3/4] w-full items-center justify-center rounded border border-dashed border-line p-4 text-center text-ink-muted">
                {t('newPhotoMissing')}
              </p>
            )}
          </figure>
          <section aria-labelledby="photo-rules" className="col-span-2 xl:col-span-1">
            <h3 id="photo-rules" className="mb-2 font-semibold">
              {t('photoRulesLabel')}
            </h3>
            <ul className="list-disc pl-5 text-sm" data-testid="photo-rules">
              <li>{t('photoRule1', { kb: PHOTO_RULES.maxBytes / 1024, w: PHOTO_RULES.minWidth, h: PHOTO_RULES.minHeight })}</li>
              <li>{t('photoRule2')}</li>
              <li>{t('photoRule3')}</li>
            </ul>
            <p className="mt-3 text-sm">
              {t('faceMatch')}: {c.faceMatched ? t('faceMatched') : '—'}
            </p>
          </section>
        </div>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('gbdTitle')}>
          <DescriptionList
            items={[
              { term: t('holder'), value: names ? [names.surname, names.givenName, names.patronymic].filter(Boolean).join(' ') : '—' },
              { term: t('iin'), value: <span className="font-mono">{c.iin}</span> },
              { term: t('currentCard'), value: `${c.currentCardNumber} · ${c.currentCardIssuedOn} – ${c.currentCardExpiresOn}` },
            ]}
          />
        </Card>
        <Card title={t('signatureSample')}>
          {c.signatureFileId ? (
            <Image
              unoptimized
              src={`/api/files/${c.signatureFileId}`}
              alt={t('signatureAlt')}
              width={300}
              height={100}
              className="rounded border border-line bg-white"
            />
          ) : (
            <p className="text-ink-muted">—</p>
          )}
          <p className="mt-3 text-sm text-ink-muted">{t('signatureRule')}</p>
        </Card>
      </div>
      <Card title={t('formTitle')}>
        <DescriptionList
          items={[
            { term: t('point'), value: point ? (locale === 'kk' ? point.nameKk : point.nameRu) : '—' },
            { term: t('phone'), value: c.phone ?? '—' },
            { term: t('email'), value: c.email ?? '—' },
            {
              term: t('feeColumn'),
              value: exemption
                ? `${t('exemptShort')}: ${locale === 'kk' ? exemption.nameKk : exemption.nameRu}`
                : payment
                  ? `${formatMoney(payment.amountTiyn, locale)} · ${tp(`status.${payment.status}`)}`
                  : '—',
            },
          ]}
        />
      </Card>
      {document ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t('approveTitle')}>
            <p className="mb-4 text-ink-muted">{t('approveText')}</p>
            <SignDialog
              document={document}
              signer={{ iin: actor.iin }}
              action={approveAction}
              fields={{ id: app.id, version: String(app.version), locale }}
              summary={[
                { term: t('applicationTitle'), value: app.number },
                { term: t('decision'), value: t('approve') },
              ]}
              title={t('approveTitle')}
              openLabel={t('approve')}
            />
          </Card>
          <Card title={t('annulTitle')}>
            <AnnulForm id={app.id} version={app.version} />
          </Card>
        </div>
      ) : null}
      <Card title={t('timelineTitle')}>
        <ApplicationTimeline events={events} pilot="IdCard" />
      </Card>
    </div>
  );
}
