import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActsTable } from '@/components/machinery/archive/acts-table';
import { DueList } from '@/components/machinery/archive/due-list';
import { FormActButton } from '@/components/machinery/archive/form-act-button';
import { ScopeLabel } from '@/components/site/scope-label';
import { Card, PageHeader } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { dueAtAkimat, transferActsOf } from '@/lib/machinery/archive-queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'MachineryArchive' });
  return { title: t('akimatTitle') };
}

/** p.16–17 at the akimat: what each CON holds for it past the month, an act per CON, and the acts so far. */
export default async function AkimatArchivePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('akimat');
  const [t, due, acts] = await Promise.all([getTranslations('MachineryArchive'), dueAtAkimat(actor, grant), transferActsOf(actor, grant)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={t('akimatTitle')}
        lead={t('akimatLead')}
      />
      <Card title={t('dueTitle')}>
        <DueList
          groups={due}
          locale={locale}
          action={(g) => (
            <FormActButton serviceCentreId={g.party.id} label={`${t('formAct')}: ${locale === 'kk' ? g.party.nameKk : g.party.nameRu}`} />
          )}
        />
      </Card>
      <ActsTable rows={acts} locale={locale} caption={t('actsTitle')} empty={t('actsEmpty')} hrefOf={(id) => `/akimat/archive/${id}`} />
    </div>
  );
}
