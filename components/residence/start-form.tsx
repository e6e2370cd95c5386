'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { DateField, FormErrorSummary, Notice, RadioGroup, SubmitButton } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { startResidenceAction } from '@/lib/residence/citizen-actions';
import { useKeptDraft, useRemountKey } from './keep-draft';

/** Pick the service; a temporary registration asks for its period (from today or within 30 days, at most a year). */
export function StartForm({ today, latestStart }: { today: string; latestStart: string }) {
  const t = useTranslations('ResidenceStart');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(startResidenceAction);
  const [kind, setKind] = useState(v('kind') ?? '');
  const form = useRef<HTMLFormElement>(null);
  const formKey = useRemountKey(state);
  useKeptDraft(form, 'residence-start', {
    restore: state.ok,
    formKey,
    onRestored: (el) => setKind((el.querySelector('input[name="kind"]:checked') as HTMLInputElement | null)?.value ?? ''),
  });
  return (
    <form
      key={formKey}
      ref={form}
      action={action}
      className="flex flex-col gap-5"
      noValidate
      onChange={(e) => {
        const target = e.target as unknown as HTMLInputElement;
        if (target.name === 'kind') setKind(target.value);
      }}
    >
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ locale }} />
      <RadioGroup
        name="kind"
        legend={t('kindLegend')}
        required
        defaultValue={v('kind')}
        error={err('kind')}
        options={[
          { value: 'permanent', label: t('permanent'), hint: t('permanentHint') },
          { value: 'temporary', label: t('temporary'), hint: t('temporaryHint') },
        ]}
      />
      <fieldset className="flex flex-col gap-4" hidden={kind !== 'temporary'} disabled={kind !== 'temporary'}>
        <legend className="mb-1 font-semibold text-ink">{t('periodLegend')}</legend>
        <p className="text-ink-muted">{t('periodHint')}</p>
        <DateField
          name="stayFrom"
          label={t('stayFrom')}
          hint={t('stayFromHint')}
          min={today}
          max={latestStart}
          defaultValue={v('stayFrom') ?? today}
          error={err('stayFrom')}
        />
        <DateField
          name="stayUntil"
          label={t('stayUntil')}
          hint={t('stayUntilHint')}
          min={today}
          defaultValue={v('stayUntil')}
          error={err('stayUntil')}
        />
      </fieldset>
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('starting')}>{t('start')}</SubmitButton>
      </div>
    </form>
  );
}
