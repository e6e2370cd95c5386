import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, PageHeader } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { accessLogFor } from '@/lib/audit/queries';
import { requireArea } from '@/lib/auth/guards';
import { roles, type Role } from '@/lib/auth/roles';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Cabinet' });
  return { title: t('accessLogTitle') };
}

/** "Who viewed my data" (SPEC §2.8): the organisation and the time, from the audit log. */
export default async function AccessLogPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  const { actor } = await requireArea('cabinet');
  const [t, tr, format, log] = await Promise.all([
    getTranslations('Cabinet'),
    getTranslations('Roles'),
    getFormatter(),
    accessLogFor(actor.iin, 50),
  ]);
  const roleOf = (org: string | null) => {
    const r = org?.split(':')[0];
    return r && (roles as readonly string[]).includes(r) ? tr(r as Role) : '—';
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('accessLogTitle')} lead={t('accessLogLead')} />
      <DataTable
        caption={t('accessLogTitle')}
        captionHidden
        columns={[
          { key: 'at', header: t('when'), rowHeader: true, cell: (r) => format.dateTime(r.at, 'stamp') },
          { key: 'org', header: t('who'), cell: (r) => roleOf(r.org) },
          {
            key: 'action',
            header: t('what'),
            cell: (r) => (t.has(`actions.${r.action}` as never) ? t(`actions.${r.action}` as never) : r.action),
          },
        ]}
        rows={log.rows}
        rowKey={(r) => String(r.id)}
        emptyState={<EmptyState title={t('noAccess')} description={t('noAccessText')} />}
      />
    </div>
  );
}
