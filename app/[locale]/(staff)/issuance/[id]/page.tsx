import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { IssueForm } from '@/components/vehicle/issue-form';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { issuanceApplicationFor } from '@/lib/vehicle-registration/queries';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Vehicle' });
  return { title: t('deskTitle') };
}

/**
 * At the desk (order 000 p.9–10): what is to be handed over, and the hand-over. Who the buyer is (IIN, name, GBD FL
 * photo) shows only once the document presented has been checked against GBD FL (components/identity).
 */
export default async function IssuanceApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ ticket?: string; issued?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('issuance');
  const app = await issuanceApplicationFor(actor, grant, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const [t, ts, sp] = await Promise.all([getTranslations('Vehicle'), getTranslations('Status'), searchParams]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span className="font-mono">
            {app.number}
            {sp.ticket ? ` · ${sp.ticket}` : ''}
          </span>
        }
        title={t('deskTitle')}
        actions={<StatusBadge tone={statusTone(app.status)}>{ts(app.status as never)}</StatusBadge>}
      />
      {sp.issued ? <Notice tone="success" title={t('issuedAtDesk')} /> : null}
      <Card title={t('documentsToHand')}>
        <DescriptionList
          items={[
            { term: t('vin'), value: <span className="font-mono">{app.vin}</span> },
            { term: t('makeModel'), value: app.vehicle ? `${app.vehicle.make} ${app.vehicle.model}` : '—' },
            { term: t('plate'), value: <span className="font-mono text-lg font-bold">{app.plateNumber ?? '—'}</span> },
            { term: t('srtsNumber'), value: <span className="font-mono">{app.srtsNumber ?? '—'}</span> },
            ...(app.srtsBlankSerial ? [{ term: t('srtsBlankSerial'), value: app.srtsBlankSerial }] : []),
          ]}
        />
      </Card>
      {app.status === 'ready_for_pickup' ? (
        <Card title={t('handOver')}>
          <IssueForm id={app.id} version={app.version} />
        </Card>
      ) : null}
      <div>
        <ButtonLink variant="secondary" href={getPathname({ href: '/issuance', locale })}>
          {t('backToQueue')}
        </ButtonLink>
      </div>
    </div>
  );
}
