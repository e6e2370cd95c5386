import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { IssueCardForm } from '@/components/id-card/issue-card-form';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { officerApplicationFor, recordViewOf } from '@/lib/id-card/queries';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'IdCard' });
  return { title: t('issueTitle') };
}

/**
 * Step 19 at the desk, in person only: who the applicant is (IIN, GBD FL photo) shows only once the document presented
 * has been checked against GBD FL (components/identity), then the new card's number.
 */
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
  const [t, ts, sp] = await Promise.all([getTranslations('IdCard'), getTranslations('Status'), searchParams]);
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
      {app.card.newCardNumber ? (
        <Card title={t('issueCard')}>
          <DescriptionList items={[{ term: t('newCardNumber'), value: app.card.newCardNumber }]} />
        </Card>
      ) : null}
      {app.status === 'ready_for_pickup' ? (
        <Card title={t('issueCard')}>
          <p className="mb-4 text-ink-muted">{t('inPersonOnly')}</p>
          <IssueCardForm
            id={app.id}
            version={app.version}
            photoSrc={app.card.photoFileId ? `/api/files/${app.card.photoFileId}` : undefined}
          />
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
