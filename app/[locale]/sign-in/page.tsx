import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Notice, PageHeader } from '@/components/ui';
import { EdsSignIn } from '@/components/eds/eds-sign-in';
import type { Locale } from '@/i18n/routing';
import { demoSignInAction } from '@/lib/auth/actions';
import { isDemoMode } from '@/lib/auth/config';
import { safeNextPath } from '@/lib/auth/next-path';
import { roleOrder, type Role } from '@/lib/auth/roles';
import { maskIin } from '@/lib/kz/iin';
import { waitParams } from '@/lib/rate-limit/rules';
import { listPersonas, type Persona } from '@/lib/reference/queries';

/** The group a persona is listed under: their most "staff" role (a dealer employee is also a citizen). */
function groupOf(p: Persona): Role {
  return [...p.roles].sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b))[0] ?? 'citizen';
}

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'SignIn' });
  return { title: t('title') };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ signedOut?: string; limited?: string; refused?: string; next?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { signedOut, limited, refused, next: rawNext } = await searchParams;
  // Where to return after sign-in (issue 15): only a path on this site; anything else is ignored.
  const next = safeNextPath(rawNext);
  const [t, te] = await Promise.all([getTranslations('SignIn'), getTranslations('Errors')]);
  // The persona picker's refusal (lib/auth/actions.ts): how long to wait, in seconds, bounded to a sane range.
  const wait = Number(limited);
  const limitedFor = Number.isInteger(wait) && wait > 0 && wait <= 86_400 ? wait : null;
  const demo = isDemoMode();
  const personas = demo ? await listPersonas() : [];
  const groups = [...roleOrder]
    .reverse()
    .map((role) => ({ role, people: personas.filter((p) => groupOf(p) === role) }))
    .filter((g) => g.people.length > 0);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      {signedOut ? <Notice tone="success">{t('signedOut')}</Notice> : null}
      {limitedFor ? <Notice tone="error" title={te('rate_limited', waitParams(limitedFor))} /> : null}
      {refused === 'disabled' ? <Notice tone="error">{te('eds_account_disabled')}</Notice> : null}
      {next ? <Notice tone="info">{t('returnsToService')}</Notice> : null}
      <EdsSignIn next={next ?? undefined} />
      {!demo ? null : (
        <>
          <Notice tone="warning">{t('demoNotice')}</Notice>
          <h2 className="text-2xl font-semibold">{t('demoTitle')}</h2>
          {groups.map((g) => (
            <section key={g.role} aria-labelledby={`group-${g.role}`} className="flex flex-col gap-3">
              <h3 id={`group-${g.role}`} className="text-xl font-semibold">
                {t(`group_${g.role}`)}
              </h3>
              <ul className="grid gap-3 md:grid-cols-2">
                {g.people.map((p) => (
                  <li key={p.userId} className="rounded-lg border border-slate-300 bg-white p-4">
                    <form action={demoSignInAction} className="flex h-full flex-col gap-2">
                      <input type="hidden" name="userId" value={p.userId} />
                      <input type="hidden" name="locale" value={locale} />
                      {next ? <input type="hidden" name="next" value={next} /> : null}
                      <p className="font-semibold">{p.name}</p>
                      <p className="text-sm text-slate-700">
                        {t('iin')}: <span className="font-mono">{maskIin(p.iin)}</span>
                      </p>
                      <p className="flex-1 text-sm text-slate-800">{locale === 'kk' ? p.personaKk : p.personaRu}</p>
                      {p.keys.length ? (
                        <details className="text-sm">
                          <summary className="cursor-pointer text-brand-700 underline">{t('keys')}</summary>
                          <p className="mt-1">
                            {t('keyPassword')}:{' '}
                            <code className="rounded bg-canvas px-1" data-testid={`password-${p.iin}`}>
                              {p.keys[0]!.password}
                            </code>
                          </p>
                          <ul className="mt-1 flex flex-col gap-1">
                            {p.keys.map((k) => (
                              <li key={k.serial}>
                                <a
                                  href={`/api/pki/demo-keys/${k.serial}`}
                                  download
                                  data-key={`${p.iin}-${k.purpose}${k.bin ? '-legal' : ''}`}
                                >
                                  {t(k.purpose === 'signing' ? 'signingKey' : 'authKey')}
                                  {k.bin ? ` (${t('legalEntity')} ${k.bin})` : ''}
                                </a>
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                      <button
                        type="submit"
                        data-persona={p.iin}
                        className="self-start rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-gold-400"
                      >
                        {t('signInAs', { name: p.name })}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
