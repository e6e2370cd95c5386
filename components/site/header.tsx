import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { signOutAction } from '@/lib/auth/actions';
import type { Actor } from '@/lib/auth/actor';
import { roleHome, roleOrder } from '@/lib/auth/roles';
import { unreadCount } from '@/lib/notifications/queries';
import { LanguageSwitch } from './language-switch';
import { ScopeLabel } from './scope-label';
import { SignOutForm } from './sign-out-form';

export async function SiteHeader({ actor }: { actor: Actor | null }) {
  const [t, locale] = await Promise.all([getTranslations('Common'), getLocale()]);
  const primary = actor ? [...actor.grants].sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))[0] : undefined;
  const isCitizen = actor?.grants.some((g) => g.role === 'citizen');
  const unread = actor && isCitizen ? await unreadCount(actor.iin) : 0;
  return (
    <header className="bg-brand-800 text-white">
      <div className="h-1 bg-gradient-to-r from-azure-400 via-azure-400 to-gold-400" aria-hidden="true" />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link
          href="/"
          className="flex flex-col rounded text-white no-underline hover:text-white focus-visible:outline-3 focus-visible:outline-gold-400"
        >
          <span className="text-xl font-bold tracking-wide">{t('portalName')}</span>
          <span className="text-xs text-brand-100">{t('portalTagline')}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-4">
          <LanguageSwitch label={t('switchTo')} />
          {actor && primary ? (
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <div className="text-right">
                <div className="font-semibold" data-testid="actor-name">
                  {actor.givenName} {actor.surname}
                </div>
                <div className="text-brand-100" data-testid="actor-scope">
                  <ScopeLabel grant={primary} />
                </div>
              </div>
              {isCitizen ? (
                <Link
                  href="/cabinet/notifications"
                  className="rounded bg-brand-700 px-2 py-1 text-white hover:text-white hover:underline focus-visible:outline-3 focus-visible:outline-gold-400"
                  data-testid="unread-count"
                >
                  {t('unreadCount', { count: unread })}
                </Link>
              ) : null}
              <Link
                href={roleHome[primary.role]}
                className="text-white underline underline-offset-4 hover:text-white focus-visible:outline-3 focus-visible:outline-gold-400"
              >
                {t('home')}
              </Link>
              <Link
                href="/signature"
                className="text-white underline underline-offset-4 hover:text-white focus-visible:outline-3 focus-visible:outline-gold-400"
              >
                {t('edsCheck')}
              </Link>
              <SignOutForm action={signOutAction}>
                <input type="hidden" name="locale" value={locale} />
                <button
                  type="submit"
                  className="rounded border border-white px-3 py-1 font-medium hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-gold-400"
                >
                  {t('signOut')}
                </button>
              </SignOutForm>
            </div>
          ) : (
            <Link
              href="/sign-in"
              className="rounded border border-white px-3 py-1 text-white no-underline hover:text-white font-medium hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-gold-400"
            >
              {t('signIn')}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
