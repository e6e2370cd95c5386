'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormErrorSummary, Notice, SelectField, SubmitButton, TextField, errorSummaryItems, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { saveFormAction } from '@/lib/id-card/actions';

/** Step 8: where to collect the card (points grouped by region) and the contacts. */
export function FormStep({ id, version, points, defaults }: {
  id: string; version: number; points: { id: number; label: string }[];
  defaults: { registrationPointId?: number | null; phone?: string | null; email?: string | null };
}) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(saveFormAction, initialActionState);
  const v = (n: string) => (!state.ok ? state.values?.[n] : undefined);
  const err = (n: string) => (!state.ok ? state.fieldErrors?.[n]?.map((c) => errorText(c)) : undefined);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={errorSummaryItems(state).map((i) => ({ ...i, message: errorText(i.message) }))} focusKey={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locale" value={locale} />
      <SelectField name="registrationPointId" label={t('point')} hint={t('pointHint')} width="lg" placeholder={t('pointChoose')}
        defaultValue={v('registrationPointId') ?? (defaults.registrationPointId ? String(defaults.registrationPointId) : '')}
        options={points.map((p) => ({ value: String(p.id), label: p.label }))} error={err('registrationPointId')} />
      <TextField name="phone" type="tel" label={t('phone')} hint={t('phoneHint')} width="sm" autoComplete="tel" inputMode="tel" defaultValue={v('phone') ?? defaults.phone ?? ''} error={err('phone')} />
      <TextField name="email" type="email" label={t('email')} hint={t('emailHint')} width="md" autoComplete="email" defaultValue={v('email') ?? defaults.email ?? ''} error={err('email')} />
      {!state.ok && state.code !== 'invalid' ? <Notice tone="error" title={errorText(state.code, state.params)} /> : null}
      <div><SubmitButton pendingLabel={t('saving')}>{t('saveForm')}</SubmitButton></div>
    </form>
  );
}
