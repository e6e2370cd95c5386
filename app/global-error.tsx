'use client';

import { usePathname } from 'next/navigation';
import { GLOBAL_ERROR_TEXT, globalErrorLocale } from '@/lib/i18n/global-error-text';
import './globals.css';

/** The locale layout itself failed: a page of its own, still in the person's language and with `lang`. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = globalErrorLocale(usePathname());
  const t = GLOBAL_ERROR_TEXT[locale];
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-slate-50 text-slate-900 antialiased">
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8" data-testid="global-error">
          <h1 className="text-2xl font-bold text-ink">{t.errorTitle}</h1>
          <p className="mt-2 text-ink-muted">{t.errorText}</p>
          {error.digest ? <p className="mt-2 text-sm text-ink-muted">{t.errorReference.replace('{digest}', error.digest)}</p> : null}
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="button" onClick={reset} className="min-h-11 rounded bg-brand-700 px-4 font-semibold text-white">
              {t.errorRetry}
            </button>
            <a
              href={`/${locale}`}
              className="inline-flex min-h-11 items-center rounded border-2 border-brand-700 px-4 font-semibold text-brand-800"
            >
              {t.errorHome}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
