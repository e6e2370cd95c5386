import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, DataTable, DateField, EmptyState, Notice, PageHeader, SelectField, StatusBadge, TextField } from '@/components/ui';
import { ScopeLabel } from '@/components/site/scope-label';
import { getPathname, Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { decodeCursor, encodeCursor } from '@/lib/applications/cursor';
import { statusTone } from '@/lib/applications/statuses';
import { addDays, workingTimeLeft } from '@/lib/calendar/deadline';
import { localDayStart } from '@/lib/calendar/local';
import { requireArea } from '@/lib/auth/guards';
import { ageHours, umsCountsOf, umsQueueOf } from '@/lib/id-card/queries';
import { hasFilterErrors, parseQueueFilters, QUEUE_SORTS, QUEUE_STATUSES, type QueueFilterError } from '@/lib/id-card/queue-filters';
import { maskIin } from '@/lib/kz/iin';
import { registrationPointsOf } from '@/lib/reference/queries';

const PAGE = 25;
const HOUR = 3_600_000;

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Areas' });
  return { title: t('ums.title') };
}

/**
 * The UMS DP dashboard (order 002 step 17): the region's queue with each decision deadline (overdue flagged), the
 * applicant, filters validated as GET parameters (lib/id-card/queue-filters.ts) and two orders, keyset-paged.
 */
