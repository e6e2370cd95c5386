'use client';

import { useLocale, useTranslations } from 'next-intl';
import { FormErrorSummary, Notice, SubmitButton, TextField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { issueCardAction } from '@/lib/id-card/actions';

/** Step 19: in person only — the IIN of the person at the desk, and the new card's number. */
export function IssueCardForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(issueCardAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, version, locale }} />
      <TextField
        name="presentedIin"
        label={t('presentedIin')}
        hint={t('presentedIinHint')}
        width="sm"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={v('presentedIin')}
        error={err('presentedIin')}
      />
      <TextField
        name="newCardNumber"
        label={t('newCardNumber')}
        hint={t('newCardNumberHint')}
        width="sm"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={v('newCardNumber')}
        error={err('newCardNumber')}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('saving')}>{t('issueCard')}</SubmitButton>
      </div>
    </form>
  );
}
