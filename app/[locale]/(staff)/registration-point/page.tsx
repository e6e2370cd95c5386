import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, EmptyState, StatusBadge } from '@/components/ui';
import { SealedSearchForm } from '@/components/search/sealed-search-form';
import { QueuePage } from '@/components/areas/queue-page';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { searchQueryOf } from '@/lib/http/search-query';
import { findAtPointFor } from '@/lib/id-card/queries';
import { maskIin } from '@/lib/kz/iin';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'IdCard' });
  return { title: t('pointSearchTitle') };
}

/** The registration point (order 002 step 19): find the application by ticket or IIN; the queue of ready cards. */
export default async function RegistrationPointPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ after?: string; s?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { grant } = await requireArea('registration-point');
  // The ticket number or IIN comes back as a sealed token (`?s=`), never in the address (components/search).
  const { after, s } = await searchParams;
  const query = searchQueryOf(s).trim().slice(0, 40);
  const t = await getTranslations('IdCard');
  const [ts, found] = await Promise.all([getTranslations('Status'), query ? findAtPointFor(grant, query) : Promise.resolve(null)]);
  return (
    <QueuePage
      area="registration-point"
      grant={grant}
      pilot="id_card"
      scope={{ registrationPointId: grant.registrationPointId }}
      order="oldest"
      statuses={['ready_for_pickup']}
      after={after}
    >
      <Card title={t('pointSearchTitle')}>
        <SealedSearchForm
          search="registrationPoint"
          locale={locale}
          label={t('pointSearch')}
          hint={t('pointSearchHint')}
          submit={t('find')}
          defaultValue={query}
          ariaLabel={t('pointSearchTitle')}
          width="md"
        />
        {found ? (
          found.length === 0 ? (
            <div className="mt-4">
              <EmptyState title={t('notFoundAtPoint')} />
            </div>
          ) : (
            <ul className="mt-4 flex flex-col gap-2" data-testid="point-results">
              {found.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-3">
                  <Link href={`/registration-point/id-card/${r.id}`} className="font-mono font-semibold">
                    {r.number}
                  </Link>
                  <span className="font-mono">{r.ticket}</span>
                  <span className="font-mono">{maskIin(r.iin)}</span>
                  <StatusBadge tone={statusTone(r.status)}>{ts(r.status as never)}</StatusBadge>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </Card>
    </QueuePage>
  );
}