export default async function UmsDashboard({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  setRequestLocale((await params).locale);
  const { grant } = await requireArea('ums');
  const sp = await searchParams;
  const f = parseQueueFilters(sp);
  const refused = hasFilterErrors(f);
  const cursor = decodeCursor(typeof sp.after === 'string' ? sp.after : undefined);
  const t = await getTranslations('IdCard');
  const [ta, tc, ts, format, locale, page, counts, points] = await Promise.all([
    getTranslations('Areas'),
    getTranslations('Common'),
    getTranslations('Status'),
    getFormatter(),
    getLocale(),
    // Refused filters run no query: the page says what to correct instead of a list that ignores them.
    refused
      ? Promise.resolve({ rows: [], next: null })
      : umsQueueOf({
          regionCode: grant.regionCode!,
          statuses: f.ticket ? QUEUE_STATUSES : [f.status],
          sort: f.sort,
          registrationPointId: f.point,
          from: f.from ? localDayStart(f.from) : undefined,
          // Up to the end of the "to" day: before the next local midnight.
          to: f.to ? localDayStart(addDays(f.to, 1)) : undefined,
          ticket: f.ticket,
          limit: PAGE,
          after: cursor,
        }),
    umsCountsOf(grant.regionCode!),
    registrationPointsOf(grant.regionCode!),
  ]);
  const now = new Date();
  const base = getPathname({ href: '/ums', locale });
  const keep = Object.fromEntries(
    Object.entries({
      status: f.status,
      sort: f.sort,
      point: f.typed.point,
      from: f.from,
      to: f.to,
      ticket: f.ticket,
    }).filter(([, v]) => v),
  ) as Record<string, string>;
  const errorOf = (e: QueueFilterError | undefined) =>
    e === 'range_inverted' ? t('umsQueue.rangeInverted') : e === 'date_format' ? t('umsQueue.dateFormat') : undefined;
  const deadlineCell = (r: (typeof page.rows)[number]) => {
    if (r.status !== 'under_review' || !r.deadlineAt) return '—';
    const left = workingTimeLeft(r.deadlineAt, now);
    const hours = Math.floor(Math.abs(left.ms) / HOUR);
    return (
      <div className="flex flex-col items-start gap-1">
        <span className="whitespace-nowrap">{format.dateTime(r.deadlineAt, 'stamp')}</span>
        {left.overdue ? (
          <StatusBadge tone="danger">
            <span data-testid="overdue">{hours ? t('umsQueue.overdueBy', { hours }) : t('umsQueue.overdue')}</span>
          </StatusBadge>
        ) : (
          <span className="text-sm text-ink-muted">{hours ? t('umsQueue.dueIn', { hours }) : t('umsQueue.dueSoon')}</span>
        )}
      </div>
    );
  };
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
      {refused ? (
        <Notice tone="error" title={t('umsQueue.errorTitle')}>
          <ul className="list-disc pl-5" data-testid="filter-errors">
            {[errorOf(f.errors.from), errorOf(f.errors.to)].filter(Boolean).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <form method="get" className="flex flex-wrap items-start gap-3" role="search" aria-label={t('filters')}>
        <SelectField
          name="status"
          label={ta('status')}
          width="md"
          defaultValue={f.status}
          options={QUEUE_STATUSES.map((s) => ({ value: s, label: ts(s) }))}
        />
        <SelectField
          name="point"
          label={t('point')}
          width="md"
          defaultValue={f.typed.point}
          options={[
            { value: '', label: tc('all') },
            ...points.map((p) => ({ value: String(p.id), label: locale === 'kk' ? p.nameKk : p.nameRu })),
          ]}
        />
        <DateField name="from" label={t('umsQueue.from')} width="sm" defaultValue={f.typed.from} error={errorOf(f.errors.from)} />
        <DateField name="to" label={t('umsQueue.to')} width="sm" defaultValue={f.typed.to} error={errorOf(f.errors.to)} />
        <TextField name="ticket" label={t('ticketSearch')} width="sm" defaultValue={f.typed.ticket} autoComplete="off" />
        <SelectField
          name="sort"
          label={t('umsQueue.sort')}
          width="md"
          defaultValue={f.sort}
          options={QUEUE_SORTS.map((s) => ({ value: s, label: t(`umsQueue.sorts.${s}`) }))}
        />
        <button type="submit" className="mt-7 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
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
            // The RP DRN ticket under the number: one column fewer, so the table fits at 1366 px.
            cell: (r) => (
              <div className="flex flex-col">
                <Link href={`/ums/id-card/${r.id}`} className="font-mono font-semibold">
                  {r.number}
                </Link>
                {r.ticket ? (
                  <span className="font-mono text-sm text-ink-muted">
                    <span className="sr-only">{t('ticketColumn')}: </span>
                    {r.ticket}
                  </span>
                ) : null}
              </div>
            ),
          },
          {
            key: 'applicant',
            header: t('umsQueue.applicant'),
            cell: (r) => (
              <div className="flex flex-col">
                <span>{r.surname ? `${r.surname} ${r.givenName}` : '—'}</span>
                <span className="font-mono text-sm text-ink-muted">{maskIin(r.iin)}</span>
              </div>
            ),
          },
          { key: 'deadline', header: t('umsQueue.deadline'), cell: deadlineCell },
          {
            key: 'status',
            header: ta('status'),
            cell: (r) => <StatusBadge tone={statusTone(r.status)}>{ts(r.status as never)}</StatusBadge>,
          },
          { key: 'fee', header: t('feeColumn'), cell: (r) => (r.exemptStatus ? t('exemptShort') : t('paidShort')) },
          {
            key: 'submitted',
            header: t('umsQueue.submitted'),
            cell: (r) =>
              r.submittedAt ? (
                <div className="flex flex-col">
                  <span className="whitespace-nowrap">{format.dateTime(r.submittedAt, 'stamp')}</span>
                  <span className="text-sm text-ink-muted">{t('ageHours', { hours: ageHours(r.submittedAt) })}</span>
                </div>
              ) : (
                '—'
              ),
          },
        ]}
        rows={page.rows}
        rowKey={(r) => r.id}
        emptyState={
          f.narrowed ? (
            <EmptyState
              title={t('umsQueue.noMatchTitle')}
              description={t('umsQueue.noMatchText')}
              action={
                <Link href="/ums" className="font-medium">
                  {t('umsQueue.clearFilters')}
                </Link>
              }
            />
          ) : (
            <EmptyState title={t('umsQueue.emptyTitle')} description={ta('ums.empty')} />
          )
        }
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={page.next ? `${base}?${new URLSearchParams({ ...keep, after: encodeCursor(page.next) })}` : undefined}
        prevHref={cursor ? `${base}?${new URLSearchParams(keep)}` : undefined}
      />
    </div>
  );
}
