import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { VerifyQr } from '@/components/eds/verify-qr';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { publicOrigin } from '@/lib/http/origin';
import { signatureReportFor } from '@/lib/signatures/queries';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Eds' });
  return { title: t('reportTitle') };
}

/** The signer's own signature: the report, and the number + code + QR anyone can re-verify it with. */
export default async function SignatureReportPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('signature');
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const report = await signatureReportFor(id, actor.iin);
  if (!report) notFound();
  const [t, tv, te, format, origin] = await Promise.all([
    getTranslations('Eds'),
    getTranslations('Verify'),
    getTranslations('Errors'),
    getFormatter(),
    publicOrigin(),
  ]);
  const verifyPath = `/${locale}/verify?number=${encodeURIComponent(report.documentNumber)}&code=${report.verifyCode}`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('reportTitle')} lead={t('reportLead')} />
      {report.validNow ? (
        <Notice tone="success" title={t('reportValid')} />
      ) : (
        <Notice tone="error" title={t('reportInvalid')}>
          <ul className="list-disc pl-5">
            {report.problems.map((p) => (
              <li key={p}>{te(`signature_${p}` as never)}</li>
            ))}
          </ul>
        </Notice>
      )}
      <Card
        title={
          <span className="flex flex-wrap items-center gap-3">
            {report.documentNumber}
            <StatusBadge tone={report.validNow ? 'success' : 'danger'}>{report.validNow ? tv('valid') : tv('invalid')}</StatusBadge>
          </span>
        }
      >
        <div className="flex flex-col gap-6 md:flex-row">
          <DescriptionList
            className="flex-1"
            items={[
              { term: tv('signer'), value: report.signer?.fullName ?? '—' },
              { term: tv('iin'), value: <span className="font-mono">{report.signer?.iin ?? '—'}</span> },
              ...(report.signer?.bin ? [{ term: tv('bin'), value: <span className="font-mono">{report.signer.bin}</span> }] : []),
              { term: tv('signedAt'), value: format.dateTime(report.signedAt, 'stamp') },
              {
                term: tv('certificate'),
                value: report.signer
                  ? `${report.signer.serialNumber} · ${tv('validity', { from: format.dateTime(new Date(report.signer.notBefore), 'short'), to: format.dateTime(new Date(report.signer.notAfter), 'short') })}`
                  : '—',
              },
              {
                term: tv('revocation'),
                value:
                  report.revocation.status === 'unknown'
                    ? tv('revocationUnknown')
                    : report.revocation.source === 'crl'
                      ? tv('revocationCrl', {
                          ca: report.revocation.crlIssuer,
                          date: format.dateTime(new Date(report.revocation.crlIssuedAt), 'stamp'),
                        })
                      : tv('revocationLocal'),
              },
              { term: t('documentHash'), value: <code className="break-all font-mono">{report.dataSha256}</code> },
              {
                term: tv('code'),
                value: (
                  <span className="font-mono text-lg font-bold" data-testid="verify-code">
                    {report.verifyCode}
                  </span>
                ),
              },
            ]}
          />
          <figure className="flex flex-col items-center gap-2">
            <VerifyQr url={`${origin}${verifyPath}`} label={t('qrLabel', { number: report.documentNumber })} />
            <figcaption className="max-w-40 text-center text-sm text-ink-muted">{t('qrCaption')}</figcaption>
          </figure>
        </div>
      </Card>
      <div className="flex flex-wrap gap-3">
        <ButtonLink href={verifyPath} data-testid="verify-link">
          {t('openVerification')}
        </ButtonLink>
        <ButtonLink href={`/${locale}/signature`} variant="secondary">
          {t('signAgain')}
        </ButtonLink>
      </div>
    </div>
  );
}
