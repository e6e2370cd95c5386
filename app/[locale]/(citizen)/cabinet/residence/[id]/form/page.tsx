import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArrivalFormFields } from '@/components/residence/arrival-form';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { addDays, toLocalDate } from '@/lib/calendar/deadline';
import { isDomainError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { allRegions } from '@/lib/reference/queries';
import { arrivalPageOf, fullNameOf, stepOf } from '@/lib/residence/citizen-queries';
import { STAY_START_AHEAD_DAYS } from '@/lib/residence/citizen-service-rules';

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ResidenceApplication' });
  return { title: t('formTitle') };
}

/**
 * The statistical arrival form (келу статистикалық талоны): names and birth date from GBD FL, shown; the previous
 * address from the permanent registration; the person's own answers. It does not open before the dwelling is
 * chosen, nor in Astana before the Astana steps let it pass (order 003 p.10).
 */
export default async function ArrivalFormPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const data = await arrivalPageOf(actor, id).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const self = getPathname({ href: `/cabinet/residence/${id}`, locale });
  if (data.app.status !== 'draft') redirect(self);
  const step = stepOf(data.app);
  const [t, tsys, regions] = await Promise.all([getTranslations('ResidenceApplication'), getTranslations('Admin.systems'), allRegions()]);
  const today = toLocalDate(new Date());
  const header = <PageHeader eyebrow={<span className="font-mono">{data.app.number}</span>} title={t('formTitle')} lead={t('formLead')} />;
  if (step === 'dwelling' || step === 'astana') {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <Notice tone="warning" title={t(step === 'dwelling' ? 'formNeedsDwelling' : 'formNeedsAstana')}>
          <p className="mt-2">
            <ButtonLink href={`${self}/${step === 'dwelling' ? 'dwelling' : 'astana'}`}>
              {t(step === 'dwelling' ? 'goDwelling' : 'goAstana')}
            </ButtonLink>
          </p>
        </Notice>
      </div>
    );
  }
  const facts = data.facts;
  return (
    <div className="flex flex-col gap-6">
      {header}
      {data.unavailable ? <Notice tone="warning" title={t('unavailable', { system: tsys(data.unavailable as never) })} /> : null}
      {facts ? (
        <>
          <Card title={t('aboutYou')}>
            <p className="mb-3 text-ink-muted">{t('aboutYouHint')}</p>
            <DescriptionList
              items={[
                { term: t('name'), value: fullNameOf(facts.person, locale) },
                { term: t('birthDate'), value: formatDate(facts.person.birthDate, locale) },
                { term: t('sex'), value: t(`sexValue.${facts.person.sex}`) },
                { term: t('citizenship'), value: t('citizenshipKz') },
              ]}
            />
          </Card>
          <Card title={t('formCard')}>
            <ArrivalFormFields
              id={data.app.id}
              version={data.app.version}
              kind={data.app.residence.kind}
              defaults={data.defaults}
              locked={data.locked}
              regions={regions
                .sort((a, b) => a.code.localeCompare(b.code))
                .map((r) => ({ code: r.code, name: locale === 'kk' ? r.nameKk : r.nameRu }))}
              period={{ stayFrom: data.app.residence.stayFrom, stayUntil: data.app.residence.stayUntil }}
              today={today}
              latestStart={addDays(today, STAY_START_AHEAD_DAYS)}
            />
          </Card>
        </>
      ) : null}
      <p>
        <ButtonLink href={self} variant="link">
          {t('backToApplication')}
        </ButtonLink>
      </p>
    </div>
  );
}
