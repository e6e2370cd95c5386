'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef } from 'react';
import { DateField, FormErrorSummary, Notice, RadioGroup, SelectField, SubmitButton, TextField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { saveArrivalFormAction } from '@/lib/residence/citizen-actions';
import { educationLevels, maritalStatuses, movingReasons, occupations, type ArrivalForm } from '@/lib/residence/arrival-form';
import { useKeptDraft, useRemountKey } from './keep-draft';

/**
 * The statistical arrival form: what GBD FL or ZAGS know is shown read-only (sent back only as shown; the server
 * puts the registry's value over it anyway); the rest is the person's. What was typed survives an error (the action
 * echoes it) and a language switch (kept in this tab).
 */
export function ArrivalFormFields({
  id,
  version,
  kind,
  defaults,
  locked,
  regions,
  period,
  today,
  latestStart,
}: {
  id: string;
  version: number;
  kind: 'permanent' | 'temporary';
  defaults: Partial<ArrivalForm>;
  locked: readonly string[];
  regions: { code: string; name: string }[];
  period: { stayFrom: string | null; stayUntil: string | null };
  today: string;
  latestStart: string;
}) {
  const t = useTranslations('ResidenceApplication');
  const tr = useTranslations('Residence');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(saveArrivalFormAction);
  const form = useRef<HTMLFormElement>(null);
  const formKey = useRemountKey(state);
  useKeptDraft(form, `residence-form:${id}`, { restore: state.ok, formKey });
  const isLocked = (name: string) => locked.includes(name);
  const value = (name: keyof ArrivalForm) => (isLocked(name) ? (defaults[name] ?? '') : (v(name) ?? defaults[name] ?? '')) as string;
  const options = (list: readonly string[], group: string) => list.map((o) => ({ value: o, label: tr(`${group}.${o}` as never) }));
  return (
    <form key={formKey} ref={form} action={action} className="flex flex-col gap-6" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, version, locale, kind }} />
      {kind === 'temporary' ? (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-1 text-lg font-semibold text-ink">{t('periodLegend')}</legend>
          <DateField
            name="stayFrom"
            label={t('stayFrom')}
            hint={t('stayFromHint')}
            min={today}
            max={latestStart}
            defaultValue={v('stayFrom') ?? period.stayFrom ?? today}
            error={err('stayFrom')}
          />
          <DateField
            name="stayUntil"
            label={t('stayUntil')}
            hint={t('stayUntilHint')}
            min={today}
            defaultValue={v('stayUntil') ?? period.stayUntil ?? ''}
            error={err('stayUntil')}
          />
        </fieldset>
      ) : null}
      <TextField
        name="previousAddress"
        label={t('previousAddress')}
        hint={isLocked('previousAddress') ? t('fromGbdFl') : t('previousAddressHint')}
        readOnly={isLocked('previousAddress')}
        defaultValue={value('previousAddress')}
        error={err('previousAddress')}
        autoComplete="off"
      />
      {isLocked('previousRegionCode') ? (
        <input type="hidden" name="previousRegionCode" value={value('previousRegionCode')} />
      ) : (
        <SelectField
          name="previousRegionCode"
          label={t('previousRegion')}
          placeholder={t('choose')}
          width="lg"
          defaultValue={value('previousRegionCode')}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
          error={err('previousRegionCode')}
        />
      )}
      <SelectField
        name="movingReason"
        label={t('movingReason')}
        placeholder={t('choose')}
        width="lg"
        defaultValue={value('movingReason')}
        options={options(movingReasons, 'movingReason')}
        error={err('movingReason')}
      />
      <SelectField
        name="education"
        label={t('education')}
        placeholder={t('choose')}
        width="lg"
        defaultValue={value('education')}
        options={options(educationLevels, 'education')}
        error={err('education')}
      />
      <SelectField
        name="occupation"
        label={t('occupation')}
        placeholder={t('choose')}
        width="lg"
        defaultValue={value('occupation')}
        options={options(occupations, 'occupation')}
        error={err('occupation')}
      />
      {isLocked('maritalStatus') ? (
        <>
          <TextField
            name="maritalStatusShown"
            label={t('maritalStatus')}
            hint={t('fromZags')}
            readOnly
            defaultValue={tr('maritalStatus.married')}
          />
          <input type="hidden" name="maritalStatus" value="married" />
        </>
      ) : (
        <RadioGroup
          name="maritalStatus"
          legend={t('maritalStatus')}
          defaultValue={value('maritalStatus')}
          options={options(maritalStatuses, 'maritalStatus')}
          error={err('maritalStatus')}
        />
      )}
      <TextField
        name="nationality"
        label={t('nationality')}
        hint={t('nationalityHint')}
        width="md"
        defaultValue={value('nationality')}
        error={err('nationality')}
        autoComplete="off"
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('saving')}>{t('saveForm')}</SubmitButton>
      </div>
    </form>
  );
}
