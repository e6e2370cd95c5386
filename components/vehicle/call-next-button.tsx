'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { callNextAction } from '@/lib/vehicle-registration/actions';

export function CallNextButton() {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(callNextAction, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="locale" value={locale} />
      <div>
        <SubmitButton pendingLabel={t('working')}>{t('callNext')}</SubmitButton>
      </div>
      {!state.ok ? <Notice tone="error" title={errorText(state.code, state.params)} /> : null}
    </form>
  );
}
