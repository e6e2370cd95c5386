'use client';

import { useLocale, useTranslations } from 'next-intl';
import { FormErrorSummary, Notice, SelectField, SubmitButton, TextField } from '@/components/ui';
import { useFormDraft } from '@/components/ui/use-draft';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { saveFormAction } from '@/lib/id-card/actions';

/** Step 8: where to collect the card (points grouped by region) and the contacts. */
export function FormStep({
  id,
  version,
  points,
  defaults,
}: {
  id: string;
  version: number;
  points: { id: number; label: string }[];
  defaults: { registrationPointId?: number | null; phone?: string | null; email?: string | null };
}) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(saveFormAction);
  // Kept across a language switch and the page's refresh after an upload until "Save" (issue 15).
  const draft = useFormDraft(`id-card-form:${id}`, state);
  return (
    <form ref={draft} action={action} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, version, locale }} />
      <SelectField
        name="registrationPointId"
        label={t('point')}
        hint={t('pointHint')}
        width="lg"
        placeholder={t('pointChoose')}
        defaultValue={v('registrationPointId') ?? (defaults.registrationPointId ? String(defaults.registrationPointId) : '')}
        options={points.map((p) => ({ value: String(p.id), label: p.label }))}
        error={err('registrationPointId')}
      />
      <TextField
        name="phone"
        type="tel"
        label={t('phone')}
        hint={t('phoneHint')}
        width="sm"
        autoComplete="tel"
        inputMode="tel"
        defaultValue={v('phone') ?? defaults.phone ?? ''}
        error={err('phone')}
      />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        hint={t('emailHint')}
        width="md"
        autoComplete="email"
        defaultValue={v('email') ?? defaults.email ?? ''}
        error={err('email')}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('saving')}>{t('saveForm')}</SubmitButton>
      </div>
    </form>
  );
}
