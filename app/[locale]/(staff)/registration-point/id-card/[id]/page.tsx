import Image from 'next/image';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { IssueCardForm } from '@/components/id-card/issue-card-form';
import { GbdPhoto } from '@/components/vehicle/gbd-photo';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { gbdPersonOf, officerApplicationFor, recordViewOf } from '@/lib/id-card/queries';

/** Step 19 at the desk: the person as GBD FL knows them beside the new photo; issue in person only. */
export default async function PointApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ issued?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('registration-point');
  const app = await officerApplicationFor(actor, grant, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  await recordViewOf(actor, grant, app);
  const [t, ts, person, sp] = await Promise.all([
    getTranslations('IdCard'),
    getTranslations('Status'),
    gbdPersonOf(app.card.iin),
    searchParams,
  ]);
  const names = person ? (locale === 'kk' ? person.names.kk : person.names.ru) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span className="font-mono">
            {app.number} · {app.card.rpDrnTicket}
          </span>
        }
        title={t('issueTitle')}
        actions={<StatusBadge tone={statusTone(app.status)}>{ts(app.status as never)}</StatusBadge>}
      />
      {sp.issued ? <Notice tone="success" title={t('issuedNotice')} /> : null}
      <Card title={t('gbdTitle')}>
        <div className="flex flex-wrap gap-6">
          {person ? <GbdPhoto seed={person.photoSeed} label={t('gbdPhoto')} /> : null}
          {app.card.photoFileId ? (
            <Image
              unoptimized
              src={`/api/files/${app.card.photoFileId}`}
              alt={t('photoAlt')}
              width={135}
              height={180}
              className="rounded border border-line"
            />
          ) : null}
          <DescriptionList
            items={[
              { term: t('holder'), value: names ? [names.surname, names.givenName, names.patronymic].filter(Boolean).join(' ') : '—' },
              { term: t('iin'), value: <span className="font-mono">{app.card.iin}</span> },
              { term: t('currentCard'), value: app.card.currentCardNumber },
              ...(app.card.newCardNumber ? [{ term: t('newCardNumber'), value: app.card.newCardNumber }] : []),
            ]}
          />
        </div>
      </Card>
      {app.status === 'ready_for_pickup' ? (
        <Card title={t('issueCard')}>
          <p className="mb-4 text-ink-muted">{t('inPersonOnly')}</p>
          <IssueCardForm id={app.id} version={app.version} />
        </Card>
      ) : null}
      <div>
        <ButtonLink variant="secondary" href={getPathname({ href: '/registration-point', locale })}>
          {t('backToQueue')}
        </ButtonLink>
      </div>
    </div>
  );
}
