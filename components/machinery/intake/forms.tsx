'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import {
  DateField,
  FileField,
  FormErrorSummary,
  Notice,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextField,
  errorSummaryItems,
  type ActionResult,
} from '@/components/ui';
import { useUploadAction } from '@/components/ui/use-upload';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import {
  callNextAction,
  checkFeesAction,
  checklistAction,
  chooseActionAction,
  identifyAction,
  issueTicketAction,
  refuseIncompleteAction,
  removeScanAction,
  setMachineAction,
  setOwnerAction,
} from '@/lib/machinery/intake-actions';

type Action = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/** useForm with the intake's own error texts (MachineryIntake.errors) before the shared ones (Errors). */
function useIntakeForm(action: Action) {
  const f = useForm(action);
  const t = useTranslations('MachineryIntake');
  const text = (code: string, params: Record<string, string | number> = {}) =>
    t.has(`errors.${code}` as never) ? t(`errors.${code}` as never, params as never) : f.errorText(code, params);
  const state = f.state;
  return {
    ...f,
    err: (name: string) => (!state.ok ? state.fieldErrors?.[name]?.map((c) => text(c)) : undefined),
    summary: errorSummaryItems(state).map((i) => ({ ...i, message: text(i.message) })),
    failure: !state.ok && state.code !== 'invalid' ? text(state.code, state.params) : null,
  };
}

type Versioned = { id: string; version: number };

function Errors({ form }: { form: ReturnType<typeof useIntakeForm> }) {
  const t = useTranslations('MachineryIntake');
  return (
    <>
      <FormErrorSummary title={t('errorTitle')} errors={form.summary} focusKey={form.state} />
      {form.failure && !form.summary.length ? <Notice tone="error" title={form.failure} /> : null}
    </>
  );
}

