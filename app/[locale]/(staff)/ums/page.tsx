import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, DataTable, DateField, EmptyState, PageHeader, SelectField, StatusBadge, TextField } from '@/components/ui';
import { ScopeLabel } from '@/components/site/scope-label';
import { getPathname, Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { decodeCursor, encodeCursor } from '@/lib/applications/cursor';
import { statusTone } from '@/lib/applications/statuses';
import { isLocalDate, localDayStart } from '@/lib/calendar/local';
import { requireArea } from '@/lib/auth/guards';
import { ageHours, umsCountsOf, umsQueueOf } from '@/lib/id-card/queries';
import { maskIin } from '@/lib/kz/iin';
import { registrationPointsOf } from '@/lib/reference/queries';

const PAGE = 25;
const QUEUE_STATUSES = [
  'under_review',
  'awaiting_payment',
  'submitted',
  'approved',
  'in_production',
  'ready_for_pickup',
  'issued',
  'annulled',
] as const;

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Areas' });
  return { title: t('ums.title') };
}

/** The UMS DP dashboard (order 002 step 17): the region's queue, oldest first, with filters and counts. */
export default async function UmsDashboard({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ after?: string; status?: string; point?: string; from?: string; to?: string; ticket?: string }>;
}) {
  setRequestLocale((await params).locale);
  const { grant } = await requireArea('ums');
  const sp = await searchParams;
  const status = (QUEUE_STATUSES as readonly string[]).includes(sp.status ?? '') ? sp.status! : 'under_review';
  const point = Number(sp.point) || undefined;
  const date = (s?: string) => (s && isLocalDate(s) ? localDayStart(s) : undefined);
  const ticket = (sp.ticket ?? '').trim().toUpperCase().slice(0, 40) || undefined;
  const cursor = decodeCursor(sp.after);
  const t = await getTranslations('IdCard');
  const [ta, tc, ts, format, locale, page, counts, points] = await Promise.all([
    getTranslations('Areas'),
    getTranslations('Common'),
    getTranslations('Status'),
    getFormatter(),
    getLocale(),
    umsQueueOf({
      regionCode: grant.regionCode!,
      statuses: ticket ? QUEUE_STATUSES : [status],
      registrationPointId: point,
      from: date(sp.from),
      to: date(sp.to),
      ticket,
      limit: PAGE,
      after: cursor,
    }),
    umsCountsOf(grant.regionCode!),
    registrationPointsOf(grant.regionCode!),
  ]);
  const base = getPathname({ href: '/ums', locale });
  const keep = Object.fromEntries(
    Object.entries({ status, point: sp.point, from: sp.from, to: sp.to, ticket }).filter(([, v]) => v),
  ) as Record<string, string>;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={ta('ums.title')}
        lead={ta('ums.lead')}
      />
      <Card title={ta('countsTitle')}>
        {counts.length === 0 ? (
          <p className="text-ink-muted">{ta('noApplicationsYet')}</p>
        ) : (
          <ul className="flex flex-wrap gap-3">
            {counts.map((c) => (
              <li key={c.status}>
                <StatusBadge tone={statusTone(c.status)}>
                  {ts(c.status as never)}: {format.number(c.n)}
                </StatusBadge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={t('filters')}>
        <SelectField
          name="status"
          label={ta('status')}
          width="md"
          defaultValue={status}
          options={QUEUE_STATUSES.map((s) => ({ value: s, label: ts(s) }))}
        />
        <SelectField
          name="point"
          label={t('point')}
          width="md"
          defaultValue={sp.point ?? ''}
          options={[
            { value: '', label: tc('all') },
            ...points.map((p) => ({ value: String(p.id), label: locale === 'kk' ? p.nameKk : p.nameRu })),
          ]}
        />
        <DateField name="from" label={t('from')} width="sm" defaultValue={sp.from ?? ''} />
        <DateField name="to" label={t('to')} width="sm" defaultValue={sp.to ?? ''} />
        <TextField name="ticket" label={t('ticketSearch')} width="sm" defaultValue={ticket ?? ''} autoComplete="off" />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {tc('filter')}
        </button>
      </form>
      <DataTable
        caption={ta('ums.queue')}
        columns={[
          {
            key: 'number',
            header: ta('number'),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/ums/id-card/${r.id}`} className="font-mono font-semibold">
                {r.number}
              </Link>
            ),
          },
          { key: 'ticket', header: t('ticketColumn'), cell: (r) => <span className="font-mono">{r.ticket ?? '—'}</span> },
          { key: 'applicant', header: ta('applicant'), cell: (r) => <span className="font-mono">{maskIin(r.iin)}</span> },
          {
            key: 'status',
            header: ta('status'),
            cell: (r) => <StatusBadge tone={statusTone(r.status)}>{ts(r.status as never)}</StatusBadge>,
          },
          { key: 'fee', header: t('feeColumn'), cell: (r) => (r.exemptStatus ? t('exemptShort') : t('paidShort')) },
          { key: 'age', header: t('age'), cell: (r) => t('ageHours', { hours: ageHours(r.submittedAt ?? r.createdAt) }) },
        ]}
        rows={page.rows}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={ta('emptyTitle')} description={ta('ums.empty')} />}
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={page.next ? `${base}?${new URLSearchParams({ ...keep, after: encodeCursor(page.next) })}` : undefined}
        prevHref={cursor ? `${base}?${new URLSearchParams(keep)}` : undefined}
      />
    </div>
  );
}
