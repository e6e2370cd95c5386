import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ChooseDwellingForm } from '@/components/residence/step-forms';
import { Button, ButtonLink, Card, DataTable, DescriptionList, Notice, PageHeader, SelectField, TextField } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { allRegions } from '@/lib/reference/queries';
import { dwellingPageOf } from '@/lib/residence/citizen-queries';
import { normaliseCadastralNumber, sharePercent } from '@/lib/residence/dwelling';

type Search = { region?: string; locality?: string; street?: string; house?: string; cadastral?: string };
type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceApplication' });
  return { title: t('dwellingTitle') };
}

const CON_ONLY = ['residence_owner_minor', 'residence_owner_incapable'];

/**
 * The dwelling from the real-estate cadastre (SPEC §6): by address, level by level (region → locality → street →
 * house → flat), or by cadastral number. The dwelling found is shown with its owners (masked, with shares) and how
 * many are registered there; a minor or incapable owner means a CON (order p.4), said here before anything is saved.
 * Plain GET forms: it works without JavaScript, and each level is a link that can be bookmarked or shared.
 */
export default async function DwellingPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const s = await searchParams;
  const clip = (v?: string) => (v ? v.slice(0, 200) : undefined);
  const data = await dwellingPageOf(
    actor,
    id,
    {
      regionCode: clip(s.region),
      locality: clip(s.locality),
      street: clip(s.street),
      house: clip(s.house),
      cadastral: s.cadastral ? normaliseCadastralNumber(s.cadastral) : undefined,
    },
    locale,
  ).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const self = getPathname({ href: `/cabinet/residence/${id}`, locale });
  if (data.app.status !== 'draft') redirect(self);
  const [t, te, tsys, regions] = await Promise.all([
    getTranslations('ResidenceApplication'),
    getTranslations('Errors'),
    getTranslations('Admin.systems'),
    allRegions(),
  ]);
  const here = `${self}/dwelling`;
  const name = (o: { kk: string; ru: string }) => (locale === 'kk' ? o.kk : o.ru);
  const regionOptions = regions
    .filter((r) => data.regionCodes.includes(r.code))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => ({ value: r.code, label: name({ kk: r.nameKk, ru: r.nameRu }) }));
  const q = data.query;
  const level = data.level;
  const chosen: { label: string; value: string; reset: string }[] = [];
  if (q) {
    const params = new URLSearchParams();
    chosen.push({ label: t('region'), value: regionOptions.find((r) => r.value === q.regionCode)?.label ?? q.regionCode, reset: here });
    params.set('region', q.regionCode);
    if (q.locality !== undefined) {
      chosen.push({
        label: t('locality'),
        value: data.chosenNames.locality ? name(data.chosenNames.locality) : q.locality,
        reset: `${here}?${params}`,
      });
      params.set('locality', q.locality);
    }
    if (q.street !== undefined) {
      chosen.push({
        label: t('street'),
        value: data.chosenNames.street ? name(data.chosenNames.street) : q.street,
        reset: `${here}?${params}`,
      });
      params.set('street', q.street);
    }
    if (q.house !== undefined) chosen.push({ label: t('house'), value: q.house, reset: `${here}?${params}` });
  }
  const p = data.preview;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader eyebrow={<span className="font-mono">{data.app.number}</span>} title={t('dwellingTitle')} lead={t('dwellingLead')} />
      {data.unavailable ? <Notice tone="warning" title={t('unavailable', { system: tsys(data.unavailable as never) })} /> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('byAddress')}>
          {chosen.length ? (
            <dl className="mb-4 flex flex-col gap-2" data-testid="address-chosen">
              {chosen.map((c) => (
                <div key={c.label} className="flex flex-wrap items-baseline gap-x-3">
                  <dt className="font-semibold">{c.label}:</dt>
                  <dd className="flex flex-wrap gap-x-3">
                    <span>{c.value}</span>
                    <a href={c.reset} className="text-brand-700 underline">
                      {t('changeLevel', { level: c.label })}
                    </a>
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
          {!q ? (
            <form method="get" action={here} className="flex flex-col gap-4">
              <SelectField name="region" label={t('region')} placeholder={t('choose')} options={regionOptions} width="lg" />
              <div>
                <Button type="submit">{t('nextLevel')}</Button>
              </div>
            </form>
          ) : level && level.options.length ? (
            <form method="get" action={here} className="flex flex-col gap-4">
              <input type="hidden" name="region" value={q.regionCode} />
              {q.locality !== undefined ? <input type="hidden" name="locality" value={q.locality} /> : null}
              {q.street !== undefined ? <input type="hidden" name="street" value={q.street} /> : null}
              {q.house !== undefined ? <input type="hidden" name="house" value={q.house} /> : null}
              {level.level === 'flat' ? (
                <SelectField
                  name="cadastral"
                  label={t('flat')}
                  placeholder={t('choose')}
                  options={level.options.map((o) => ({ value: o.cadastralNumber!, label: name(o) }))}
                  width="md"
                />
              ) : (
                <SelectField
                  name={level.level}
                  label={t(level.level)}
                  placeholder={t('choose')}
                  options={level.options.map((o) => ({ value: o.value, label: name(o) }))}
                  width="lg"
                />
              )}
              <div>
                <Button type="submit">{t('nextLevel')}</Button>
              </div>
            </form>
          ) : level && !level.done ? (
            <p>{t('nothingHere')}</p>
          ) : null}
        </Card>
        <Card title={t('byCadastral')}>
          <form method="get" action={here} className="flex flex-col gap-4">
            <TextField
              name="cadastral"
              label={t('cadastralNumber')}
              hint={t('cadastralHint')}
              width="md"
              defaultValue={s.cadastral && !level?.done ? normaliseCadastralNumber(s.cadastral) : ''}
              autoComplete="off"
            />
            <div>
              <Button type="submit">{t('find')}</Button>
            </div>
          </form>
        </Card>
      </div>

      {p && !p.found ? <Notice tone="error" title={te('residence_dwelling_not_found')} /> : null}
      {p && p.found ? (
        <Card title={t('foundTitle')}>
          <div data-testid="dwelling-preview" className="flex flex-col gap-4">
            <DescriptionList
              items={[
                { term: t('address'), value: name({ kk: p.property.addressKk, ru: p.property.addressRu }) },
                { term: t('cadastralNumber'), value: <span className="font-mono">{p.property.cadastralNumber}</span> },
                { term: t('kind'), value: t(`dwellingKind.${p.property.kind}`) },
                { term: t('area'), value: t('areaValue', { m2: p.property.totalAreaM2 }) },
                { term: t('registeredCount'), value: p.registeredCount },
              ]}
            />
            {p.owners.length ? (
              <DataTable
                caption={t('owners')}
                columns={[
                  { key: 'name', header: t('owner'), rowHeader: true, cell: (o) => (o.you ? t('you', { name: o.name }) : o.name) },
                  { key: 'share', header: t('share'), cell: (o) => `${sharePercent(o.shareMilli)} %` },
                ]}
                rows={p.owners}
                rowKey={(o) => o.iin}
                emptyState={null}
              />
            ) : null}
            {p.problem ? (
              <Notice tone={CON_ONLY.includes(p.problem) ? 'warning' : 'error'} title={te(p.problem as never)}>
                {CON_ONLY.includes(p.problem) ? t('conOnly') : null}
              </Notice>
            ) : (
              <>
                <p>
                  {p.owners.every((o) => o.you)
                    ? t('noConsentNeeded')
                    : t('consentNeeded', { count: p.owners.filter((o) => !o.you).length })}
                </p>
                <ChooseDwellingForm id={data.app.id} version={data.app.version} cadastralNumber={p.property.cadastralNumber} />
              </>
            )}
          </div>
        </Card>
      ) : null}
      <p>
        <ButtonLink href={self} variant="link">
          {t('backToApplication')}
        </ButtonLink>
      </p>
    </div>
  );
}
