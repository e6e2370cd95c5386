import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { OpsButton } from '@/components/admin/ops-button';
import { DataTable, EmptyState, PageHeader, buttonClasses } from '@/components/ui';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { decodeCursor, encodeCursor } from '@/lib/applications/cursor';
import { requireArea } from '@/lib/auth/guards';
import { discardOutboxAction, jobAction, retryOutboxAction, retryStuckAction } from '@/lib/ops/actions';
import { failingJobsList, stuckApplicationsPage, stuckOutbox } from '@/lib/ops/queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin.ops' });
  return { title: t('title') };
}

/** Issue 17: stuck applications with their safe retry, the outbox's dead letters, the failing jobs. */
export default async function OperationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ after?: string }>;
}) {
  setRequestLocale((await params).locale);
  await requireArea('admin');
  const after = decodeCursor((await searchParams).after);
  const [t, ta, ts, tp, te, format, stuck, letters, jobs] = await Promise.all([
    getTranslations('Admin.ops'),
    getTranslations('Admin'),
    getTranslations('Status'),
    getTranslations('Pilots'),
    getTranslations('Admin.systems'),
    getFormatter(),
    stuckApplicationsPage(after),
    stuckOutbox(),
    failingJobsList(),
  ]);
  // An error's class name and a queue's id are code: each is shown in words (an unknown one generically).
  const errorKind = (e: string | null) =>
    e ? (t.has(`errorKinds.${e}` as never) ? t(`errorKinds.${e}` as never) : t('errorKinds.other')) : '—';
  const queueName = (q: string) => (t.has(`queues.${q}` as never) ? t(`queues.${q}` as never) : t('queues.other'));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        eyebrow={
          <Link href="/admin" className="underline">
            {ta('title')}
          </Link>
        }
      />
      <DataTable
        caption={t('stuckTitle')}
        columns={[
          { key: 'number', header: t('number'), rowHeader: true, cell: (r) => r.number },
          { key: 'pilot', header: t('pilot'), cell: (r) => tp(r.pilot as never) },
          {
            key: 'status',
            header: t('status'),
            cell: (r) => (
              <>
                {ts(r.status as never)}
                <br />
                <span className="text-sm text-ink-muted">{t('since', { at: format.dateTime(r.since, 'stamp') })}</span>
              </>
            ),
          },
          { key: 'applicant', header: t('applicant'), cell: (r) => r.applicant ?? '—' },
          {
            key: 'event',
            header: t('lastEvent'),
            cell: (r) =>
              r.lastEventAt
                ? `${r.lastEventTo ? ts(r.lastEventTo as never) : t('eventOther')} · ${format.dateTime(r.lastEventAt, 'stamp')}`
                : '—',
          },
          {
            key: 'error',
            header: t('lastError'),
            cell: (r) =>
              r.lastError
                ? t('errorLine', {
                    system: te(r.lastError.system as never),
                    outcome: t(`outcome.${r.lastError.outcome}` as never),
                    at: format.dateTime(r.lastError.at, 'stamp'),
                  })
                : '—',
          },
          { key: 'step', header: t('step'), cell: (r) => t(`steps.${r.step}` as never) },
          {
            key: 'retry',
            header: t('actions'),
            cell: (r) => (
              <OpsButton
                action={retryStuckAction}
                fields={{ id: r.id, status: r.status }}
                label={t('retry')}
                accessibleLabel={t('retryFor', { number: r.number })}
                testId={`retry-${r.number}`}
              />
            ),
          },
        ]}
        rows={stuck.rows}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('stuckEmpty')} />}
      />
      {stuck.next ? (
        <div>
          <Link className={buttonClasses('secondary')} href={`/admin/operations?after=${encodeCursor(stuck.next)}`}>
            {t('nextPage')}
          </Link>
        </div>
      ) : null}
      <DataTable
        caption={t('outboxTitle')}
        columns={[
          { key: 'id', header: '#', rowHeader: true, cell: (r) => r.id },
          { key: 'state', header: t('status'), cell: (r) => (r.dead ? t('dead') : t('overdue')) },
          { key: 'attempts', header: ta('attempts'), cell: (r) => r.attempts },
          { key: 'error', header: ta('lastError'), cell: (r) => errorKind(r.lastError) },
          { key: 'at', header: ta('when'), cell: (r) => format.dateTime(r.createdAt, 'stamp') },
          {
            key: 'actions',
            header: t('actions'),
            cell: (r) => (
              <div className="flex flex-wrap gap-2">
                <OpsButton
                  action={retryOutboxAction}
                  fields={{ id: String(r.id) }}
                  label={t('retry')}
                  accessibleLabel={t('retryOutboxFor', { id: r.id })}
                />
                {r.dead ? (
                  <OpsButton
                    action={discardOutboxAction}
                    fields={{ id: String(r.id) }}
                    label={t('discard')}
                    accessibleLabel={t('discardFor', { id: r.id })}
                    variant="danger"
                  />
                ) : null}
              </div>
            ),
          },
        ]}
        rows={letters}
        rowKey={(r) => String(r.id)}
        emptyState={<EmptyState title={t('outboxEmpty')} />}
      />
      <DataTable
        caption={t('jobsTitle')}
        columns={[
          { key: 'queue', header: ta('queue'), rowHeader: true, cell: (r) => queueName(r.queue) },
          { key: 'state', header: t('status'), cell: (r) => t(`jobState.${r.state}` as never) },
          { key: 'retries', header: ta('attempts'), cell: (r) => r.retryCount },
          { key: 'error', header: ta('lastError'), cell: (r) => errorKind(r.error) },
          { key: 'at', header: ta('when'), cell: (r) => format.dateTime(r.createdAt, 'stamp') },
          {
            key: 'actions',
            header: t('actions'),
            cell: (r) => (
              <div className="flex flex-wrap gap-2">
                <OpsButton
                  action={jobAction}
                  fields={{ queue: r.queue, jobId: r.id, op: 'retry' }}
                  label={t('retry')}
                  accessibleLabel={t('retryJobFor', { queue: queueName(r.queue) })}
                />
                <OpsButton
                  action={jobAction}
                  fields={{ queue: r.queue, jobId: r.id, op: 'discard' }}
                  label={t('discard')}
                  accessibleLabel={t('discardJobFor', { queue: queueName(r.queue) })}
                  variant="danger"
                />
              </div>
            ),
          },
        ]}
        rows={jobs}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('jobsEmpty')} />}
      />
    </div>
  );
}
