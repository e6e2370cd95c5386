'use client';

import { useLocale } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Link, usePathname } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';

const names = { kk: 'Қазақша', ru: 'Русский' } as const;

/** Switches the language and keeps the current page and its query. */
export function LanguageSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav aria-label={label} className="flex gap-1 text-sm">
      {routing.locales.map((l) => (
        <Link
          key={l}
          href={search ? `${pathname}?${search}` : pathname}
          locale={l}
          lang={l}
          hrefLang={l}
          aria-current={l === locale ? 'true' : undefined}
          className={`rounded px-2 py-1 font-medium underline-offset-4 focus-visible:outline-3 focus-visible:outline-gold-400 ${l === locale ? 'bg-white text-brand-800' : 'text-white hover:text-white hover:underline'}`}
        >
          {names[l]}
        </Link>
      ))}
    </nav>
  );
}
