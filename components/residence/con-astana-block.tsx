import { getTranslations } from 'next-intl/server';
import { DescriptionList } from '@/components/ui';
import { formatDate } from '@/lib/format';
import type { AstanaDecision } from '@/lib/residence/astana-types';

/**
 * Astana's steps (order 003, p.10) in numbers, as the CON desk sees them: the area (cadastre), who is registered
 * (GBD FL), the maslikhat's norm and its decision, the places it gives, and the kinship chain ZAGS confirmed.
 * (A stand-in for components/residence/astana-explanation.tsx, swapped in at merge.)
 */
export async function ConAstanaBlock({ decision, locale }: { decision: AstanaDecision; locale: 'kk' | 'ru' }) {
  const t = await getTranslations({ locale, namespace: 'ResidenceCon.astana' });
  const d = decision;
  return (
    <div className="flex flex-col gap-3" data-testid="astana-block">
      <DescriptionList
        items={[
          { term: t('area'), value: t('areaValue', { area: d.totalAreaM2 }) },
          { term: t('registered'), value: String(d.registeredCount) },
          {
            term: t('norm'),
            value: t('normValue', {
              norm: d.normM2PerPerson,
              date: d.normDecision.date ? formatDate(d.normDecision.date, locale) : '—',
              number: d.normDecision.number ?? '—',
            }),
          },
          { term: t('places'), value: t('placesValue', { places: d.places, area: d.totalAreaM2, norm: d.normM2PerPerson }) },
          { term: t('outcomeLabel'), value: t(`outcome.${d.outcome}`) },
          ...(d.claim ? [{ term: t('claim'), value: t(`claimRelation.${d.claim.relation}`) }] : []),
        ]}
      />
      {d.kinship?.confirmed ? (
        <div>
          <p className="font-semibold">{t('chain')}</p>
          <ol className="list-decimal pl-6" data-testid="kinship-chain">
            {d.kinship.chain.map((c) => (
              <li key={c.iin}>
                {locale === 'kk' ? c.nameKk : c.nameRu}
                {c.act
                  ? ` — ${t(c.act.kind === 'birth' ? 'birthAct' : 'marriageAct', { number: c.act.number, date: formatDate(c.act.registeredOn, locale) })}`
                  : ''}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
