import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ScopeLabel } from '@/components/site/scope-label';
import { Button, ButtonLink, Card, DataTable, EmptyState, PageHeader, SelectField, StatusBadge, TextField } from '@/components/ui';
import { getPathname, Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { dashboardStatuses, type DashboardRow, type DashboardStatus } from '@/lib/machinery/dashboard';
import { splitDuration } from '@/lib/machinery/review-rules';
import { akimatDashboardOf } from '@/lib/machinery/review-queries';
import { machineryActions, machineryKinds, type MachineryAction, type MachineryKind } from '@/lib/machinery/rules';

type Search = { status?: string; action?: string; kind?: string; q?: string; after?: string };
type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'MachineryReview' });
  return { title: t('dashboardTitle') };
}

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/** p.14: the akimat's dashboard: its queue oldest receipt first (the overdue on top, marked), counts, filters. */
export default async function AkimatDashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { grant } = await requireArea('akimat');
  const sp = await searchParams;
  const status = oneOf<DashboardStatus>(dashboardStatuses, sp.status) ?? 'under_review';
  const action = oneOf<MachineryAction>(machineryActions, sp.action);
  const machineKind = oneOf<MachineryKind>(machineryKinds, sp.kind);
  const q = (sp.q ?? '').slice(0, 40);
  const [t, tm, tc, ts, format, result] = await Promise.all([
    getTranslations('MachineryReview'),
    getTranslations('Machinery'),
    getTranslations('Common'),
    getTranslations('Status'),
    getFormatter(),
    akimatDashboardOf(grant, { status, action, machineKind, q: q || undefined, after: sp.after }),
  ]);
  const base = getPathname({ href: '/akimat', locale });
  const filters = new URLSearchParams({
    ...(status !== 'under_review' ? { status } : {}),
    ...(action ? { action } : {}),
    ...(machineKind ? { kind: machineKind } : {}),
    ...(q ? { q } : {}),
  });
  const href = (after?: string) => {
    const s = new URLSearchParams(filters);
    if (after) s.set('after', after);
    const qs = s.toString();
    return qs ? `${base}?${qs}` : base;
  };
  const timeLeft = (r: DashboardRow) => {
    if (!r.clock) return r.decidedAt ? format.dateTime(r.decidedAt, 'stamp') : '—';
    const d = splitDuration(r.clock.msLeft);
    return r.clock.overdue ? (
      <StatusBadge tone="danger">{t('overdueBy', d)}</StatusBadge>
    ) : (
      <span className={r.clock.dueToday ? 'font-semibold' : undefined}>
        {t('timeLeft', d)}
        {r.clock.dueToday ? ` · ${t('dueTodayMark')}` : ''}
      </span>
    );
  };
  const counts = result?.counts ?? { new: 0, dueToday: 0, overdue: 0, decidedToday: 0 };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={t('dashboardTitle')}
        lead={t('dashboardLead')}
        actions={
          <ButtonLink variant="secondary" href={getPathname({ href: '/akimat/archive', locale })}>
            {t('archiveLink')}
          </ButtonLink>
        }
      />
      <Card title={t('countsTitle')}>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="akimat-counts">
          {(['new', 'dueToday', 'overdue', 'decidedToday'] as const).map((k) => (
            <div key={k} className="rounded border border-line p-3">
              <dt className="text-sm text-ink-muted">{t(`counts.${k}`)}</dt>
              <dd className={k === 'overdue' && counts.overdue ? 'text-2xl font-semibold text-red-700' : 'text-2xl font-semibold'}>
                {format.number(counts[k])}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t('filtersTitle')}>
        <form method="get" action={base} className="flex flex-wrap items-end gap-4" role="search" aria-label={t('filtersTitle')}>
          <SelectField
            name="status"
            label={t('filterStatus')}
            width="md"
            defaultValue={status}
            options={dashboardStatuses.map((s) => ({ value: s, label: ts(s) }))}
          />
          <SelectField
            name="action"
            label={t('filterAction')}
            width="md"
            defaultValue={action ?? ''}
            placeholder={t('any')}
            options={machineryActions.map((a) => ({ value: a, label: tm(`action.${a}`) }))}
          />
          <SelectField
            name="kind"
            label={t('filterKind')}
            width="md"
            defaultValue={machineKind ?? ''}
            placeholder={t('any')}
            options={machineryKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
          <TextField name="q" label={t('search')} hint={t('searchHint')} width="md" defaultValue={q} />
          <Button type="submit">{t('apply')}</Button>
        </form>
      </Card>
      <DataTable
        caption={t(status === 'under_review' ? 'queueCaption' : 'decidedCaption')}
        columns={[
          {
            key: 'number',
            header: t('number'),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/akimat/${r.id}`} className="font-mono font-semibold" data-testid="akimat-row">
                {r.number}
              </Link>
            ),
          },
          { key: 'action', header: t('filterAction'), cell: (r) => tm(`action.${r.action}`) },
          {
            key: 'machine',
            header: t('machineTitle'),
            cell: (r) => [r.machineKind ? t(`kind.${r.machineKind}`) : null, r.make, r.model].filter(Boolean).join(' · ') || '—',
          },
          { key: 'owner', header: t('owner'), cell: (r) => <span className="font-mono">{r.owner ?? '—'}</span> },
          { key: 'received', header: t('receivedAt'), cell: (r) => (r.submittedAt ? format.dateTime(r.submittedAt, 'stamp') : '—') },
          { key: 'left', header: status === 'under_review' ? t('timeLeftHeader') : t('decidedAt'), cell: timeLeft },
          {
            key: 'status',
            header: t('filterStatus'),
            cell: (r) => <StatusBadge tone={statusTone(r.status)}>{ts(r.status as never)}</StatusBadge>,
          },
        ]}
        rows={result?.page.rows ?? []}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('emptyTitle')} description={t('emptyText')} />}
        labels={{ next: tc('nextPage'), prev: tc('prevPage'), pagination: tc('pagination') }}
        nextHref={result?.page.next ? href(result.page.next) : undefined}
        prevHref={sp.after ? href() : undefined}
      />
    </div>
  );
}
