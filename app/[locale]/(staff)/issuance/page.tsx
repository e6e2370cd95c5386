import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { Card, EmptyState, Notice, PageHeader, StatusBadge, TextField } from '@/components/ui';
import { ScopeLabel } from '@/components/site/scope-label';
import { CallNextButton } from '@/components/vehicle/call-next-button';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { MachineryDeskList } from '@/components/machinery/issuance/desk-list';
import { requireArea } from '@/lib/auth/guards';
import { machineryAtDesk } from '@/lib/machinery/archive-queries';
import { isDomainError } from '@/lib/errors';
import { issuanceApplicationFor, queueBoardOf } from '@/lib/vehicle-registration/queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Areas' });
  return { title: t('issuance.title') };
}

/** The issuance desk (order 000, chapter 2): the queue board, "call next", or an application by its number. */
export default async function IssuancePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ number?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('issuance');
  const number = ((await searchParams).number ?? '').trim().toUpperCase().slice(0, 20);
  const found = number
    ? await issuanceApplicationFor(actor, grant, number).catch((e) => {
        if (isDomainError(e)) return null;
        throw e;
      })
    : null;
  if (found) redirect(`/${locale}/issuance/${found.id}`);
  const [t, ta, board, machinery] = await Promise.all([
    getTranslations('Vehicle'),
    getTranslations('Areas'),
    queueBoardOf(grant.serviceCentreId!),
    machineryAtDesk(grant),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={ta('issuance.title')}
        lead={ta('issuance.lead')}
      />
      <Card title={t('queueBoard')}>
        {board.length === 0 ? (
          <EmptyState title={t('queueEmpty')} />
        ) : (
          <ul className="mb-4 flex flex-wrap gap-3" data-testid="queue-board">
            {board.map((b) => (
              <li key={b.id} className="flex items-center gap-2 rounded border border-line px-3 py-2">
                <span className="font-mono text-xl font-bold">{b.code}</span>
                <StatusBadge tone={b.status === 'called' ? 'info' : 'warning'}>{t(`ticket_${b.status}` as never)}</StatusBadge>
                {b.status === 'called' && b.applicationId ? (
                  <Link href={`/issuance/${b.applicationId}?ticket=${b.code}`} className="font-mono">
                    {b.number}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <CallNextButton />
      </Card>
      <MachineryDeskList rows={machinery} locale={locale} />
      <Card title={t('findByNumber')}>
        {number ? <Notice tone="warning" title={t('notAtThisCentre', { number })} /> : null}
        <form method="get" role="search" aria-label={t('findByNumber')} className="flex flex-wrap items-end gap-3">
          <TextField
            name="number"
            label={t('applicationNumber')}
            hint={t('applicationNumberHint')}
            width="md"
            autoComplete="off"
            defaultValue={number}
          />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t('find')}
          </button>
        </form>
      </Card>
    </div>
  );
}
