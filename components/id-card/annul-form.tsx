'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormErrorSummary, Notice, RadioGroup, SubmitButton, TextareaField, errorSummaryItems, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { annulAction } from '@/lib/id-card/actions';

/** Step 18, annul: a reason from the order's list and a comment the citizen sees. */
export function AnnulForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(annulAction, initialActionState);
  const err = (n: string) => (!state.ok ? state.fieldErrors?.[n]?.map((c) => errorText(c)) : undefined);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={errorSummaryItems(state).map((i) => ({ ...i, message: errorText(i.message) }))} focusKey={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locale" value={locale} />
      <RadioGroup name="reason" legend={t('annulReason')} error={err('reason')} defaultValue={!state.ok ? state.values?.reason : undefined}
        options={(['photo', 'signature', 'more_checks'] as const).map((r) => ({ value: r, label: t(`annulReasons.${r}`) }))} />
      <TextareaField name="comment" label={t('annulComment')} hint={t('annulCommentHint')} rows={3} defaultValue={!state.ok ? state.values?.comment : undefined} error={err('comment')} />
      {!state.ok && state.code !== 'invalid' ? <Notice tone="error" title={errorText(state.code, state.params)} /> : null}
      <div><SubmitButton variant="danger" pendingLabel={t('saving')}>{t('annul')}</SubmitButton></div>
    </form>
  );
}
