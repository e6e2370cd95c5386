import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CallNextForm, IssueTicketForm } from '@/components/machinery/intake/forms';
import { ButtonLink, Card, DataTable, EmptyState, Notice, PageHeader } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { formatDateTime } from '@/lib/format';
import { frontOfficeListOf, machineryPilotOpenAt } from '@/lib/machinery/intake-queries';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'MachineryIntake' });
  return { title: t('listTitle') };
}

/** The CON front office of the machinery pilot (orders 001/004, p.5–6): the e-queue and the worker's open intakes. */
export default async function FrontOfficePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { grant } = await requireArea('front-office');
  const [t, tm, te, [open, waiting], pilotOpen, trc] = await Promise.all([
    getTranslations('MachineryIntake'),
    getTranslations('Machinery'),
    getTranslations('Errors'),
    frontOfficeListOf(grant.serviceCentreId!),
    machineryPilotOpenAt(grant.serviceCentreId!),
    getTranslations('ResidenceCon.hall'),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('listTitle')}
        lead={t('listLead')}
        actions={
          <>
            {/* Residence registration for a minor's or an incapable owner's dwelling (order 003, p.6–8). */}
            <ButtonLink variant="secondary" href={`/${locale}/front-office/residence`}>
              {trc('hallLink')}
            </ButtonLink>
            <ButtonLink variant="secondary" href={getPathname({ href: '/front-office/archive', locale })}>
              {t('archiveLink')}
            </ButtonLink>
          </>
        }
      />
      {/* Order p.1: a CON outside the pilot's regions or dates takes no machinery intake; it says so instead. */}
      {pilotOpen ? (
        <div className="grid gap-6 md:grid-cols-2">
          <Card title={t('queueTitle')}>
            <p className="mb-4" data-testid="waiting-count">
              {t('waiting', { count: waiting.length })}
              {waiting[0] ? ` ${t('nextTicket', { code: waiting[0].code })}` : ''}
            </p>
            <CallNextForm />
          </Card>
          <Card title={t('ticketTitle')}>
            <p className="mb-4 text-ink-muted">{t('ticketLead')}</p>
            <IssueTicketForm />
          </Card>
        </div>
      ) : (
        <Notice tone="info" title={te('machinery_pilot_closed')} />
      )}
      <Card title={t('openTitle')}>
        <DataTable
          caption={t('openTitle')}
          captionHidden
          rowKey={(r) => r.id}
          rows={open}
          columns={[
            {
              key: 'number',
              header: t('colNumber'),
              rowHeader: true,
              cell: (r) => (
                <Link href={`/${locale}/front-office/${r.id}`} className="font-mono underline">
                  {r.number}
                </Link>
              ),
            },
            { key: 'ticket', header: t('colTicket'), cell: (r) => r.ticket ?? '—' },
            { key: 'action', header: t('colAction'), cell: (r) => tm(`action.${r.action}`) },
            { key: 'created', header: t('colCreated'), cell: (r) => formatDateTime(r.createdAt, locale) },
          ]}
          emptyState={<EmptyState titleAs="p" title={t('openEmpty')} />}
        />
      </Card>
    </div>
  );
}
