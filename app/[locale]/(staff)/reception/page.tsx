import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, EmptyState, Notice } from '@/components/ui';
import { SealedSearchForm } from '@/components/search/sealed-search-form';
import { QueuePage } from '@/components/areas/queue-page';
import { ReceptionMachineryTicket } from '@/components/machinery/intake/reception-ticket';
import { machineryPilotOpenAt } from '@/lib/machinery/intake-queries';
import { TicketButton } from '@/components/vehicle/ticket-button';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { searchQueryOf } from '@/lib/http/search-query';
import { maskIin } from '@/lib/kz/iin';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import { readyAtCentre } from '@/lib/vehicle-registration/queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Areas' });
  return { title: t('reception.title') };
}

/** Reception (order 000, chapter 2): find the person by IIN or ID document, issue a queue ticket for the desk. */
export default async function ReceptionPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ after?: string; s?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('reception');
  // The IIN or document number comes back as a sealed token (`?s=`), never in the address (components/search).
  const { after, s } = await searchParams;
  const query = searchQueryOf(s).trim().slice(0, 20);
  const [t, te, ta, tmi, machineryOpen, trc] = await Promise.all([
    getTranslations('Vehicle'),
    getTranslations('Errors'),
    getTranslations('Admin'),
    getTranslations('MachineryIntake.reception'),
    machineryPilotOpenAt(grant.serviceCentreId!),
    getTranslations('ResidenceCon.reception'),
  ]);
  let found: Awaited<ReturnType<typeof readyAtCentre>> | 'unavailable' | null = null;
  if (query) {
    try {
      found = await readyAtCentre(actor, grant, query);
    } catch (e) {
      if (!isRegistryUnavailable(e)) throw e;
      found = 'unavailable';
    }
  }
  const personName =
    found && found !== 'unavailable' && found.person ? (locale === 'kk' ? found.person.names.kk : found.person.names.ru) : null;
  return (
    <QueuePage
      area="reception"
      grant={grant}
      pilot="vehicle"
      scope={{ serviceCentreId: grant.serviceCentreId }}
      order="oldest"
      statuses={['ready_for_pickup']}
      after={after}
    >
      <Card title={t('receptionTitle')}>
        <p className="mb-4 text-ink-muted">{t('receptionLead')}</p>
        <SealedSearchForm
          search="reception"
          locale={locale}
          label={t('receptionSearch')}
          hint={t('receptionSearchHint')}
          submit={t('find')}
          defaultValue={query}
          ariaLabel={t('receptionTitle')}
        />
      </Card>
      {machineryOpen ? (
        <Card title={tmi('title')}>
          <p className="mb-4 text-ink-muted">{tmi('lead')}</p>
          <ReceptionMachineryTicket />
        </Card>
      ) : null}
      {/* Residence registration (order 003, p.3–5): who owns the dwelling decides the operating hall or online. */}
      <Card title={trc('title')}>
        <p className="mb-4 text-ink-muted">{trc('cardLead')}</p>
        <ButtonLink variant="secondary" href={`/${locale}/reception/residence`}>
          {trc('open')}
        </ButtonLink>
      </Card>
      {found === 'unavailable' ? <Notice tone="error" title={te('registry_unavailable', { system: ta('systems.gbd_fl') })} /> : null}
      {found && found !== 'unavailable' ? (
        !found.person ? (
          <Notice tone="warning" title={t('personNotFound')} />
        ) : (
          <section aria-labelledby="found-title" className="flex flex-col gap-4" data-testid="reception-result">
            <h2 id="found-title" className="text-2xl font-semibold">
              {personName ? `${personName.surname} ${personName.givenName}` : ''} ·{' '}
              <span className="font-mono">{maskIin(found.person.iin)}</span>
            </h2>
            {found.ready.length === 0 ? (
              <EmptyState title={t('nothingReady')} description={t('nothingReadyText')} />
            ) : (
              found.ready.map((r) => (
                <Card key={r.id} title={<span className="font-mono">{r.number}</span>} titleAs="h3">
                  <p className="mb-3">
                    {r.vehicle ? `${r.vehicle.make} ${r.vehicle.model}` : ''} · {t('plate')}:{' '}
                    <span className="font-mono">{r.plateNumber}</span>
                  </p>
                  <TicketButton applicationId={r.id} existing={r.ticket?.code ?? null} />
                </Card>
              ))
            )}
          </section>
        )
      ) : null}
    </QueuePage>
  );
}
