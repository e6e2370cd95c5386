import type { ReactNode } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DataTable, PageHeader, StatusBadge, EmptyState, Card } from '@/components/ui';
import { ScopeLabel } from '@/components/site/scope-label';
import { getPathname } from '@/i18n/navigation';
import type { Grant } from '@/lib/auth/actor';
import type { ScopeTarget } from '@/lib/auth/scope';
import { decodeCursor, encodeCursor } from '@/lib/applications/cursor';
import { countByStatus, listQueue, type Pilot } from '@/lib/applications/queries';
import { statusTone } from '@/lib/applications/statuses';
import { maskIin } from '@/lib/kz/iin';

const PAGE = 25;

/**
 * A staff work area's queue: whose scope it is, counts by status, and the scoped list with keyset paging.
 * Each pilot issue replaces the row links with its own application pages.
 */
export async function QueuePage({
  area,
  grant,
  pilot,
  scope,
  statuses,
  order,
  after,
  children,
}: {
  area: 'ums' | 'registration-point' | 'akimat' | 'front-office' | 'reception' | 'issuance' | 'dealer';
  grant: Grant;
  pilot: Pilot;
  scope: Omit<ScopeTarget, 'iins'>;
  statuses?: readonly string[];
  order: 'oldest' | 'newest';
  after?: string;
  /** The area's own tools (a search, a form), shown under the header and above the queue. */
  children?: ReactNode;
}) {
  const [t, tc, ts, format, locale] = await Promise.all([
    getTranslations('Areas'),
    getTranslations('Common'),
    getTranslations('Status'),
    getFormatter(),
    getLocale(),
  ]);
  const cursor = decodeCursor(after);
  const [page, counts] = await Promise.all([
    listQueue({ pilot, scope, statuses, order, limit: PAGE, after: cursor }),
    countByStatus(pilot, scope),
  ]);
  const base = getPathname({ href: `/${area}`, locale });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={t(`${area}.title`)}
        lead={t(`${area}.lead`)}
      />
      {children}
      <Card title={t('countsTitle')}>
        {counts.length === 0 ? (
          <p className="text-ink-muted">{t('noApplicationsYet')}</p>
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
      <DataTable
        caption={t(`${area}.queue`)}
        columns={[
          { key: 'number', header: t('number'), rowHeader: true, cell: (r) => <span className="font-mono">{r.number}</span> },
          {
            key: 'status',
            header: t('status'),
            cell: (r) => <StatusBadge tone={statusTone(r.status)}>{ts(r.status as never)}</StatusBadge>,
          },
          {
            key: 'applicant',
            header: t('applicant'),
            cell: (r) => (r.applicantIin ? <span className="font-mono">{maskIin(r.applicantIin)}</span> : '—'),
          },
          { key: 'created', header: t('created'), cell: (r) => format.dateTime(r.createdAt, 'stamp') },
        ]}
        rows={page.rows}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('emptyTitle')} description={t(`${area}.empty`)} />}
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={page.next ? `${base}?after=${encodeCursor(page.next)}` : undefined}
        prevHref={cursor ? base : undefined}
      />
    </div>
  );
}
