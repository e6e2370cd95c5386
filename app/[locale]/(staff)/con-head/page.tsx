import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ScopeLabel } from '@/components/site/scope-label';
import { ActsTable } from '@/components/machinery/archive/acts-table';
import { DueList } from '@/components/machinery/archive/due-list';
import { Card, PageHeader } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { dueAtCentre, transferActsOf } from '@/lib/machinery/archive-queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Areas' });
  return { title: t('con-head.title') };
}

/** The head of the front office (p.16–17): acts awaiting their signature, signed ones, and what is due. */
export default async function ConHeadPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('con-head');
  const [t, ta, acts, due] = await Promise.all([
    getTranslations('MachineryArchive'),
    getTranslations('Areas'),
    transferActsOf(actor, grant),
    dueAtCentre(actor, grant),
  ]);
  const awaiting = acts.filter((a) => a.status === 'draft' || a.status === 'signed_by_akimat');
  const signed = acts.filter((a) => a.status === 'signed_by_con' || a.status === 'completed');
  const href = (id: string) => `/con-head/acts/${id}`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={ta('con-head.title')}
        lead={ta('con-head.lead')}
      />
      <ActsTable rows={awaiting} locale={locale} caption={t('awaitingTitle')} empty={t('awaitingEmpty')} hrefOf={href} />
      <ActsTable rows={signed} locale={locale} caption={t('signedTitle')} empty={t('actsEmpty')} hrefOf={href} />
      <Card title={t('dueTitle')}>
        <DueList groups={due} locale={locale} />
      </Card>
    </div>
  );
}
