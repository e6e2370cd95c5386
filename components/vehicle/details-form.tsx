'use client';

import { useLocale, useTranslations } from 'next-intl';
import { FormErrorSummary, Notice, RadioGroup, SelectField, SubmitButton, TextField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { saveDetailsAction } from '@/lib/vehicle-registration/actions';

type Centre = { id: number; name: string; address: string; hours: string; region?: string };

/** Steps 15–16: where to collect the SRTS and plates, which plate type, and the phone for SMS. */
export function DetailsForm({
  id,
  version,
  home,
  others,
  plates,
  bmgPhone,
  homeRegion,
}: {
  id: string;
  version: number;
  home: Centre[];
  others: Centre[];
  plates: { code: string; name: string }[];
  bmgPhone: string | null | 'unavailable';
  homeRegion: string | null;
}) {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(saveDetailsAction);
  return (
    <form action={action} className="group/details flex flex-col gap-6" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, version, locale }} />
      <RadioGroup
        name="centre"
        legend={t('centreLegend')}
        hint={homeRegion ? t('centreHint', { region: homeRegion }) : t('centreHintNoRegion')}
        error={err('centre')}
        defaultValue={v('centre') ?? (home.length === 1 ? String(home[0]!.id) : undefined)}
        options={[
          ...home.map((c) => ({ value: String(c.id), label: c.name, hint: `${c.address} · ${c.hours}` })),
          { value: 'other', label: t('centreOther') },
        ]}
      />
      {/* The list of every other CON only once "other" is chosen (CSS: works before and without scripts). */}
      <div className="hidden group-has-[input[name=centre][value=other]:checked]/details:block" data-testid="other-centres">
        <SelectField
          name="otherCentreId"
          label={t('centreOtherList')}
          hint={t('centreOtherHint')}
          width="lg"
          defaultValue={v('otherCentreId') ?? ''}
          placeholder={t('centreChoose')}
          error={err('otherCentreId')}
          options={others.map((c) => ({ value: String(c.id), label: `${c.region} — ${c.name}, ${c.address}` }))}
        />
      </div>
      <RadioGroup
        name="plateType"
        legend={t('plateLegend')}
        hint={t('plateHint')}
        error={err('plateType')}
        defaultValue={v('plateType') ?? plates[0]?.code}
        options={plates.map((p) => ({ value: p.code, label: p.name }))}
      />
      {bmgPhone && bmgPhone !== 'unavailable' ? (
        <Notice tone="info" title={t('phoneFromBmg')}>
          <span className="font-mono">{bmgPhone}</span>
        </Notice>
      ) : (
        <TextField
          name="phone"
          type="tel"
          label={t('phone')}
          hint={bmgPhone === 'unavailable' ? t('phoneBmgDown') : t('phoneHint')}
          width="sm"
          autoComplete="tel"
          inputMode="tel"
          defaultValue={v('phone')}
          error={err('phone')}
        />
      )}
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('working')}>{t('saveDetails')}</SubmitButton>
      </div>
    </form>
  );
}
