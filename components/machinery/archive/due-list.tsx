import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Card, DataTable, EmptyState } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { formatDate, formatDateTime } from '@/lib/format';

type Due = { id: string; number: string; status: 'approved' | 'issued' | 'refused'; decidedAt: Date; dueDate: string };
type Group = { party: { id: number; nameKk: string; nameRu: string }; applications: Due[] };

/** p.16: what is due for transfer, one table per party (akimat or CON), with an optional action per group. */
export async function DueList({ groups, locale, action }: { groups: Group[]; locale: Locale; action?: (g: Group) => ReactNode }) {
  const t = await getTranslations('MachineryArchive');
  if (groups.length === 0) return <EmptyState title={t('dueEmpty')} />;
  return (
    <div className="flex flex-col gap-6" data-testid="due-list">
      {groups.map((g) => {
        const name = locale === 'kk' ? g.party.nameKk : g.party.nameRu;
        return (
          <Card key={g.party.id} title={t('dueFor', { name, count: g.applications.length })} titleAs="h3" actions={action?.(g)}>
            <DataTable
              caption={t('dueFor', { name, count: g.applications.length })}
              captionHidden
              rows={g.applications}
              rowKey={(r) => r.id}
              emptyState={null}
              columns={[
                { key: 'number', header: t('number'), rowHeader: true, cell: (r) => <span className="font-mono">{r.number}</span> },
                { key: 'decision', header: t('decision'), cell: (r) => t(`decisionName.${r.status}`) },
                { key: 'decidedAt', header: t('decidedAt'), cell: (r) => formatDateTime(r.decidedAt, locale) },
                { key: 'dueDate', header: t('dueDate'), cell: (r) => formatDate(r.dueDate, locale) },
              ]}
            />
          </Card>
        );
      })}
    </div>
  );
}