/** p.5: "call next" — the oldest waiting machinery ticket of this CON. */
export function CallNextForm() {
  const t = useTranslations('MachineryIntake');
  const locale = useLocale();
  const form = useIntakeForm(callNextAction);
  return (
    <form action={form.action} className="flex flex-col gap-3" noValidate>
      <HiddenFields fields={{ locale }} />
      {form.failure ? <Notice tone="warning" title={form.failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('calling')}>{t('callNext')}</SubmitButton>
      </div>
    </form>
  );
}

/** p.5: a ticket without an IIN, for someone who came without one. */
export function IssueTicketForm() {
  const t = useTranslations('MachineryIntake');
  const locale = useLocale();
  const form = useIntakeForm(issueTicketAction);
  const code = form.state.ok ? (form.state.data as { code?: string } | undefined)?.code : undefined;
  return (
    <form action={form.action} className="flex flex-col gap-3" noValidate>
      <HiddenFields fields={{ locale }} />
      {form.failure ? <Notice tone="error" title={form.failure} /> : null}
      {code ? <Notice tone="success" title={t('ticketIssued', { code })} /> : null}
      <div>
        <SubmitButton variant="secondary" pendingLabel={t('saving')}>
          {t('issueTicket')}
        </SubmitButton>
      </div>
    </form>
  );
}

export function ActionForm({ id, version, current, actions }: Versioned & { current: string; actions: readonly string[] }) {
  const t = useTranslations('MachineryIntake');
  const tm = useTranslations('Machinery.action');
  const locale = useLocale();
  const form = useIntakeForm(chooseActionAction);
  return (
    <form action={form.action} className="flex flex-col gap-4" noValidate>
      <Errors form={form} />
      <HiddenFields fields={{ id, version, locale }} />
      <RadioGroup
        name="action"
        legend={t('actionLegend')}
        hint={t('actionHint')}
        required
        error={form.err('action')}
        defaultValue={form.v('action') ?? current}
        options={actions.map((a) => ({ value: a, label: tm(a as never) }))}
      />
      <div>
        <SubmitButton pendingLabel={t('saving')}>{t('continue')}</SubmitButton>
      </div>
    </form>
  );
}

/** p.6 (1): the document number first; only then does the page show the person (and their IIN). */
export function IdentifyForm({ id, version, applicantLocale }: Versioned & { applicantLocale: string }) {
  const t = useTranslations('MachineryIntake');
  const locale = useLocale();
  const form = useIntakeForm(identifyAction);
  return (
    <form action={form.action} className="flex flex-col gap-4" noValidate>
      <Errors form={form} />
      <HiddenFields fields={{ id, version, locale }} />
      <TextField
        name="documentNumber"
        label={t('documentNumber')}
        hint={t('documentNumberHint')}
        required
        width="sm"
        autoComplete="off"
        defaultValue={form.v('documentNumber')}
        error={form.err('documentNumber')}
      />
      <RadioGroup
        name="applicantLocale"
        legend={t('applicantLocale')}
        inline
        defaultValue={form.v('applicantLocale') ?? applicantLocale}
        options={[
          { value: 'kk', label: t('localeKk') },
          { value: 'ru', label: t('localeRu') },
        ]}
      />
      <p className="text-sm text-ink-muted">{t('biometricsHint')}</p>
      <div>
        <SubmitButton pendingLabel={t('checking')}>{t('identifyButton')}</SubmitButton>
      </div>
    </form>
  );
}

type OwnerDefaults = {
  mode: string;
  ownerKind: string;
  ownerIin: string;
  ownerBin: string;
  powerOfAttorneyNumber: string;
  powerOfAttorneyValidUntil: string;
  phone: string;
};

export function OwnerForm({ id, version, defaults, bmgPhone }: Versioned & { defaults: OwnerDefaults; bmgPhone: string | null }) {
  const t = useTranslations('MachineryIntake');
  const locale = useLocale();
  const form = useIntakeForm(setOwnerAction);
  const value = (k: keyof OwnerDefaults) => form.v(k) ?? defaults[k];
  const [mode, setMode] = useState(value('mode') || 'self');
  const [kind, setKind] = useState(value('ownerKind') || 'person');
  return (
    <form action={form.action} className="flex flex-col gap-4" noValidate>
      <Errors form={form} />
      <HiddenFields fields={{ id, version, locale }} />
      <div className="flex flex-col gap-2" onChange={(e) => setMode((e.target as HTMLInputElement).value)}>
        <RadioGroup
          name="mode"
          legend={t('ownerMode')}
          required
          error={form.err('mode')}
          defaultValue={mode}
          options={[
            { value: 'self', label: t('modeSelf') },
            { value: 'organisation_head', label: t('modeHead') },
            { value: 'representative', label: t('modeRepresentative') },
          ]}
        />
      </div>
      {mode === 'representative' ? (
        <div className="flex flex-col gap-2" onChange={(e) => setKind((e.target as HTMLInputElement).value)}>
          <RadioGroup
            name="ownerKind"
            legend={t('ownerKind')}
            inline
            error={form.err('ownerKind')}
            defaultValue={kind}
            options={[
              { value: 'person', label: t('ownerPerson') },
              { value: 'organisation', label: t('ownerOrganisation') },
            ]}
          />
        </div>
      ) : null}
      {mode === 'representative' && kind === 'person' ? (
        <TextField
          name="ownerIin"
          label={t('ownerIin')}
          required
          width="sm"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={value('ownerIin')}
          error={form.err('ownerIin')}
        />
      ) : null}
      {mode === 'organisation_head' || (mode === 'representative' && kind === 'organisation') ? (
        <TextField
          name="ownerBin"
          label={t('ownerBin')}
          required
          width="sm"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={value('ownerBin')}
          error={form.err('ownerBin')}
        />
      ) : null}
      {mode === 'representative' ? (
        <>
          <TextField
            name="powerOfAttorneyNumber"
            label={t('poaNumber')}
            required
            width="sm"
            defaultValue={value('powerOfAttorneyNumber')}
            error={form.err('powerOfAttorneyNumber')}
          />
          <DateField
            name="powerOfAttorneyValidUntil"
            label={t('poaValidUntil')}
            hint={t('poaValidUntilHint')}
            required
            defaultValue={value('powerOfAttorneyValidUntil')}
            error={form.err('powerOfAttorneyValidUntil')}
          />
        </>
      ) : null}
      <TextField
        name="phone"
        type="tel"
        label={t('phone')}
        hint={bmgPhone ? t('phoneHintBmg', { phone: bmgPhone }) : t('phoneHintNoBmg')}
        width="sm"
        autoComplete="off"
        defaultValue={value('phone')}
        error={form.err('phone')}
      />
      <div>
        <SubmitButton pendingLabel={t('checking')}>{t('continue')}</SubmitButton>
      </div>
    </form>
  );
}

type MachineDefaults = Record<'lookup' | 'kind' | 'make' | 'model' | 'year' | 'serialNumber' | 'engineNumber' | 'bodyNumber', string>;

export function MachineForm({
  id,
  version,
  registered,
  kinds,
  defaults,
}: Versioned & { registered: boolean; kinds: readonly string[]; defaults: MachineDefaults }) {
  const t = useTranslations('MachineryIntake');
  const locale = useLocale();
  const form = useIntakeForm(setMachineAction);
  const value = (k: keyof MachineDefaults) => form.v(k) ?? defaults[k];
  return (
    <form action={form.action} className="flex flex-col gap-4" noValidate>
      <Errors form={form} />
      <HiddenFields fields={{ id, version, locale }} />
      {registered ? (
        <TextField
          name="lookup"
          label={t('machineLookup')}
          hint={t('machineLookupHint')}
          required
          width="md"
          autoComplete="off"
          defaultValue={value('lookup')}
          error={form.err('lookup')}
        />
      ) : (
        <>
          <SelectField
            name="kind"
            label={t('machineKind')}
            required
            width="md"
            placeholder={t('choose')}
            defaultValue={value('kind')}
            error={form.err('kind')}
            options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}` as never) }))}
          />
          <TextField name="make" label={t('make')} required width="md" defaultValue={value('make')} error={form.err('make')} />
          <TextField name="model" label={t('model')} required width="md" defaultValue={value('model')} error={form.err('model')} />
          <TextField
            name="year"
            label={t('year')}
            required
            width="xs"
            inputMode="numeric"
            defaultValue={value('year')}
            error={form.err('year')}
          />
          <TextField
            name="serialNumber"
            label={t('serialNumber')}
            hint={t('serialHint')}
            required
            width="md"
            autoComplete="off"
            defaultValue={value('serialNumber')}
            error={form.err('serialNumber')}
          />
          <TextField
            name="engineNumber"
            label={t('engineNumber')}
            width="md"
            defaultValue={value('engineNumber')}
            error={form.err('engineNumber')}
          />
          <TextField
            name="bodyNumber"
            label={t('bodyNumber')}
            width="md"
            defaultValue={value('bodyNumber')}
            error={form.err('bodyNumber')}
          />
        </>
      )}
      <div>
        <SubmitButton pendingLabel={t('checking')}>{t('continue')}</SubmitButton>
      </div>
    </form>
  );
}

/** p.6 (2): one checkbox per item (`tick_<code>`), the required ones marked. */
export function ChecklistForm({
  id,
  version,
  items,
  ticked,
}: Versioned & { items: readonly { code: string; required: boolean }[]; ticked: readonly string[] }) {
  const t = useTranslations('MachineryIntake');
  const tm = useTranslations('Machinery.checklist');
  const locale = useLocale();
  const form = useIntakeForm(checklistAction);
  const checked = (code: string) => (form.state.ok ? ticked.includes(code) : form.v(`tick_${code}`) === 'on');
  return (
    <form action={form.action} className="flex flex-col gap-4" noValidate>
      <Errors form={form} />
      <HiddenFields fields={{ id, version, locale }} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-semibold">{t('checklistLegend')}</legend>
        {items.map((i) => (
          <div key={i.code} className="flex items-start gap-3">
            <input type="checkbox" id={`tick_${i.code}`} name={`tick_${i.code}`} defaultChecked={checked(i.code)} className="mt-1 size-5" />
            <label htmlFor={`tick_${i.code}`}>
              {tm(i.code as never)}
              {i.required ? null : <span className="text-ink-muted"> ({t('optional')})</span>}
            </label>
          </div>
        ))}
      </fieldset>
      <div>
        <SubmitButton pendingLabel={t('saving')}>{t('continue')}</SubmitButton>
      </div>
    </form>
  );
}

/** p.8: the refusal to accept an incomplete package. */
export function RefuseIncompleteForm({ id, version }: Versioned) {
  const t = useTranslations('MachineryIntake');
  const locale = useLocale();
  const form = useIntakeForm(refuseIncompleteAction);
  return (
    <form action={form.action} className="flex flex-col gap-3" noValidate>
      <HiddenFields fields={{ id, version, locale }} />
      {form.failure ? <Notice tone="error" title={form.failure} /> : null}
      <div>
        <SubmitButton variant="danger" pendingLabel={t('saving')}>
          {t('refuseIncomplete')}
        </SubmitButton>
      </div>
    </form>
  );
}

export function CheckFeesForm({ id, version, again }: Versioned & { again: boolean }) {
  const t = useTranslations('MachineryIntake');
  const locale = useLocale();
  const form = useIntakeForm(checkFeesAction);
  return (
    <form action={form.action} className="flex flex-col gap-3" noValidate>
      <HiddenFields fields={{ id, version, locale }} />
      {form.failure ? <Notice tone="error" title={form.failure} /> : null}
      <div>
        <SubmitButton variant={again ? 'secondary' : 'primary'} pendingLabel={t('checking')}>
          {again ? t('checkFeesAgain') : t('checkFees')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** p.6 (4): one scan of an item (PDF, JPEG or PNG up to 10 MB). */
export function ScanForm({ id, version, itemCode, itemName }: Versioned & { itemCode: string; itemName: string }) {
  const t = useTranslations('MachineryIntake');
  const locale = useLocale();
  // Through its upload route (a scan may be larger than a server action's body): refreshed in place on success.
  const form = useIntakeForm(useUploadAction('/api/uploads/machinery/scan', 'machineryScan'));
  const fieldId = `file-${itemCode}`;
  return (
    <form action={form.action} className="flex flex-wrap items-end gap-3" noValidate>
      <HiddenFields fields={{ id, version, locale, itemCode }} />
      <FileField
        id={fieldId}
        name="file"
        label={t('scanOf', { item: itemName })}
        hint={t('scanHint')}
        accept="application/pdf,image/jpeg,image/png"
        error={form.err('file') ?? (form.failure ? [form.failure] : undefined)}
      />
      <SubmitButton variant="secondary" pendingLabel={t('uploading')}>
        {t('upload')}
      </SubmitButton>
    </form>
  );
}

export function RemoveScanForm({ id, version, scanId, label }: Versioned & { scanId: string; label: string }) {
  const t = useTranslations('MachineryIntake');
  const locale = useLocale();
  const form = useIntakeForm(removeScanAction);
  return (
    <form action={form.action} className="inline" noValidate>
      <HiddenFields fields={{ id, version, locale, scanId }} />
      <SubmitButton variant="secondary" size="sm" pendingLabel={t('saving')} aria-label={label}>
        {t('remove')}
      </SubmitButton>
      {form.failure ? <span className="ml-2 text-danger-700">{form.failure}</span> : null}
    </form>
  );
}
