import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { signOutAction } from '@/lib/auth/actions';
import type { Actor } from '@/lib/auth/actor';
import { roleHome, roleOrder } from '@/lib/auth/roles';
import { unreadCount } from '@/lib/notifications/queries';
import { CurrentLink } from './current-link';
import { LanguageSwitch } from './language-switch';
import { MenuDisclosure } from './menu-disclosure';
import { ScopeLabel } from './scope-label';
import { SignOutForm } from './sign-out-form';

export async function SiteHeader({ actor }: { actor: Actor | null }) {
  const [t, locale] = await Promise.all([getTranslations('Common'), getLocale()]);
  const primary = actor ? [...actor.grants].sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))[0] : undefined;
  const isCitizen = actor?.grants.some((g) => g.role === 'citizen');
  const unread = actor && isCitizen ? await unreadCount(actor.iin) : 0;
  const link = 'text-white underline underline-offset-4 hover:text-white focus-visible:outline-3 focus-visible:outline-gold-400';
  const menuHrefs = primary ? [roleHome[primary.role], '/signature', '/cabinet/notifications'] : [];
  return (
    <header className="bg-brand-800 text-white">
      <div className="h-1 bg-gradient-to-r from-azure-400 via-azure-400 to-gold-400" aria-hidden="true" />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2 sm:gap-x-4 lg:flex-nowrap lg:gap-x-6 lg:py-3">
        <Link
          href="/"
          className="mr-auto flex min-w-0 flex-col rounded text-white no-underline hover:text-white focus-visible:outline-3 focus-visible:outline-gold-400"
        >
          <span className="text-xl font-bold tracking-wide">{t('portalName')}</span>
          <span className={`text-xs text-brand-100 ${actor ? 'hidden max-w-64 xl:block' : 'hidden max-w-80 sm:block'}`}>
            {t('portalTagline')}
          </span>
        </Link>
        <LanguageSwitch label={t('switchTo')} />
        {actor && primary ? (
          <MenuDisclosure
            label={t('menu')}
            testId="site-menu"
            from="lg"
            buttonClassName="flex items-center gap-1 rounded border border-white px-3 py-1 text-sm font-medium hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-gold-400"
            panelClassName="flex basis-full flex-col gap-3 border-t border-brand-700 pt-3 pb-1 text-sm lg:basis-auto lg:flex-row lg:items-center lg:border-0 lg:p-0"
          >
            <div className="lg:max-w-80 lg:text-right">
              <div className="font-semibold" data-testid="actor-name">
                {actor.givenName} {actor.surname}
              </div>
              <div className="text-brand-100" data-testid="actor-scope">
                <ScopeLabel grant={primary} />
              </div>
            </div>
            <nav aria-label={t('menu')} className="flex flex-col gap-3 lg:flex-row lg:items-center lg:whitespace-nowrap">
              {isCitizen ? (
                <CurrentLink
                  href="/cabinet/notifications"
                  among={menuHrefs}
                  className="self-start rounded bg-brand-700 px-2 py-1 text-white hover:text-white hover:underline focus-visible:outline-3 focus-visible:outline-gold-400"
                  testId="unread-count"
                >
                  {t('unreadCount', { count: unread })}
                </CurrentLink>
              ) : null}
              <CurrentLink href={roleHome[primary.role]} among={menuHrefs} className={link}>
                {t('home')}
              </CurrentLink>
              <CurrentLink href="/signature" among={menuHrefs} className={link}>
                {t('edsCheck')}
              </CurrentLink>
            </nav>
            <SignOutForm action={signOutAction}>
              <input type="hidden" name="locale" value={locale} />
              <button
                type="submit"
                className="rounded border border-white px-3 py-1 font-medium whitespace-nowrap hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-gold-400"
              >
                {t('signOut')}
              </button>
            </SignOutForm>
          </MenuDisclosure>
        ) : (
          <Link
            href="/sign-in"
            className="rounded border border-white px-3 py-1 text-white no-underline hover:text-white font-medium hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-gold-400"
          >
            {t('signIn')}
          </Link>
        )}
      </div>
    </header>
  );
}
