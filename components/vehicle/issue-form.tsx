'use client';

import { useLocale, useTranslations } from 'next-intl';
import { CheckboxGroup, FormErrorSummary, Notice, SubmitButton, TextField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { issueDocumentsAction } from '@/lib/vehicle-registration/actions';

/** The hand-over at the issuance desk: the IIN on the document shown, the SRTS blank serial, the plates. */
export function IssueForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(issueDocumentsAction);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
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
        name="srtsBlankSerial"
        label={t('srtsBlankSerial')}
        hint={t('srtsBlankSerialHint')}
        width="sm"
        autoComplete="off"
        defaultValue={v('srtsBlankSerial')}
        error={err('srtsBlankSerial')}
      />
      <CheckboxGroup
        name="platesHandedOver"
        legend={t('platesLegend')}
        error={err('platesHandedOver')}
        options={[{ value: 'on', label: t('platesHandedOver') }]}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('working')}>{t('issueDocuments')}</SubmitButton>
      </div>
    </form>
  );
}
