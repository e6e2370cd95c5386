'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormErrorSummary, Notice, SubmitButton, TextField, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { Link } from '@/i18n/navigation';
import { startRegistrationAction } from '@/lib/vehicle-registration/actions';
import type { CheckLine } from '@/lib/applications/check-run';
import { CheckLines } from '@/components/applications/check-lines';

/** Step 2: the VIN. Steps 3–5 run on submit; a "no" shows the order's message and keeps the VIN. */
export function VinForm() {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(startRegistrationAction, initialActionState);
  const fieldErrors = !state.ok ? state.fieldErrors?.vin?.map((c) => errorText(c)) : undefined;
  // Step 1 is already shown above the form; the form lists what its own submit checked.
  const checks = (!state.ok ? ((state.data as { checks?: CheckLine[] } | undefined)?.checks ?? []) : []).filter((l) => l.step > 1);
  // The VIN is in this dealer's own open application: the message links to it.
  const openApplicationId = !state.ok ? (state.data as { openApplicationId?: string } | undefined)?.openApplicationId : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary
        title={t('errorTitle')}
        errors={fieldErrors?.length ? [{ fieldId: 'vin', message: fieldErrors[0]! }] : []}
        focusKey={state}
      />
      <input type="hidden" name="locale" value={locale} />
      <TextField
        name="vin"
        label={t('vin')}
        hint={t('vinHint')}
        width="md"
        autoComplete="off"
        spellCheck={false}
        className="[&_input]:font-mono [&_input]:uppercase"
        defaultValue={!state.ok ? state.values?.vin : undefined}
        error={fieldErrors}
      />
      <CheckLines lines={checks} />
      {!state.ok && state.code !== 'invalid' ? (
        <Notice tone="error" title={errorText(state.code, state.params)}>
          {openApplicationId ? (
            <Link href={`/dealer/vehicle-registrations/${openApplicationId}`} data-testid="vin-open-application">
              {t('vinOpenApplication')}
            </Link>
          ) : null}
        </Notice>
      ) : null}
      <div>
        <SubmitButton pendingLabel={t('checking')}>{t('checkVin')}</SubmitButton>
      </div>
    </form>
  );
}
