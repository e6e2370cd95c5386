import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, PageHeader, StatusBadge } from '@/components/ui';
import { VisuallyHidden } from '@/components/ui/visually-hidden';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { toLocalDate } from '@/lib/calendar/deadline';
import { formatDate } from '@/lib/format';
import { allPilotSettings, pilotOpen } from '@/lib/reference/queries';
import { SERVICE_PAGES } from '@/lib/services/start-targets';

// Each service has its own public start page (issue 15): who, what, how much, how long, how to start.
const services = [
  { pilot: 'vehicle', title: 'vehicleTitle', text: 'vehicleText' },
  { pilot: 'machinery', title: 'machineryTitle', text: 'machineryText' },
  { pilot: 'id_card', title: 'idCardTitle', text: 'idCardText' },
  { pilot: 'residence', title: 'residenceTitle', text: 'residenceText' },
] as const;

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const locale = (await params).locale;
  const [t, tc] = await Promise.all([getTranslations({ locale, namespace: 'Home' }), getTranslations({ locale, namespace: 'Common' })]);
  // The layout's "%s — Qyzmet" template applies only below the layout's own segment: the landing writes it out.
  return { title: { absolute: `${t('title')} — ${tc('portalName')}` } };
}

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, settings] = await Promise.all([getTranslations('Home'), allPilotSettings()]);
  const today = toLocalDate(new Date());
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t('title')} lead={t('lead')} />
      <section aria-labelledby="services-title" className="flex flex-col gap-4">
        <h2 id="services-title" className="text-2xl font-semibold">
          {t('servicesTitle')}
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {services.map((s) => {
            const setting = settings.get(s.pilot);
            const open = pilotOpen(setting, today);
            return (
              <li key={s.pilot}>
                <Card title={t(s.title)} titleAs="h3">
                  <p className="text-slate-700">{t(s.text)}</p>
                  <p className="mt-3">
                    <ButtonLink
                      href={getPathname({ href: SERVICE_PAGES[s.pilot], locale })}
                      variant="secondary"
                      data-testid={`service-${s.pilot}`}
                    >
                      {t('serviceLink')}
                      <VisuallyHidden>: {t(s.title)}</VisuallyHidden>
                    </ButtonLink>
                  </p>
                  <p className="mt-3">
                    {/* A long date line wraps at 390 px instead of pushing the page sideways. */}
                    <StatusBadge tone={open ? 'success' : 'neutral'} className="whitespace-normal!">
                      {open && setting ? t('openUntil', { until: formatDate(setting.endsOn, locale) }) : t('closed')}
                    </StatusBadge>
                  </p>
                </Card>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="flex flex-col items-start gap-2">
        <ButtonLink href={getPathname({ href: '/sign-in', locale })} size="lg">
          {t('signInCta')}
        </ButtonLink>
        <p className="text-sm text-slate-700">{t('forStaff')}</p>
      </section>
    </div>
  );
}
