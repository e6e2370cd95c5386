// The decision that explains itself (order 003 p.10, steps 1–7): the numbers of the norm with the maslikhat's
// decision, the claim, the ZAGS chain with its acts (or what was searched when none was found), the NOBD/EPVO
// record, and the outcome — in the reader's language. One component for the decision page and its print view,
// the timeline (`compact`) and the CON desk (`reader="staff"`: the applicant is named, not addressed).
import { getTranslations } from 'next-intl/server';
import { Card, DescriptionList, Notice } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { formatDate, formatDateTime } from '@/lib/format';
import type { AstanaClaim, AstanaDecision, ChainLink } from '@/lib/residence/astana-types';

type T = Awaited<ReturnType<typeof getTranslations<'ResidenceAstana'>>>;

const TAG: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU' };

/** 62, 45,5 — m² as the reader writes numbers. */
const NUMBER = {
  kk: new Intl.NumberFormat(TAG.kk, { maximumFractionDigits: 2 }),
  ru: new Intl.NumberFormat(TAG.ru, { maximumFractionDigits: 2 }),
};
const number = (n: number, locale: Locale) => NUMBER[locale].format(n);

/** The arithmetic of steps 1–3 in one line: «62 м² ÷ 15 м² = 4 орын; 4 адам тіркелген → норма жетті». */
export function arithmeticOf(t: T, d: AstanaDecision, locale: Locale): string {
  const args = { area: number(d.totalAreaM2, locale), norm: number(d.normM2PerPerson, locale), places: d.places, count: d.registeredCount };
  return d.withinNorm ? t('arithmeticFits', args) : t('arithmeticReached', args);
}

/** «Немересі — әкесі жағынан»: the claim of step 4 with its follow-up answer. */
export function claimLabelOf(t: T, claim: AstanaClaim): string {
  const label = t(`relation.${claim.relation}`);
  if ('sharedParent' in claim) return `${label} — ${t(`claimShared.${claim.sharedParent}`)}`;
  if ('side' in claim) return `${label} — ${t(`claimSide.${claim.side}`)}`;
  return label;
}

function actText(t: T, act: ChainLink['act'], locale: Locale): string {
  if (!act) return t('actMissing');
  const args = { number: act.number, date: formatDate(act.registeredOn, locale) };
  return act.kind === 'birth' ? t('actBirth', args) : t('actMarriage', args);
}

