import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, DescriptionList, EmptyState, Notice, PageHeader, StatusBadge, TextField } from '@/components/ui';
import type { Locale } from '@/i18n/routing';
import { maskIin } from '@/lib/kz/iin';
import { verifyDocumentSignatures } from '@/lib/signatures/queries';
import { formatDate } from '@/lib/format';
import { rateLimit, requestIp, waitParams } from '@/lib/rate-limit';
import { certificateForVerify } from '@/lib/residence/citizen-queries';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Verify' });
  return { title: t('title') };
}

/**
 * Public signature verification (no sign-in): a document number and its code show who signed what and when,
 * and whether each signature is valid now — names and masked IINs only.
 */
export default async function VerifyPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ number?: string; code?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const q = await searchParams;
  const number = (q.number ?? '').trim().toUpperCase().slice(0, 40);
  const code = (q.code ?? '').trim().toUpperCase().slice(0, 20);
  const [t, te, format] = await Promise.all([getTranslations('Verify'), getTranslations('Errors'), getFormatter()]);
  const asked = !!number && !!code;
  // Each lookup counts against the client's limit (guessing codes); the form keeps what was typed when refused.
  const limited = asked ? await rateLimit('verify', { ip: await requestIp() }) : null;
  const found =
    asked && limited?.ok && /^[A-Z0-9-]{3,40}$/.test(number) && /^[A-Z0-9]{4,20}$/.test(code)
      ? await verifyDocumentSignatures(number, code)
      : null;
  // Order 003: behind an address certificate's QR, the certificate itself (masked holder, address, in force or not).
  const residence = found?.length && number.startsWith('RR-') ? await certificateForVerify(number, code, locale) : null;
  const [tra, tres] = residence ? await Promise.all([getTranslations('ResidenceApplication'), getTranslations('Residence')]) : [null, null];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-5">
        <TextField name="number" label={t('number')} hint={t('numberHint')} defaultValue={number} width="md" />
        <TextField name="code" label={t('code')} hint={t('codeHint')} defaultValue={code} width="sm" autoComplete="off" />
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          {t('check')}
        </button>
      </form>
      {limited && !limited.ok ? <Notice tone="error" title={te('rate_limited', waitParams(limited.retryAfterSeconds))} /> : null}
      {asked && limited?.ok && !found ? (
        <Notice tone="error" title={t('notFound')}>
          {t('notFoundText')}
        </Notice>
      ) : null}
      {found ? (
        <section aria-labelledby="result-title" className="flex flex-col gap-4" data-testid="verify-result">
          <h2 id="result-title" className="text-2xl font-semibold">
            {t('resultTitle', { number })}
          </h2>
          {residence && tra && tres ? (
            <Card
              title={
                <span className="flex flex-wrap items-center gap-3">
                  {tra('verifyTitle', { number: residence.certificateNumber })}
                  <StatusBadge tone={residence.state === 'active' ? 'success' : 'neutral'}>
                    {tres(`certificateState.${residence.state}`)}
                  </StatusBadge>
                </span>
              }
            >
              <div data-testid="verify-residence">
                <DescriptionList
                  items={[
                    { term: tra('holder'), value: residence.holder },
                    { term: tra('service'), value: tres(`kind.${residence.kind}`) },
                    { term: tra('dwelling'), value: locale === 'kk' ? residence.addressKk : residence.addressRu },
                    { term: tra('registeredAt'), value: format.dateTime(residence.registeredAt, 'short') },
                    ...(residence.kind === 'temporary' && residence.stayFrom && residence.stayUntil
                      ? [
                          {
                            term: tra('period'),
                            value: `${formatDate(residence.stayFrom, locale)} – ${formatDate(residence.stayUntil, locale)}`,
                          },
                        ]
                      : []),
                  ]}
                />
              </div>
            </Card>
          ) : null}
          {found.length === 0 ? (
            <EmptyState title={t('notFound')} />
          ) : (
            found.map((s) => (
              <Card
                key={s.id}
                title={
                  <span className="flex flex-wrap items-center gap-3">
                    {t.has(`roles.${s.partyRole}` as never) ? t(`roles.${s.partyRole}` as never) : t('roles.other')}
                    <StatusBadge tone={s.validNow ? 'success' : 'danger'}>{s.validNow ? t('valid') : t('invalid')}</StatusBadge>
                  </span>
                }
              >
                <DescriptionList
                  items={[
                    { term: t('signer'), value: s.signer?.fullName ?? '—' },
                    { term: t('iin'), value: s.signer?.iin ? <span className="font-mono">{maskIin(s.signer.iin)}</span> : '—' },
                    ...(s.signer?.bin ? [{ term: t('bin'), value: <span className="font-mono">{s.signer.bin}</span> }] : []),
                    { term: t('signedAt'), value: format.dateTime(s.signedAt, 'stamp') },
                    {
                      term: t('certificate'),
                      value: s.signer
                        ? t('validity', {
                            from: format.dateTime(new Date(s.signer.notBefore), 'short'),
                            to: format.dateTime(new Date(s.signer.notAfter), 'short'),
                          })
                        : '—',
                    },
                    {
                      term: t('revocation'),
                      value:
                        s.revocation.status === 'unknown'
                          ? t('revocationUnknown')
                          : s.revocation.source === 'crl'
                            ? t('revocationCrl', {
                                ca: s.revocation.crlIssuer,
                                date: format.dateTime(new Date(s.revocation.crlIssuedAt), 'stamp'),
                              })
                            : t('revocationLocal'),
                    },
                  ]}
                />
                {s.problems.length ? (
                  <ul className="mt-3 list-disc pl-5 text-sm">
                    {s.problems.map((p) => (
                      <li key={p}>{te(`signature_${p}` as never)}</li>
                    ))}
                  </ul>
                ) : null}
              </Card>
            ))
          )}
        </section>
      ) : null}
    </div>
  );
}
