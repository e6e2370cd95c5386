import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, DataTable, EmptyState, PageHeader, SelectField, TextField } from '@/components/ui';
import { ApplicationStatus } from '@/components/site/application-status';
import { ScopeLabel } from '@/components/site/scope-label';
import { getPathname, Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { decodeCursor, encodeCursor } from '@/lib/applications/cursor';
import { pilotStatuses } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { maskIin } from '@/lib/kz/iin';
import { listDealerRegistrations } from '@/lib/vehicle-registration/queries';

const PAGE = 25;

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Areas' });
  return { title: t('dealer.title') };
}

/** The dealer's "Vehicle registrations": filter by status, find by VIN or number, newest first, keyset pages. */
export default async function DealerPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ after?: string; status?: string; q?: string }>;
}) {
  setRequestLocale((await params).locale);
  const { grant } = await requireArea('dealer');
  const sp = await searchParams;
  const status = (pilotStatuses.vehicle as readonly string[]).includes(sp.status ?? '') ? sp.status! : '';
  const q = (sp.q ?? '').trim().slice(0, 32);
  const cursor = decodeCursor(sp.after);
  const [t, ta, tc, ts, tn, format, locale, page] = await Promise.all([
    getTranslations('Vehicle'),
    getTranslations('Areas'),
    getTranslations('Common'),
    getTranslations('Status'),
    getTranslations('NextSteps'),
    getFormatter(),
    getLocale(),
    listDealerRegistrations({
      dealerBin: grant.dealerBin!,
      statuses: status ? [status] : undefined,
      search: q || undefined,
      limit: PAGE,
      after: cursor,
    }),
  ]);
  const base = getPathname({ href: '/dealer', locale });
  const keep = new URLSearchParams({ ...(status ? { status } : {}), ...(q ? { q } : {}) });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={ta('dealer.title')}
        lead={ta('dealer.lead')}
        actions={
          <ButtonLink href={getPathname({ href: '/dealer/vehicle-registrations/new', locale })} data-testid="new-registration">
            {t('newRegistration')}
          </ButtonLink>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={t('filterLabel')}>
        <SelectField
          name="status"
          label={ta('status')}
          width="md"
          defaultValue={status}
          options={[{ value: '', label: tc('all') }, ...pilotStatuses.vehicle.map((s) => ({ value: s, label: ts(s) }))]}
        />
        <TextField name="q" label={t('searchLabel')} hint={t('searchHint')} width="md" defaultValue={q} autoComplete="off" />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {tc('search')}
        </button>
      </form>
      <DataTable
        caption={ta('dealer.queue')}
        columns={[
          {
            key: 'number',
            header: ta('number'),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/dealer/vehicle-registrations/${r.id}`} className="font-mono font-semibold">
                {r.number}
              </Link>
            ),
          },
          {
            key: 'vehicle',
            header: t('vehicle'),
            cell: (r) => (
              <span>
                <span className="font-mono">{r.vin}</span>
                {r.vehicle ? (
                  <span className="block text-sm text-ink-muted">
                    {r.vehicle.make} {r.vehicle.model}
                  </span>
                ) : null}
              </span>
            ),
          },
          { key: 'buyer', header: t('buyer'), cell: (r) => (r.buyerIin ? <span className="font-mono">{maskIin(r.buyerIin)}</span> : '—') },
          {
            key: 'status',
            header: ta('status'),
            cell: (r) => <ApplicationStatus pilot="vehicle" state={r.status} viewer="party" />,
          },
          { key: 'created', header: ta('created'), cell: (r) => format.dateTime(r.createdAt, 'stamp') },
        ]}
        rows={page.rows}
        rowKey={(r) => r.id}
        emptyState={
          // A search or filter that finds nothing says so, and how to see everything again.
          status || q ? (
            <EmptyState
              title={tn('searchEmptyTitle')}
              description={q ? tn('searchEmptyQuery', { q }) : tn('searchEmptyFilter', { status: ts(status as never) })}
              action={
                <Link href="/dealer" className="font-semibold text-brand-700 underline">
                  {tn('searchShowAll')}
                </Link>
              }
            />
          ) : (
            <EmptyState title={ta('emptyTitle')} description={ta('dealer.empty')} />
          )
        }
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={page.next ? `${base}?${new URLSearchParams({ ...Object.fromEntries(keep), after: encodeCursor(page.next) })}` : undefined}
        prevHref={cursor ? `${base}${keep.size ? `?${keep}` : ''}` : undefined}
      />
    </div>
  );
}
