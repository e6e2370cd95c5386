'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CheckboxGroup, FormErrorSummary, Notice, SubmitButton, TextField, errorSummaryItems, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { issueDocumentsAction } from '@/lib/vehicle-registration/actions';

/** The hand-over at the issuance desk: the IIN on the document shown, the SRTS blank serial, the plates. */
export function IssueForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(issueDocumentsAction, initialActionState);
  const v = (n: string) => (!state.ok ? state.values?.[n] : undefined);
  const err = (n: string) => (!state.ok ? state.fieldErrors?.[n]?.map((c) => errorText(c)) : undefined);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={errorSummaryItems(state).map((i) => ({ ...i, message: errorText(i.message) }))} focusKey={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="presentedIin" label={t('presentedIin')} hint={t('presentedIinHint')} width="sm" inputMode="numeric" autoComplete="off" defaultValue={v('presentedIin')} error={err('presentedIin')} />
      <TextField name="srtsBlankSerial" label={t('srtsBlankSerial')} hint={t('srtsBlankSerialHint')} width="sm" autoComplete="off" defaultValue={v('srtsBlankSerial')} error={err('srtsBlankSerial')} />
      <CheckboxGroup name="platesHandedOver" legend={t('platesLegend')} error={err('platesHandedOver')} options={[{ value: 'on', label: t('platesHandedOver') }]} />
      {!state.ok && state.code !== 'invalid' ? <Notice tone="error" title={errorText(state.code, state.params)} /> : null}
      <div><SubmitButton pendingLabel={t('working')}>{t('issueDocuments')}</SubmitButton></div>
    </form>
  );
}
