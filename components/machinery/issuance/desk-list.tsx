import { getTranslations } from 'next-intl/server';
import { Card, DataTable, EmptyState } from '@/components/ui';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { formatDateTime } from '@/lib/format';

type Row = {
  id: string;
  number: string;
  decidedAt: Date | null;
  action: 'registration' | 're_registration' | 'deregistration' | 'duplicate_document' | 'duplicate_plate';
  machineKind: 'tractor' | 'self_propelled' | 'trailer' | 'special' | null;
  make: string | null;
  model: string | null;
  plate: string | null;
  owner: string;
  byRepresentative: boolean;
};

/** The issuance desk's machinery section (p.11): approved applications of this CON, owners' IINs masked. */
export async function MachineryDeskList({ rows, locale }: { rows: readonly Row[]; locale: Locale }) {
  const [t, tm] = await Promise.all([getTranslations('MachineryIssuance'), getTranslations('Machinery')]);
  return (
    <Card title={t('listTitle')}>
      <p className="mb-4 text-ink-muted">{t('listLead')}</p>
      <DataTable
        caption={t('listTitle')}
        captionHidden
        rows={rows}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('empty')} />}
        columns={[
          {
            key: 'number',
            header: t('number'),
            rowHeader: true,
            cell: (r) => (
              <Link
                href={`/issuance/machinery/${r.id}`}
                className="font-mono whitespace-nowrap"
                aria-label={t('open', { number: r.number })}
              >
                {r.number}
              </Link>
            ),
          },
          { key: 'action', header: t('action'), cell: (r) => tm(`action.${r.action}`) },
          {
            key: 'machine',
            header: t('machine'),
            cell: (r) =>
              [r.machineKind ? t(`kind.${r.machineKind}`) : null, [r.make, r.model].filter(Boolean).join(' ')].filter(Boolean).join(', '),
          },
          { key: 'plate', header: t('plate'), cell: (r) => r.plate ?? '—' },
          {
            key: 'owner',
            header: t('owner'),
            cell: (r) => (
              <>
                <span className="font-mono">{r.owner}</span>
                {r.byRepresentative ? ` (${t('byRepresentative')})` : null}
              </>
            ),
          },
          { key: 'decidedAt', header: t('decidedAt'), cell: (r) => (r.decidedAt ? formatDateTime(r.decidedAt, locale) : '—') },
        ]}
      />
    </Card>
  );
}
