import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ButtonLink, Card, DataTable, DescriptionList, PageHeader, StatusBadge } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { formatDate, formatDateTime } from '@/lib/format';
import type { ActSignatureReport, TransferAct } from '@/lib/machinery/archive-queries';
import type { CanonicalAct } from '@/lib/machinery/transfer-act';

/**
 * The act as both parties see it (p.17): its parties and applications as frozen in the canonical act, its hash,
 * both signatures with their reports, the PDF in kk and ru, and the signing slot of the party viewing it.
 */
export async function ActView({
  act,
  canonical,
  hash,
  signatures,
  locale,
  sign,
  notice,
  back,
}: {
  act: TransferAct;
  canonical: CanonicalAct;
  hash: string;
  signatures: readonly ActSignatureReport[];
  locale: Locale;
  sign?: ReactNode;
  notice?: ReactNode;
  back: ReactNode;
}) {
  const [t, tm] = await Promise.all([getTranslations('MachineryArchive'), getTranslations('Machinery')]);
  const pdf = (l: Locale) => `/api/machinery/transfer-acts/${act.id}?locale=${l}`;
  const side = (s: 'akimat' | 'con_head') => {
    const r = signatures.find((x) => x.side === s);
    return (
      <Card title={s === 'akimat' ? t('sideAkimat') : t('sideConHead')} titleAs="h3">
        {r ? (
          <DescriptionList
            items={[
              { term: t('signer'), value: r.name },
              { term: t('signedAt'), value: formatDateTime(r.signedAt, locale) },
              { term: t('certificateSerial'), value: <span className="font-mono break-all">{r.certificateSerial}</span> },
              { term: t('verifyCode'), value: <span className="font-mono">{r.verifyCode}</span> },
            ]}
          />
        ) : (
          <p className="text-ink-muted">{t('notSigned')}</p>
        )}
      </Card>
    );
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={back}
        title={t('actTitle', { number: act.number })}
        actions={
          <StatusBadge tone={act.status === 'completed' ? 'success' : 'warning'}>
            <span data-testid="act-status">{t(`status.${act.status}`)}</span>
          </StatusBadge>
        }
      />
      {notice}
      <Card>
        <DescriptionList
          items={[
            { term: t('actDate'), value: formatDate(canonical.date, locale) },
            { term: t('transfers'), value: canonical.con.name },
            { term: t('accepts'), value: canonical.akimat.name },
            { term: t('actHash'), value: <code className="font-mono break-all">{hash}</code> },
            ...(act.completedAt ? [{ term: t('transferredAt'), value: formatDateTime(act.completedAt, locale) }] : []),
          ]}
        />
        <div className="mt-4 flex flex-wrap gap-3">
          <ButtonLink href={pdf('kk')} variant="secondary" data-testid="pdf-kk" hrefLang="kk">
            {t('pdfKk')}
          </ButtonLink>
          <ButtonLink href={pdf('ru')} variant="secondary" data-testid="pdf-ru" hrefLang="ru">
            {t('pdfRu')}
          </ButtonLink>
        </div>
      </Card>
      <DataTable
        caption={t('applicationsTitle')}
        rows={canonical.applications}
        rowKey={(a) => a.number}
        emptyState={null}
        columns={[
          {
            key: 'number',
            header: t('number'),
            rowHeader: true,
            cell: (a) => <span className="font-mono whitespace-nowrap">{a.number}</span>,
          },
          { key: 'action', header: t('actionHeader'), cell: (a) => tm(`action.${a.action}` as never) },
          {
            key: 'machine',
            header: t('kindHeader'),
            cell: (a) =>
              [t(`kind.${a.machine.kind}` as never), `${a.machine.make} ${a.machine.model}`, a.machine.serialNumber, a.machine.plate]
                .filter(Boolean)
                .join(', '),
          },
          {
            key: 'decision',
            header: t('decision'),
            cell: (a) => `${t(`decisionName.${a.decision}` as never)}, ${formatDateTime(a.decidedAt, locale)}`,
          },
          {
            key: 'documents',
            header: t('documents'),
            cell: (a) =>
              a.documents.map((d) => (tm.has(`checklist.${d.code}` as never) ? tm(`checklist.${d.code}` as never) : d.name)).join('; ') ||
              '—',
          },
        ]}
      />
      <section aria-labelledby="act-signatures" className="flex flex-col gap-4">
        <h2 id="act-signatures" className="text-xl font-bold">
          {t('signaturesTitle')}
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          {side('akimat')}
          {side('con_head')}
        </div>
      </section>
      {sign}
    </div>
  );
}
