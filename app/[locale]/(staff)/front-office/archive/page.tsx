import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActsTable } from '@/components/machinery/archive/acts-table';
import { DueList } from '@/components/machinery/archive/due-list';
import { ScopeLabel } from '@/components/site/scope-label';
import { Card, PageHeader } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { dueAtCentre, transferActsOf } from '@/lib/machinery/archive-queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'MachineryArchive' });
  return { title: t('frontOfficeTitle') };
}

/** p.16 at the front office: what this CON holds past the month, per akimat (read-only), and the acts. */
export default async function FrontOfficeArchivePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('front-office');
  const [t, due, acts] = await Promise.all([getTranslations('MachineryArchive'), dueAtCentre(actor, grant), transferActsOf(actor, grant)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={t('frontOfficeTitle')}
        lead={t('frontOfficeLead')}
      />
      <Card title={t('dueTitle')}>
        <DueList groups={due} locale={locale} />
      </Card>
      <ActsTable
        rows={acts}
        locale={locale}
        caption={t('actsTitle')}
        empty={t('actsEmpty')}
        hrefOf={(id) => `/api/machinery/transfer-acts/${id}?locale=${locale}`}
      />
    </div>
  );
}
