'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DeskIdentity, type PresentedDocument } from '@/components/identity/desk-identity';
import { CheckboxGroup, FormErrorSummary, Notice, SubmitButton, TextField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { checkBuyerAtDeskAction, issueDocumentsAction } from '@/lib/vehicle-registration/actions';

/** The desk (order 000 p.9–10): the buyer's document checked against GBD FL, then the SRTS blank serial and the plates. */
export function IssueForm({ id, version }: { id: string; version: number }) {
  return (
    <DeskIdentity id={id} checkAction={checkBuyerAtDeskAction}>
      {(presented) => <HandOverForm id={id} version={version} presented={presented} />}
    </DeskIdentity>
  );
}

function HandOverForm({ id, version, presented }: { id: string; version: number; presented: PresentedDocument }) {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(issueDocumentsAction);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, version, locale, ...presented }} />
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
        defaultValue={v('platesHandedOver') === 'on' ? ['on'] : []}
        options={[{ value: 'on', label: t('platesHandedOver') }]}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('working')}>{t('issueDocuments')}</SubmitButton>
      </div>
    </form>
  );
}
