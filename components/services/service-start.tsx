import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ButtonLink, Card, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import { signInHref } from '@/lib/auth/next-path';
import { formatDate, formatMoney } from '@/lib/format';
import type { Pilot, serviceStartFacts } from '@/lib/services/start-facts';

type Facts = Awaited<ReturnType<typeof serviceStartFacts>>;

/** The service's own texts; the rest of the page (headings, fees, regions, the button) is shared. */
export type ServiceStartTexts = {
  eyebrow?: ReactNode;
  title: string;
  lead: ReactNode;
  /** Who may use it: who applies, by the order. The pilot's regions are added from the settings. */
  who: ReactNode;
  need: readonly ReactNode[];
  /** Under the fees: who is exempt, what the amount covers. */
  costNote?: ReactNode;
  time: ReactNode;
  how: ReactNode;
  /** The button's label for a signed-in person, and for a visitor (who signs in first). */
  start: string;
  signInToStart: string;
  /** A second way in, e.g. the dealer's own area for vehicles. */
  secondary?: ReactNode;
};

/**
 * The public start page of a pilot service (issue 15), one pattern for all four: who can use it, what you need,
 * the cost in ₸ (the fee table at this year's MRP), how long it takes, how to start, and a start button that
 * goes through sign-in and comes back to the service's start in the cabinet. `children`: the service's own extra
 * sections (e.g. Astana's rules for residence).
 */
export async function ServiceStart({
  locale,
  pilot,
  facts,
  texts,
  children,
}: {
  locale: Locale;
  pilot: Pilot;
  facts: Facts;
  texts: ServiceStartTexts;
  children?: ReactNode;
}) {
  const [t, actor] = await Promise.all([getTranslations('ServiceStart'), getActor()]);
  const mrp = new Intl.NumberFormat(locale === 'kk' ? 'kk-KZ' : 'ru-RU', { maximumFractionDigits: 3 });
  const startHref = getPathname({ href: actor ? facts.target : signInHref(facts.target), locale });
  const button = facts.open ? (
    <ButtonLink href={startHref} size="lg" data-testid={`start-${pilot}`}>
      {actor ? texts.start : texts.signInToStart}
    </ButtonLink>
  ) : null;
  const regionNames = facts.regions?.map((r) => (locale === 'kk' ? r.nameKk : r.nameRu)).join(', ');
  return (
    <div className="flex flex-col gap-6" data-pilot={pilot}>
      {/* A smaller heading on a phone, broken inside a word only when one word alone is wider than the screen
          («сельскохозяйственной»): the page never scrolls sideways at 390 px. */}
      <PageHeader
        eyebrow={texts.eyebrow}
        title={texts.title}
        lead={texts.lead}
        actions={button}
        className="mb-0 [&_h1]:text-2xl [&_h1]:[overflow-wrap:anywhere] sm:[&_h1]:text-4xl"
      />
      <p>
        <StatusBadge tone={facts.open ? 'success' : 'neutral'} className="whitespace-normal!">
          {facts.open && facts.endsOn ? t('openUntil', { until: formatDate(facts.endsOn, locale) }) : t('closed')}
        </StatusBadge>
      </p>
      {facts.open ? null : <Notice tone="warning">{t('closedText')}</Notice>}
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('whoTitle')}>
          <div className="flex flex-col gap-3">
            <p>{texts.who}</p>
            <p>
              <span className="font-semibold">{t('regionsTitle')}: </span>
              {regionNames ?? t('regionsAll')}
            </p>
          </div>
        </Card>
        <Card title={t('needTitle')}>
          <ul className="list-disc space-y-2 pl-6">
            {texts.need.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </Card>
        <Card title={t('costTitle')}>
          {facts.bill && facts.bill.lines.length ? (
            <dl className="divide-y divide-line" data-testid="service-cost">
              {facts.bill.lines.map((l) => (
                <div key={l.code} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2">
                  <dt className="min-w-0 flex-1 basis-56">{locale === 'kk' ? l.fee.nameKk : l.fee.nameRu}</dt>
                  <dd className="font-semibold whitespace-nowrap">
                    {formatMoney(l.amountTiyn, locale)}{' '}
                    <span className="font-normal text-ink-muted">({t('mrp', { value: mrp.format(l.mrpMilli / 1000) })})</span>
                  </dd>
                </div>
              ))}
              <div className="flex flex-wrap justify-between gap-x-4 py-2 font-bold">
                <dt>{t('total')}</dt>
                <dd className="whitespace-nowrap">{formatMoney(facts.bill.totalTiyn, locale)}</dd>
              </div>
            </dl>
          ) : (
            <p className="font-semibold" data-testid="service-cost">
              {t('free', { amount: formatMoney(0, locale) })}
            </p>
          )}
          {facts.bill && facts.bill.lines.length ? (
            <p className="mt-3 text-sm text-ink-muted">
              {t('mrpNote', { year: String(facts.bill.year), value: formatMoney(facts.bill.mrpTenge * 100, locale) })}
            </p>
          ) : null}
          {texts.costNote ? <p className="mt-3">{texts.costNote}</p> : null}
        </Card>
        <Card title={t('timeTitle')}>
          <p>{texts.time}</p>
        </Card>
      </div>
      <Card title={t('howTitle')}>
        <div className="flex flex-col gap-4">
          <p>{texts.how}</p>
          {button || texts.secondary ? (
            <div className="flex flex-wrap gap-3">
              {button}
              {texts.secondary}
            </div>
          ) : null}
        </div>
      </Card>
      {children}
    </div>
  );
}
