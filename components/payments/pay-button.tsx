'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { RefreshOnHistoryShow } from '@/components/site/refresh-on-history';
import { useErrorText } from '@/components/ui/error-text';

/** To the gateway's page; a second click reuses the same open invoice (the service decides, not the button). */
export function PayButton({
  id,
  label,
  action: pay,
}: {
  id: string;
  label: string;
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations('Payments');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(pay, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-2">
      {/* Back after paying must not offer a live "Pay" again: the page is re-read when shown from history. */}
      <RefreshOnHistoryShow />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="locale" value={locale} />
      <div>
        <SubmitButton pendingLabel={t('redirecting')}>{label}</SubmitButton>
      </div>
      {!state.ok ? <Notice tone="error" title={errorText(state.code, state.params)} /> : null}
    </form>
  );
}
