'use client';

import { useLocale, useTranslations } from 'next-intl';
import { FormErrorSummary, Notice, SubmitButton, TextField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { issueMachineryAction } from '@/lib/machinery/issuance-actions';

/** p.11 at the desk: the ID document shown (GBD FL + Digital ID), then the blanks handed over. */
export function MachineryIssueForm({ id, version, document, plate }: { id: string; version: number; document: boolean; plate: boolean }) {
  const t = useTranslations('MachineryIssuance');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(issueMachineryAction);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate data-testid="machinery-issue-form">
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, version, locale }} />
      <TextField
        name="documentNumber"
        label={t('documentNumber')}
        hint={t('documentNumberHint')}
        width="sm"
        autoComplete="off"
        defaultValue={v('documentNumber')}
        error={err('documentNumber')}
      />
      {document ? (
        <TextField
          name="documentSerial"
          label={t('documentSerial')}
          hint={t('documentSerialHint')}
          width="sm"
          autoComplete="off"
          defaultValue={v('documentSerial')}
          error={err('documentSerial')}
        />
      ) : null}
      {plate ? (
        <TextField
          name="plateSerial"
          label={t('plateSerial')}
          hint={t('plateSerialHint')}
          width="sm"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={v('plateSerial')}
          error={err('plateSerial')}
        />
      ) : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
