import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, PageHeader } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { localDate } from '@/lib/calendar/local';
import { accessLogFor, type AccessLine } from '@/lib/audit/queries';
import { requireArea } from '@/lib/auth/guards';
import { formatDate } from '@/lib/format';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Cabinet' });
  return { title: t('accessLogTitle') };
}

/**
 * "Who viewed my data" (SPEC §2.8, issue 15): the office (never the officer), the action in words, the application,
 * and repeated actions of one office on one application on one day as one line (lib/audit/access-log.ts).
 */
export default async function AccessLogPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const [t, format, log] = await Promise.all([getTranslations('Cabinet'), getFormatter(), accessLogFor(actor.iin)]);
  const officeName = (l: AccessLine) => {
    const name = l.officeName ? (locale === 'kk' ? l.officeName.nameKk : l.officeName.nameRu) : null;
    switch (l.office.kind) {
      case 'region':
      case 'akimat':
      case 'centre':
      case 'point':
        return name ? t(`office.${l.office.kind}`, { name }) : t('office.unknown');
      case 'dealer':
        return t('office.dealer', { bin: l.office.id ?? '' });
      default:
        return t(`office.${l.office.kind}`);
    }
  };
  const when = (l: AccessLine) => {
    if (l.count === 1) return format.dateTime(l.last, 'stamp');
    const time = (d: Date) => format.dateTime(d, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    // One group is one Almaty day (groupAccess), so the day is shown once.
    return t('repeated', { count: l.count, day: formatDate(localDate(l.last), locale), from: time(l.first), to: time(l.last) });
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('accessLogTitle')} lead={t('accessLogLead')} />
      <DataTable
        caption={t('accessLogTitle')}
        captionHidden
        columns={[
          { key: 'at', header: t('when'), rowHeader: true, cell: when },
          { key: 'org', header: t('who'), cell: officeName },
          { key: 'action', header: t('what'), cell: (l) => t(`accessKinds.${l.kind}`) },
          {
            key: 'application',
            header: t('application'),
            cell: (l) => (l.applicationNumber ? <span className="font-mono">{l.applicationNumber}</span> : '—'),
          },
        ]}
        rows={log.lines}
        rowKey={(l) => l.key}
        emptyState={<EmptyState title={t('noAccess')} description={t('noAccessText')} />}
      />
    </div>
  );
}
