import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ReceptionTicketForm, ReferralLinks } from '@/components/residence/con-forms';
import { Card, DataTable, DescriptionList, Notice, PageHeader, StatusBadge, TextField } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { maskIin } from '@/lib/kz/iin';
import { receptionLookupFor } from '@/lib/residence/con-queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ResidenceCon.reception' });
  return { title: t('title') };
}

/**
 * Reception for residence registration (order 003, p.3–5): the visitor names the dwelling; reception sees who owns
 * it — masked names, each owner's age (GBD FL) and legal capacity (E-Sobes) — and either gives a ticket for the
 * operating hall (p.4: a minor or incapable owner) or tells them to use the online service and prints that (p.5).
 */
export default async function ReceptionResidencePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ cn?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('reception');
  const { cn = '' } = await searchParams;
  const query = cn.trim().slice(0, 40);
  const [t, tc, te, ta] = await Promise.all([
    getTranslations('ResidenceCon.reception'),
    getTranslations('ResidenceCon'),
    getTranslations('Errors'),
    getTranslations('Admin'),
  ]);
  const found = query ? await receptionLookupFor(actor, grant, query) : null;
  const lookup = found && found !== 'unavailable' ? found : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader eyebrow={tc('eyebrow')} title={t('title')} lead={t('lead')} />
      <p>
        <Link href={`/${locale}/reception`} className="underline">
          {t('backToReception')}
        </Link>
      </p>
      <Card title={t('searchTitle')}>
        <form method="get" role="search" aria-label={t('searchTitle')} className="flex flex-wrap items-end gap-3">
          <TextField name="cn" label={t('cadastralNumber')} hint={t('cadastralHint')} defaultValue={query} width="md" autoComplete="off" />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t('find')}
          </button>
        </form>
      </Card>
      {found === 'unavailable' ? <Notice tone="error" title={te('registry_unavailable', { system: ta('systems.cadastre') })} /> : null}
      {query && found === null ? <Notice tone="warning" title={te('residence_con_dwelling_not_found')} /> : null}
      {lookup ? (
        <section aria-labelledby="dwelling-title" className="flex flex-col gap-4" data-testid="reception-dwelling">
          <Card title={<span id="dwelling-title">{locale === 'kk' ? lookup.property.addressKk : lookup.property.addressRu}</span>}>
            <DescriptionList
              className="mb-4"
              items={[
                { term: t('cadastralNumber'), value: <span className="font-mono">{lookup.property.cadastralNumber}</span> },
                { term: tc('area'), value: tc('areaM2', { area: lookup.property.totalAreaM2 }) },
              ]}
            />
            <DataTable
              caption={t('ownersTitle')}
              rowKey={(o) => o.iin}
              rows={lookup.owners}
              columns={[
                { key: 'name', header: tc('owner'), rowHeader: true, cell: (o) => (locale === 'kk' ? o.nameKk : o.nameRu) },
                { key: 'iin', header: tc('iin'), cell: (o) => <span className="font-mono">{maskIin(o.iin)}</span> },
                { key: 'share', header: t('share'), cell: (o) => `${(o.shareMilli / 10).toLocaleString(locale)} %` },
                { key: 'age', header: tc('age'), cell: (o) => (o.age == null ? '—' : tc('ageYears', { age: o.age })) },
                {
                  key: 'status',
                  header: tc('incapacityLabel'),
                  cell: (o) =>
                    o.incapacity ? (
                      <StatusBadge tone="warning">{tc(`incapacity.${o.incapacity}`)}</StatusBadge>
                    ) : o.found ? (
                      tc('incapacity.none')
                    ) : (
                      t('ownerNotInGbd')
                    ),
                },
              ]}
              emptyState={<p>{t('noPersonOwners')}</p>}
            />
          </Card>
          {lookup.outcome === 'operating_hall' ? (
            <Card title={t('hallTitle')}>
              <p className="mb-4">{t('hallText')}</p>
              <ReceptionTicketForm cadastralNumber={lookup.property.cadastralNumber} />
            </Card>
          ) : (
            <Card title={t('onlineTitle')}>
              <p className="mb-2" data-testid="online-advice">
                {t('onlineText')}
              </p>
              <p className="mb-4 text-ink-muted">{t('onlineWhere')}</p>
              <ReferralLinks kind="reception_online" cadastralNumber={lookup.property.cadastralNumber} />
            </Card>
          )}
        </section>
      ) : null}
    </div>
  );
}
