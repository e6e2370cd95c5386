import type { Metadata } from 'next';
import { randomInt } from 'node:crypto';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, Notice, PageHeader } from '@/components/ui';
import { SignDialog } from '@/components/eds/sign-dialog';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { signEdsCheckAction } from '@/lib/signatures/actions';
import { edsCheckDocument, newEdsCheckNumber } from '@/lib/signatures/eds-check';
import { signerName } from '@/lib/signatures/eds-check-service';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Eds' });
  return { title: t('checkTitle') };
}

/**
 * "Check my EDS": a statement prepared for the signed-in person (and one per organisation they sign for), signed
 * in the browser with NCALayer or a key file; the result page shows the report, the code and the QR.
 */
export default async function SignaturePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('signature');
  const [t, format] = await Promise.all([getTranslations('Eds'), getFormatter()]);
  const bins = actor.grants.flatMap((g) => (g.role === 'dealer' && g.dealerBin ? [g.dealerBin] : []));
  const now = new Date();
  const name = signerName(actor);
  const identities = [
    { bin: null as string | null, label: t('asPerson') },
    ...bins.map((bin) => ({ bin: bin as string | null, label: t('asEmployee', { bin }) })),
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('checkTitle')} lead={t('checkLead')} />
      <Notice tone="info">{t('checkPrivacy')}</Notice>
      {identities.map(({ bin, label }) => {
        const number = newEdsCheckNumber(now, randomInt);
        const createdAt = now.toISOString();
        const statement = t('checkStatement', { name });
        const document = edsCheckDocument({ number, createdAt, locale, statement, signer: { iin: actor.iin, name, bin } });
        const summary = [
          { term: t('docNumber'), value: number },
          { term: t('docSigner'), value: name },
          { term: t('docIin'), value: actor.iin },
          ...(bin ? [{ term: t('docBin'), value: bin }] : []),
          { term: t('docStatement'), value: statement },
          { term: t('docDate'), value: format.dateTime(now, 'stamp') },
        ];
        return (
          <div key={bin ?? 'person'} data-identity={bin ?? 'person'}>
            <Card title={label} titleAs="h2">
              <p className="mb-4 text-ink-muted">{statement}</p>
              <SignDialog
                document={document}
                summary={summary}
                signer={{ iin: actor.iin, bin }}
                action={signEdsCheckAction}
                fields={{ number, createdAt, locale, bin: bin ?? '' }}
                title={t('signDialogTitle')}
                openLabel={t('signStatement')}
              />
            </Card>
          </div>
        );
      })}
    </div>
  );
}
