'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { payFeesAction } from '@/lib/vehicle-registration/actions';

/** Step 17: to the gateway's page; a second click reuses the same open invoice. */
export function PayButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(payFeesAction, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="locale" value={locale} />
      <div><SubmitButton pendingLabel={t('working')}>{label}</SubmitButton></div>
      {!state.ok ? <Notice tone="error" title={errorText(state.code, state.params)} /> : null}
    </form>
  );
}
