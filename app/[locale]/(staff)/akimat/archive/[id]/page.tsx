import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignDialog } from '@/components/eds/sign-dialog';
import { ActView } from '@/components/machinery/archive/act-view';
import { Card, Notice } from '@/components/ui';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { signActAsAkimatAction } from '@/lib/machinery/archive-actions';
import { actDigest, signaturesOfAct, transferActFor } from '@/lib/machinery/archive-queries';
import { hasSigned } from '@/lib/machinery/transfer-act';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'MachineryArchive' });
  return { title: t('signTitle') };
}

/** p.17, the akimat signs the act it formed (before or after the head of the front office). */
export default async function AkimatActPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ signed?: string; formed?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('akimat');
  const act = await transferActFor(actor, grant, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const [t, signatures, digest, sp] = await Promise.all([
    getTranslations('MachineryArchive'),
    signaturesOfAct(act),
    actDigest(act),
    searchParams,
  ]);
  const mine = !hasSigned(act.status, 'akimat');
  return (
    <ActView
      act={act}
      canonical={digest.canonical}
      hash={digest.hash}
      signatures={signatures}
      locale={locale}
      back={<Link href="/akimat/archive">{t('back')}</Link>}
      notice={sp.signed || sp.formed ? <Notice tone="success" title={sp.signed ? t('signed') : t('formed')} /> : null}
      sign={
        mine ? (
          <Card title={t('signTitle')}>
            <p className="mb-4 text-ink-muted">{t('signText')}</p>
            <SignDialog
              document={digest.canonical}
              signer={{ iin: actor.iin }}
              action={signActAsAkimatAction}
              fields={{ actId: act.id, version: String(act.version), locale }}
              summary={[
                { term: t('summaryAct'), value: act.number },
                { term: t('summaryParties'), value: `${digest.canonical.con.name} → ${digest.canonical.akimat.name}` },
                { term: t('summaryCount'), value: String(digest.canonical.applications.length) },
                { term: t('summarySide'), value: t('sideAkimat') },
              ]}
              title={t('signTitle')}
              openLabel={t('sign')}
            />
          </Card>
        ) : null
      }
    />
  );
}
