import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, EmptyState, StatusBadge, TextField } from '@/components/ui';
import { QueuePage } from '@/components/areas/queue-page';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { findAtPointFor } from '@/lib/id-card/queries';
import { maskIin } from '@/lib/kz/iin';

/** The registration point (order 002 step 19): find the application by ticket or IIN; the queue of ready cards. */
export default async function RegistrationPointPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ after?: string; q?: string }>;
}) {
  setRequestLocale((await params).locale);
  const { grant } = await requireArea('registration-point');
  const { after, q = '' } = await searchParams;
  const query = q.trim().slice(0, 40);
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
        <form method="get" role="search" aria-label={t('pointSearchTitle')} className="flex flex-wrap items-end gap-3">
          <TextField name="q" label={t('pointSearch')} hint={t('pointSearchHint')} defaultValue={query} width="md" autoComplete="off" />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t('find')}
          </button>
        </form>
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
