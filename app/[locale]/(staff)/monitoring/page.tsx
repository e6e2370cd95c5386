import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BarChart } from '@/components/monitoring/bar-chart';
import { ScopeLabel } from '@/components/site/scope-label';
import { Button, DataTable, DateField, Notice, PageHeader, SelectField } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { formatDate } from '@/lib/format';
import { filterQuery, monitoringFilterSchema, parseFilter } from '@/lib/monitoring/filters';
import { monitoringLabels } from '@/lib/monitoring/labels';
import { monitoredPilots, pilotFigures } from '@/lib/monitoring/pilots';
import { monitoringTables, type Table, type TableId } from '@/lib/monitoring/tables';
import { viewMonitoring } from '@/lib/monitoring/view';
import { allRegions } from '@/lib/reference/queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Areas' });
  return { title: t('monitoring.title') };
}

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The ministry supervisor's read-only figures of the four pilots (issue 17), one pilot, period and region at a time. */
export default async function MonitoringPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('monitoring');
  const parsed = parseFilter(await searchParams);
  const filter = parsed.success ? parsed.data : monitoringFilterSchema.parse({});
  const [ta, tp, t, regionRows, view] = await Promise.all([
    getTranslations('Areas'),
    getTranslations('Pilots'),
    getTranslations('Monitoring'),
    allRegions(),
    viewMonitoring(actor, grant, filter, 'page'),
  ]);
  const regions = new Map(regionRows.map((r) => [r.code, r]));
  const labels = await monitoringLabels(locale, { regions, akimats: view.akimats });
  const tables = new Map(monitoringTables(filter.pilot, view.figures, labels).map((x) => [x.id, x]));
  const s = view.figures.summary;
  const query = filterQuery(filter);
  const csvHref = (id: TableId) => `/${locale}/monitoring/csv/${id}?${query}`;
  const regionName = filter.region ? labels.region(filter.region) : t('filters.allRegions');
  const fig = pilotFigures[filter.pilot];

  const section = (id: TableId, body?: React.ReactNode, empty?: string) => {
    const table = tables.get(id);
    return (
      <section key={id} aria-labelledby={`mon-${id}`} className="monitoring-section flex flex-col gap-3" data-testid={`monitoring-${id}`}>
        <h2 id={`mon-${id}`} className="text-xl font-bold text-ink">
          {table?.title ?? t(`${id === 'overdue' ? 'overdue' : 'segments'}.title` as never)}
        </h2>
        {table && table.rows.length > 0 && body}
        {table ? (
          <FigureTable
            table={table}
            number={labels.number}
            empty={empty ?? '—'}
            csv={{ href: csvHref(id), label: t('csvOf', { table: table.title }) }}
          />
        ) : (
          <p className="text-ink-muted">{empty}</p>
        )}
      </section>
    );
  };

  return (
    <div className="monitoring-page flex flex-col gap-8">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={ta('monitoring.title')}
        lead={t('lead')}
      />
      <nav aria-label={t('pilotsNav')} className="print-hidden">
        <ul className="flex flex-wrap gap-2">
          {monitoredPilots.map((p) => (
            <li key={p}>
              <a
                href={`/${locale}/monitoring?${filterQuery({ ...filter, pilot: p })}`}
                aria-current={p === filter.pilot ? 'page' : undefined}
                className="inline-flex min-h-11 items-center rounded-md border border-line-strong px-3 font-semibold aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
              >
                {tp(p)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={`/${locale}/monitoring`} className="print-hidden flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-wrap items-end gap-4">
          <legend className="sr-only">{t('filters.legend')}</legend>
          <input type="hidden" name="pilot" value={filter.pilot} />
          <SelectField
            id="mon-region"
            name="region"
            label={t('filters.region')}
            defaultValue={filter.region ?? ''}
            placeholder={t('filters.allRegions')}
            options={regionRows.map((r) => ({ value: r.code, label: locale === 'kk' ? r.nameKk : r.nameRu }))}
          />
          <DateField id="mon-from" name="from" label={t('filters.from')} defaultValue={filter.from} />
          <DateField id="mon-to" name="to" label={t('filters.to')} defaultValue={filter.to} />
          <Button type="submit">{t('filters.apply')}</Button>
        </fieldset>
      </form>
      {!parsed.success && <Notice tone="error">{t('filters.periodInvalid')}</Notice>}
      <p className="text-lg font-semibold text-ink" data-testid="monitoring-summary">
        {tp(filter.pilot)}. {t('summary', { from: formatDate(filter.from, locale), to: formatDate(filter.to, locale), region: regionName })}
      </p>
      <p className="text-ink-muted" data-testid="monitoring-as-of">
        {t('asOf', { at: labels.dateTime(view.now) })}
      </p>
      <p className="print-hidden text-ink-muted">{t('printHint')}</p>

      {section('counts')}
      {section(
        'trend',
        <BarChart
          caption={t('trend.caption')}
          categories={s.weeks.map((w) => w.week)}
          series={[
            { name: t('trend.started'), values: s.weeks.map((w) => w.started), tone: 'brand' },
            { name: t('trend.decided'), values: s.weeks.map((w) => w.decided), tone: 'accent' },
          ]}
          format={labels.number}
        />,
      )}
      {section(
        'funnel',
        <BarChart
          caption={t('funnel.caption')}
          categories={s.funnel.map((x) => labels.status(x.stage))}
          series={[{ name: t('funnel.reached'), values: s.funnel.map((x) => x.n), tone: 'brand' }]}
          format={labels.number}
        />,
      )}
      {section('durations')}
      {section(
        'compliance',
        <BarChart
          caption={t('compliance.caption')}
          categories={[t('compliance.inTime'), t('compliance.late')]}
          series={[{ name: t('compliance.n'), values: [s.compliance.inTime, s.compliance.late], tone: 'brand' }]}
          format={labels.number}
        />,
        t('compliance.noDeadline'),
      )}
      {section('overdue', undefined, fig.awaitingDecision.length ? t('overdue.none') : t('overdue.noReviewer'))}
      {section('refusals', undefined, t('refusals.none'))}
      {section('segments', undefined, t('segments.none'))}
      {section('registries', undefined, t('registries.none'))}
      {section('outages', undefined, t('registries.none'))}
    </div>
  );
}

function FigureTable({
  table,
  empty,
  csv,
  number,
}: {
  table: Table;
  empty: string;
  csv: { href: string; label: string };
  number: (n: number) => string;
}) {
  if (table.rows.length === 0) return <p className="text-ink-muted">{empty}</p>;
  const totalRow = table.totals ? table.rows.at(-1) : undefined;
  return (
    <>
      <DataTable
        caption={table.title}
        captionHidden
        columns={table.header.map((h, i) => ({
          key: String(i),
          header: h,
          rowHeader: i === 0,
          cell: (r: Table['rows'][number]) => {
            const text = typeof r[i] === 'number' ? number(r[i]) : r[i];
            // The totals row (lib/monitoring/tables.ts: withTotals) stands out from the rows it adds up.
            return totalRow === r ? <strong data-testid={i === 0 ? 'monitoring-total' : undefined}>{text}</strong> : text;
          },
        }))}
        rows={table.rows}
        rowKey={(r) => String(r[0])}
        emptyState={null}
      />
      <a href={csv.href} className="print-hidden font-semibold" download>
        {csv.label}
      </a>
    </>
  );
}
