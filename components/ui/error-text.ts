'use client';

import { useTranslations } from 'next-intl';

/** The text of an action's error code in the user's language, with its parameters (a registry's name…). */
export function useErrorText() {
  const te = useTranslations('Errors');
  const systems = useTranslations('Admin.systems');
  return (code: string, params: Record<string, string | number> = {}) => {
    const shown = { ...params };
    if (typeof shown.system === 'string' && systems.has(shown.system as never)) shown.system = systems(shown.system as never);
    return te.has(code as never) ? te(code as never, shown as never) : te('unexpected');
  };
}
