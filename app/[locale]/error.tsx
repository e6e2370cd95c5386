'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Button, ButtonLink, PageHeader } from '@/components/ui';

/**
 * A page that threw while rendering: the site's header and language stay (this sits inside the locale layout),
 * and so does whatever the person typed in forms outside the failed segment. Only the digest is shown — never
 * the error's message, which may hold internals.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Common');
  const locale = useLocale();
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div ref={heading} tabIndex={-1} className="flex flex-col gap-4 focus:outline-none" data-testid="page-error">
      <PageHeader title={t('errorTitle')} lead={t('errorText')} />
      {error.digest ? <p className="text-sm text-ink-muted">{t('errorReference', { digest: error.digest })}</p> : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={reset}>{t('errorRetry')}</Button>
        <ButtonLink href={`/${locale}`} variant="secondary">
          {t('errorHome')}
        </ButtonLink>
      </div>
    </div>
  );
}
