'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

/**
 * While a page shows form errors, its `<title>` says so first ("Қате: …" / "Ошибка: …", issue 15): the tab and
 * a screen reader's page announcement carry the error too. The title comes back when the errors go.
 */
export function useErrorTitle(active: boolean) {
  const t = useTranslations('Common');
  useEffect(() => {
    if (!active) return;
    const base = document.title;
    const marked = t('errorPageTitle', { title: base });
    document.title = marked;
    return () => {
      if (document.title === marked) document.title = base;
    };
  }, [active, t]);
}