function Chain({ t, chain, locale, reader }: { t: T; chain: readonly ChainLink[]; locale: Locale; reader: Reader }) {
  return (
    <ol className="mt-3 flex flex-col gap-1" data-testid="astana-chain">
      {chain.map((link, i) => {
        const role = i === 0 ? t(reader === 'staff' ? 'applicant' : 'you') : i === chain.length - 1 ? t('owner') : null;
        return (
          <li key={`${i}-${link.nameRu}`} className="flex flex-col">
            <span className="font-semibold text-ink">
              {locale === 'kk' ? link.nameKk : link.nameRu}
              {role ? <span className="font-normal text-ink-muted"> ({role})</span> : null}
            </span>
            {i + 1 < chain.length ? (
              <span className="ml-4 border-l-2 border-line py-1 pl-3 text-ink-muted">
                <span aria-hidden="true">↓ </span>
                {actText(t, link.act, locale)}
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function NormFacts({ t, decision: d, locale }: { t: T; decision: AstanaDecision; locale: Locale }) {
  const normDecision = d.normDecision.date
    ? d.normDecision.number
      ? t('normDecision', { date: formatDate(d.normDecision.date, locale), number: d.normDecision.number })
      : t('normDecisionNoNumber', { date: formatDate(d.normDecision.date, locale) })
    : null;
  const args = { area: number(d.totalAreaM2, locale), norm: number(d.normM2PerPerson, locale), places: d.places, count: d.registeredCount };
  return (
    <Card title={t('normTitle')}>
      <p className="mb-3 text-lg font-semibold text-ink" data-testid="astana-arithmetic">
        {arithmeticOf(t, d, locale)}
      </p>
      <DescriptionList
        items={[
          { term: t('area'), value: t('areaValue', { area: args.area }) },
          {
            term: t('norm'),
            value: (
              <>
                {t('normValue', { norm: args.norm })}
                {normDecision ? <span className="block text-ink-muted">{normDecision}</span> : null}
              </>
            ),
          },
          { term: t('places'), value: t('placesValue', args) },
          { term: t('registered'), value: t('registeredValue', { count: d.registeredCount }) },
        ]}
      />
    </Card>
  );
}

/** Steps 1–3 alone (area, norm and its decision, places, registered): the Astana step's page shows them first. */
export async function AstanaNormFacts({ decision, locale }: { decision: AstanaDecision; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'ResidenceAstana' });
  return <NormFacts t={t} decision={decision} locale={locale} />;
}

/** Who reads it: the applicant («you» in the chain) or the CON worker («the applicant»). */
type Reader = 'applicant' | 'staff';

const passed = (d: AstanaDecision) => d.outcome === 'within_norm' || d.outcome === 'kinship_confirmed' || d.outcome === 'student_confirmed';

export async function AstanaExplanation({
  decision,
  locale,
  compact = false,
  reader = 'applicant',
}: {
  decision: AstanaDecision;
  locale: Locale;
  reader?: Reader;
  /** One paragraph for a timeline entry or a list: the numbers, the chain's names, the outcome. */
  compact?: boolean;
}) {
  const t = await getTranslations({ locale, namespace: 'ResidenceAstana' });
  const d = decision;
  if (compact) {
    const chain = d.kinship?.confirmed ? d.kinship.chain.map((l) => (locale === 'kk' ? l.nameKk : l.nameRu)).join(' → ') : null;
    return (
      <span data-testid="astana-explanation-compact">
        {arithmeticOf(t, d, locale)}
        {d.claim ? `. ${claimLabelOf(t, d.claim)}` : ''}
        {chain ? `: ${chain}` : ''}. {t(`outcome.${d.outcome}`)}
      </span>
    );
  }
  const record = d.student?.record ?? null;
  return (
    <div className="flex flex-col gap-6" data-testid="astana-explanation">
      <NormFacts t={t} decision={d} locale={locale} />
      {d.claim ? (
        <Card title={t(reader === 'staff' ? 'claimSectionStaff' : 'claimSection')}>
          <p className="font-semibold text-ink" data-testid="astana-claim">
            {claimLabelOf(t, d.claim)}
          </p>
          <p className="text-ink-muted">{t(`relationHint.${d.claim.relation}`)}</p>
        </Card>
      ) : null}
      {d.kinship ? (
        <Card title={t('kinshipSection')}>
          {d.kinship.confirmed ? (
            <>
              <p className="font-semibold text-success-700">{t('kinshipFound')}</p>
              <p className="mt-2 text-ink">{t(reader === 'staff' ? 'chainLeadStaff' : 'chainLead')}</p>
              <Chain t={t} chain={d.kinship.chain} locale={locale} reader={reader} />
            </>
          ) : (
            <>
              <p className="text-lg font-semibold text-danger-700" data-testid="astana-kinship-not-found">
                {t('kinshipNotFound')}
              </p>
              <p className="mt-1 text-ink">{t('kinshipNotFoundHint')}</p>
              <p className="mt-3 font-semibold text-ink">{t('searchedTitle')}</p>
              <ul className="mt-1 list-disc pl-6" data-testid="astana-searched">
                {d.kinship.searched
                  .filter((code) => t.has(`searched.${code}` as never))
                  .map((code) => (
                    <li key={code}>{t(`searched.${code}` as never)}</li>
                  ))}
              </ul>
            </>
          )}
        </Card>
      ) : null}
      {d.student ? (
        <Card title={t('studentSection')}>
          {record ? (
            <>
              <p className="mb-2 font-semibold text-success-700">{t('studentFound')}</p>
              <DescriptionList
                items={[
                  { term: t('institution'), value: locale === 'kk' ? record.institutionKk : record.institutionRu },
                  { term: t('source'), value: t(`sourceName.${record.source}`) },
                  { term: t('studyForm'), value: record.fullTime ? t('fullTime') : t('partTime') },
                  {
                    term: t('period'),
                    value: t('periodValue', { from: formatDate(record.fromDate, locale), to: formatDate(record.toDate, locale) }),
                  },
                ]}
              />
            </>
          ) : (
            <>
              <p className="text-lg font-semibold text-danger-700" data-testid="astana-no-study">
                {t('noFullTimeStudy')}
              </p>
              <p className="mt-1 text-ink">{t('noFullTimeStudyHint')}</p>
            </>
          )}
        </Card>
      ) : null}
      <Notice tone={passed(d) ? 'success' : d.outcome === 'claim_needed' ? 'info' : 'error'} title={t('outcomeTitle')}>
        <p className="font-semibold" data-testid="astana-outcome">
          {t(`outcome.${d.outcome}`)}
        </p>
        <p className="text-ink-muted">{t('checkedAt', { at: formatDateTime(d.checkedAt, locale) })}</p>
      </Notice>
    </div>
  );
}
