import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DeskForms, ReferralLinks } from '@/components/residence/con-forms';
import { Card, Notice, PageHeader } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { deskTicketFor } from '@/lib/residence/con-queries';
import { deskRefusalCodes } from '@/lib/residence/con-types';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ResidenceCon.desk' });
  return { title: t('title') };
}

/** The desk of a called ticket (order 003, p.6–8): the owner's IIN checked, then the representative (p.7). */
export default async function ResidenceDeskPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; ticketId: string }>;
  searchParams: Promise<{ refused?: string }>;
}) {
  const { locale, ticketId } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('front-office');
  const ticket = await deskTicketFor(actor, grant, ticketId).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  if (ticket.applicationId) redirect(`/${locale}/front-office/residence/${ticket.applicationId}`);
  const [t, tc, sp] = await Promise.all([getTranslations('ResidenceCon.desk'), getTranslations('ResidenceCon'), searchParams]);
  const refused = sp.refused && (deskRefusalCodes as readonly string[]).includes(sp.refused) ? sp.refused : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader eyebrow={<span className="font-mono">{ticket.code}</span>} title={t('title')} lead={t('lead')} />
      <p>
        <Link href={`/${locale}/front-office/residence`} className="underline">
          {t('backToHall')}
        </Link>
      </p>
      {ticket.status === 'called' ? (
        <Card>
          <DeskForms ticketId={ticket.id} />
        </Card>
      ) : (
        <Notice tone={refused ? 'warning' : 'info'} title={refused ? t('refusedTitle') : t('closedTitle')}>
          {refused ? (
            <>
              <p className="mb-2" data-testid="desk-refused">
                {tc(`refusal.${refused}` as never)}
              </p>
              <p className="mb-3">{t('refusedText')}</p>
              <ReferralLinks kind="refused" reason={refused} />
            </>
          ) : (
            <p>{t('closedText')}</p>
          )}
        </Notice>
      )}
    </div>
  );
}
