'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormErrorSummary, Notice, SubmitButton, TextField, errorSummaryItems, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { issueCardAction } from '@/lib/id-card/actions';

/** Step 19: in person only — the IIN of the person at the desk, and the new card's number. */
export function IssueCardForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(issueCardAction, initialActionState);
  const v = (n: string) => (!state.ok ? state.values?.[n] : undefined);
  const err = (n: string) => (!state.ok ? state.fieldErrors?.[n]?.map((c) => errorText(c)) : undefined);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={errorSummaryItems(state).map((i) => ({ ...i, message: errorText(i.message) }))} focusKey={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="presentedIin" label={t('presentedIin')} hint={t('presentedIinHint')} width="sm" inputMode="numeric" autoComplete="off" defaultValue={v('presentedIin')} error={err('presentedIin')} />
      <TextField name="newCardNumber" label={t('newCardNumber')} hint={t('newCardNumberHint')} width="sm" inputMode="numeric" autoComplete="off" defaultValue={v('newCardNumber')} error={err('newCardNumber')} />
      {!state.ok && state.code !== 'invalid' ? <Notice tone="error" title={errorText(state.code, state.params)} /> : null}
      <div><SubmitButton pendingLabel={t('saving')}>{t('issueCard')}</SubmitButton></div>
    </form>
  );
}
