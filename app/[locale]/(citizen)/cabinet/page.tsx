import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, DataTable, EmptyState, PageHeader } from '@/components/ui';
import { ApplicationStatus } from '@/components/site/application-status';
import { getPathname, Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { decodeCursor, encodeCursor } from '@/lib/applications/cursor';
import { listForPerson } from '@/lib/applications/queries';
import { requireArea } from '@/lib/auth/guards';
import { openConsentCount } from '@/lib/residence/consent-queries';

/** Each pilot's page of an application in the cabinet. */
const cabinetPath = { vehicle: 'vehicle', id_card: 'id-card', machinery: 'machinery', residence: 'residence' } as const;

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Cabinet' });
  return { title: t('navLabel') };
}

export default async function CabinetPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ after?: string }>;
}) {
  setRequestLocale((await params).locale);
  const { actor } = await requireArea('cabinet');
  const cursor = decodeCursor((await searchParams).after);
  const [t, tc, tp, format, locale, tres, trc, consents] = await Promise.all([
    getTranslations('Cabinet'),
    getTranslations('Common'),
    getTranslations('Pilots'),
    getFormatter(),
    getLocale(),
    getTranslations('ResidenceStart'),
    getTranslations('ResidenceConsent.home'),
    openConsentCount(actor.iin),
  ]);
  const page = await listForPerson(actor.iin, 20, cursor);
  const base = getPathname({ href: '/cabinet', locale });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('title', { name: actor.givenName })}
        lead={t('lead')}
        actions={
          <ButtonLink href={getPathname({ href: '/services/residence', locale })} variant="secondary">
            {tres('serviceTitle')}
          </ButtonLink>
        }
      />
      {/* SPEC §6: requests for this person's consent as an owner (residence registration in their dwelling). */}
      <Card title={trc('title')} titleAs="h2" className={consents ? 'border-warning-800' : undefined}>
        <div className="flex flex-wrap items-center justify-between gap-3" data-testid="cabinet-consents">
          <p>{trc('open', { count: consents })}</p>
          <ButtonLink variant="secondary" href={getPathname({ href: '/cabinet/consents', locale })}>
            {trc('link')}
          </ButtonLink>
        </div>
      </Card>
      <DataTable
        caption={t('applicationsCaption')}
        columns={[
          {
            key: 'number',
            header: t('number'),
            rowHeader: true,
            cell: (r) =>
              r.pilot in cabinetPath ? (
                <Link href={`/cabinet/${cabinetPath[r.pilot as keyof typeof cabinetPath]}/${r.id}`} className="font-mono font-semibold">
                  {r.number}
                </Link>
              ) : (
                <span className="font-mono">{r.number}</span>
              ),
          },
          { key: 'service', header: t('service'), cell: (r) => tp(r.pilot) },
          {
            key: 'status',
            header: t('status'),
            // The reader's own words: "Action needed: …" or who acts now (a cabinet row is the applicant's).
            cell: (r) => <ApplicationStatus pilot={r.pilot} state={r.status} viewer="applicant" />,
          },
          { key: 'updated', header: t('updated'), cell: (r) => format.dateTime(r.updatedAt, 'stamp') },
        ]}
        rows={page.rows}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('noApplications')} description={t('noApplicationsText')} />}
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={page.next ? `${base}?after=${encodeCursor(page.next)}` : undefined}
        prevHref={cursor ? base : undefined}
      />
    </div>
  );
}
