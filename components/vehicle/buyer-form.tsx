'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormErrorSummary, Notice, SubmitButton, TextField, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { useFormDraft } from '@/components/ui/use-draft';
import { setBuyerAction } from '@/lib/vehicle-registration/actions';
import type { CheckLine } from '@/lib/applications/check-run';
import { CheckLines } from '@/components/applications/check-lines';

/** Step 6: the buyer's IIN; steps 7–8 run on submit. "Check the buyer's IIN" stays beside the field. */
export function BuyerForm({ id, version, defaultIin }: { id: string; version: number; defaultIin?: string | null }) {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(setBuyerAction, initialActionState);
  const failed = !state.ok ? state : null;
  // Step 7's failure is about the IIN itself, so it is shown as the field's error and the field stays editable.
  const fieldCodes = failed?.fieldErrors?.buyerIin ?? (failed?.code === 'vehicle_buyer_not_found' ? [failed.code] : undefined);
  const fieldErrors = fieldCodes?.map((c) => errorText(c));
  const checks = (failed?.data as { checks?: CheckLine[] } | undefined)?.checks ?? [];
  const other = failed && failed.code !== 'invalid' && failed.code !== 'vehicle_buyer_not_found' ? failed : null;
  // The IIN typed survives Back and Forward and a language switch until it is submitted (issue 15).
  const draft = useFormDraft(`vehicle-buyer:${id}`, state);
  return (
    <form ref={draft} action={action} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary
        title={t('errorTitle')}
        errors={fieldErrors?.length ? [{ fieldId: 'buyerIin', message: fieldErrors[0]! }] : []}
        focusKey={state}
      />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="buyerIin"
        label={t('buyerIin')}
        hint={t('buyerIinHint')}
        width="sm"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={failed?.values?.buyerIin ?? defaultIin ?? undefined}
        error={fieldErrors}
      />
      <CheckLines lines={checks} />
      {other ? <Notice tone="error" title={errorText(other.code, other.params)} /> : null}
      <div>
        <SubmitButton pendingLabel={t('checking')}>{t('checkBuyer')}</SubmitButton>
      </div>
    </form>
  );
}
