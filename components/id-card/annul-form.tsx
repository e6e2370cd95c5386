'use client';

import { useLocale, useTranslations } from 'next-intl';
import { FormErrorSummary, Notice, RadioGroup, SubmitButton, TextareaField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { annulAction } from '@/lib/id-card/actions';

/** Step 18, annul: a reason from the order's list and a comment the citizen sees. */
export function AnnulForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(annulAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, version, locale }} />
      <RadioGroup
        name="reason"
        legend={t('annulReason')}
        error={err('reason')}
        defaultValue={v('reason')}
        options={(['photo', 'signature', 'more_checks'] as const).map((r) => ({ value: r, label: t(`annulReasons.${r}`) }))}
      />
      <TextareaField
        name="comment"
        label={t('annulComment')}
        hint={t('annulCommentHint')}
        rows={3}
        defaultValue={v('comment')}
        error={err('comment')}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton variant="danger" pendingLabel={t('saving')}>
          {t('annul')}
        </SubmitButton>
      </div>
    </form>
  );
}
