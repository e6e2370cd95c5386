'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { DateField, FormErrorSummary, Notice, RadioGroup, SelectField, SubmitButton, TextField, type ActionResult } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { PrintableTicket } from '@/components/print/printable-ticket';
import { educationLevels, maritalStatuses, movingReasons, occupations, type ArrivalForm } from '@/lib/residence/arrival-form';
import { astanaRelations } from '@/lib/residence/astana-step-rules';
import {
  arrivalFormAction,
  astanaClaimAction,
  callNextResidenceAction,
  checkOwnerAction,
  formApplicationAction,
  issueResidenceTicketAction,
  refuseAtDeskAction,
} from '@/lib/residence/con-actions';
import type { OwnerCheck } from '@/lib/residence/con-service';

type Form = ReturnType<typeof useForm>;

function Errors({ form }: { form: Form }) {
  const t = useTranslations('ResidenceCon');
  return (
    <>
      <FormErrorSummary title={t('errorTitle')} errors={form.summary} focusKey={form.state} />
      {form.failure && !form.summary.length ? <Notice tone="error" title={form.failure} /> : null}
    </>
  );
}

/** The refusal code a warning of the checks carries (p.8), or null. */
function refusalOf(state: ActionResult): string | null {
  if (state.ok || !state.data || typeof state.data !== 'object') return null;
  const r = (state.data as { refusal?: unknown }).refusal;
  return typeof r === 'string' ? r : null;
}

/** The printed referral online, in each of the two languages (the person's, whichever it is). */
export function ReferralLinks({
  kind,
  reason,
  cadastralNumber,
}: {
  kind: 'reception_online' | 'refused';
  reason?: string;
  cadastralNumber?: string;
}) {
  const t = useTranslations('ResidenceCon');
  const href = (lang: string) => {
    const q = new URLSearchParams({ kind, lang });
    if (reason) q.set('reason', reason);
    if (cadastralNumber) q.set('cn', cadastralNumber);
    return `/api/residence/con/referral?${q.toString()}`;
  };
  return (
    <p className="flex flex-wrap gap-4">
      <a href={href('kk')} target="_blank" rel="noreferrer" className="font-semibold underline" data-testid="referral-kk">
        {t('printKk')}
      </a>
      <a href={href('ru')} target="_blank" rel="noreferrer" className="font-semibold underline" data-testid="referral-ru">
        {t('printRu')}
      </a>
    </p>
  );
}

/** p.4: reception's ticket for the operating hall. */
export function ReceptionTicketForm({ cadastralNumber }: { cadastralNumber: string }) {
  const t = useTranslations('ResidenceCon.reception');
  const tp = useTranslations('Print');
  const locale = useLocale();
  const form = useForm(issueResidenceTicketAction);
  const code = form.state.ok ? (form.state.data as { code?: string } | undefined)?.code : undefined;
  return (
    <form action={form.action} className="flex flex-col gap-3" noValidate>
      <HiddenFields fields={{ locale, cadastralNumber }} />
      {form.failure ? <Notice tone="error" title={form.failure} /> : null}
      {code ? (
        <>
          <Notice tone="success" title={t('ticketIssued', { code })}>
            <p data-testid="residence-ticket">{t('ticketText', { code })}</p>
          </Notice>
          <PrintableTicket title={tp('residenceTicket')} code={code} />
        </>
      ) : (
        <div>
          <SubmitButton pendingLabel={t('issuing')}>{t('issueTicket')}</SubmitButton>
        </div>
      )}
    </form>
  );
}

export function CallNextResidenceForm() {
  const t = useTranslations('ResidenceCon.hall');
  const locale = useLocale();
  const form = useForm(callNextResidenceAction);
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

/** p.8: the portal warned; the worker refuses and refers the person online (printed). */
function RefusalPanel({ ticketId, code, ownerIin, message }: { ticketId: string; code: string; ownerIin?: string; message: string }) {
  const t = useTranslations('ResidenceCon.desk');
  const locale = useLocale();
  const form = useForm(refuseAtDeskAction);
  return (
    <Notice tone="warning" title={t('cannotProvideTitle')}>
      <p className="mb-2" data-testid="desk-warning">
        {message}
      </p>
      <p className="mb-3">{t('cannotProvideText')}</p>
      <ReferralLinks kind="refused" reason={code} />
      <form action={form.action} className="mt-3 flex flex-col gap-2" noValidate>
        <HiddenFields fields={{ locale, ticketId, code, ...(ownerIin ? { ownerIin } : {}) }} />
        {form.failure ? <Notice tone="error" title={form.failure} /> : null}
        <div>
          <SubmitButton variant="danger" pendingLabel={t('saving')}>
            {t('refuse')}
          </SubmitButton>
        </div>
      </form>
    </Notice>
  );
}

/**
 * The desk of a called ticket: p.6 the owner's IIN checked, then p.7 the representative, the applicant and the
 * service. The first answer only shows what was found; the second step checks everything again on the server.
 */
export function DeskForms({ ticketId }: { ticketId: string }) {
  const t = useTranslations('ResidenceCon.desk');
  const locale = useLocale();
  const check = useForm(checkOwnerAction);
  const owner = check.state.ok ? (check.state.data as OwnerCheck | undefined) : undefined;
  const warned = refusalOf(check.state);
  const ownerIin = owner?.ownerIin ?? check.v('ownerIin');
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="owner-title" id="owner" className="flex flex-col gap-4">
        <h2 id="owner-title" className="text-xl font-semibold">
          {t('ownerTitle')}
        </h2>
        <p className="text-ink-muted">{t('ownerLead')}</p>
        <form action={check.action} className="flex flex-wrap items-end gap-3" noValidate>
          <HiddenFields fields={{ locale, ticketId }} />
          <TextField
            name="ownerIin"
            label={t('ownerIin')}
            hint={t('ownerIinHint')}
            required
            width="sm"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={ownerIin}
            error={check.err('ownerIin')}
          />
          <SubmitButton variant={owner ? 'secondary' : 'primary'} pendingLabel={t('checking')}>
            {t('checkOwner')}
          </SubmitButton>
        </form>
        {check.failure && !warned ? <Notice tone="error" title={check.failure} /> : null}
        {warned ? <RefusalPanel ticketId={ticketId} code={warned} ownerIin={ownerIin} message={check.failure ?? ''} /> : null}
        {owner ? <OwnerFound owner={owner} /> : null}
      </section>
      {owner ? <RepresentativeForm key={owner.ownerIin} ticketId={ticketId} owner={owner} /> : null}
    </div>
  );
}

function OwnerFound({ owner }: { owner: OwnerCheck }) {
  const t = useTranslations('ResidenceCon');
  const locale = useLocale();
  const name = locale === 'kk' ? owner.nameKk : owner.nameRu;
  return (
    <Notice tone="success" title={t('desk.ownerPassed')}>
      <dl className="grid gap-1 sm:grid-cols-[max-content_1fr] sm:gap-x-4" data-testid="owner-check">
        <dt className="font-semibold">{t('owner')}</dt>
        <dd>{name}</dd>
        <dt className="font-semibold">{t('age')}</dt>
        <dd>{t('ageYears', { age: owner.age })}</dd>
        <dt className="font-semibold">{t('incapacityLabel')}</dt>
        <dd>{t(`incapacity.${owner.incapacity}`)}</dd>
        {owner.guardian ? (
          <>
            <dt className="font-semibold">{t('guardian')}</dt>
            <dd>
              {locale === 'kk' ? owner.guardian.nameKk : owner.guardian.nameRu}
              {(locale === 'kk' ? owner.guardian.basisKk : owner.guardian.basisRu)
                ? ` — ${locale === 'kk' ? owner.guardian.basisKk : owner.guardian.basisRu}`
                : ''}
            </dd>
          </>
        ) : null}
      </dl>
    </Notice>
  );
}

function RepresentativeForm({ ticketId, owner }: { ticketId: string; owner: OwnerCheck }) {
  const t = useTranslations('ResidenceCon');
  const locale = useLocale();
  const form = useForm(formApplicationAction);
  const warned = refusalOf(form.state);
  const [mode, setMode] = useState(form.v('applicantMode') ?? 'representative');
  const [kind, setKind] = useState(form.v('kind') ?? 'permanent');
  return (
    <section aria-labelledby="representative-title" id="representative" className="flex flex-col gap-4">
      <h2 id="representative-title" className="text-xl font-semibold">
        {t('desk.representativeTitle')}
      </h2>
      <p className="text-ink-muted">
        {t(owner.incapacity === 'minor' ? 'desk.representativeLeadMinor' : 'desk.representativeLeadIncapable')}
      </p>
      {warned ? (
        <RefusalPanel ticketId={ticketId} code={warned} ownerIin={owner.ownerIin} message={form.failure ?? ''} />
      ) : (
        <Errors form={form} />
      )}
      <form action={form.action} className="flex flex-col gap-4" noValidate>
        <HiddenFields fields={{ locale, ticketId, ownerIin: owner.ownerIin }} />
        <RadioGroup
          name="cadastralNumber"
          legend={t('desk.dwelling')}
          required
          error={form.err('cadastralNumber')}
          defaultValue={form.v('cadastralNumber') ?? (owner.dwellings.length === 1 ? owner.dwellings[0]!.cadastralNumber : undefined)}
          options={owner.dwellings.map((d) => ({
            value: d.cadastralNumber,
            label: locale === 'kk' ? d.addressKk : d.addressRu,
            hint: `${d.cadastralNumber} · ${t('areaM2', { area: d.totalAreaM2 })}`,
          }))}
        />
        <TextField
          name="representativeDocument"
          label={t('desk.representativeDocument')}
          hint={t('desk.documentHint')}
          required
          width="sm"
          autoComplete="off"
          defaultValue={form.v('representativeDocument')}
          error={form.err('representativeDocument')}
        />
        <div onChange={(e) => setMode((e.target as HTMLInputElement).value)}>
          <RadioGroup
            name="applicantMode"
            legend={t('desk.applicantMode')}
            required
            error={form.err('applicantMode')}
            defaultValue={mode}
            options={[
              { value: 'representative', label: t('desk.applicantIsRepresentative') },
              { value: 'other', label: t('desk.applicantIsOther') },
            ]}
          />
        </div>
        {mode === 'other' ? (
          <TextField
            name="applicantDocument"
            label={t('desk.applicantDocument')}
            hint={t('desk.documentHint')}
            required
            width="sm"
            autoComplete="off"
            defaultValue={form.v('applicantDocument')}
            error={form.err('applicantDocument')}
          />
        ) : null}
        <div onChange={(e) => setKind((e.target as HTMLInputElement).value)}>
          <RadioGroup
            name="kind"
            legend={t('desk.kind')}
            required
            error={form.err('kind')}
            defaultValue={kind}
            options={[
              { value: 'permanent', label: t('kind.permanent') },
              { value: 'temporary', label: t('kind.temporary') },
            ]}
          />
        </div>
        {kind === 'temporary' ? (
          <div className="flex flex-wrap gap-4">
            <DateField name="stayFrom" label={t('desk.stayFrom')} required defaultValue={form.v('stayFrom')} error={form.err('stayFrom')} />
            <DateField
              name="stayUntil"
              label={t('desk.stayUntil')}
              hint={t('desk.stayUntilHint')}
              required
              defaultValue={form.v('stayUntil')}
              error={form.err('stayUntil')}
            />
          </div>
        ) : null}
        <RadioGroup
          name="applicantLocale"
          legend={t('desk.applicantLocale')}
          inline
          defaultValue={form.v('applicantLocale') ?? locale}
          options={[
            { value: 'kk', label: t('localeKk') },
            { value: 'ru', label: t('localeRu') },
          ]}
        />
        <p className="text-sm text-ink-muted">{t('desk.biometricsHint')}</p>
        <div>
          <SubmitButton pendingLabel={t('desk.checking')}>{t('desk.formApplication')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

/** p.10 step 4: what the applicant is to the owner (the order's list), with the parent or side where it asks. */
export function ClaimForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('ResidenceCon');
  const locale = useLocale();
  const form = useForm(astanaClaimAction);
  const [relation, setRelation] = useState(form.v('relation') ?? '');
  return (
    <form action={form.action} className="flex flex-col gap-4" noValidate>
      <Errors form={form} />
      <HiddenFields fields={{ id, version, locale }} />
      <SelectField
        name="relation"
        label={t('astana.relation')}
        required
        width="md"
        placeholder={t('choose')}
        defaultValue={relation}
        onChange={(e) => setRelation(e.target.value)}
        error={form.err('relation')}
        options={astanaRelations.map((r) => ({ value: r, label: t(`relations.${r}`) }))}
      />
      {relation === 'half_sibling' ? (
        <RadioGroup
          name="sharedParent"
          legend={t('astana.sharedParent')}
          inline
          required
          error={form.err('sharedParent')}
          defaultValue={form.v('sharedParent')}
          options={[
            { value: 'mother', label: t('astana.mother') },
            { value: 'father', label: t('astana.father') },
          ]}
        />
      ) : null}
      {relation === 'grandparent' || relation === 'grandchild' ? (
        <RadioGroup
          name="side"
          legend={t('astana.side')}
          inline
          required
          error={form.err('side')}
          defaultValue={form.v('side')}
          options={[
            { value: 'father', label: t('astana.fatherSide') },
            { value: 'mother', label: t('astana.motherSide') },
          ]}
        />
      ) : null}
      <div>
        <SubmitButton pendingLabel={t('desk.checking')}>{t('astana.check')}</SubmitButton>
      </div>
    </form>
  );
}

/** The statistical arrival form, through the shared schema (lib/residence/arrival-form.ts). */
export function ArrivalFormForm({ id, version, defaults }: { id: string; version: number; defaults: Partial<ArrivalForm> }) {
  const t = useTranslations('ResidenceCon');
  const locale = useLocale();
  const form = useForm(arrivalFormAction);
  const value = (k: keyof ArrivalForm) => form.v(k) ?? (defaults[k] == null ? '' : String(defaults[k]));
  const select = (name: 'movingReason' | 'education' | 'occupation' | 'maritalStatus', values: readonly string[]) => (
    <SelectField
      name={name}
      label={t(`arrival.${name}`)}
      required
      width="md"
      placeholder={t('choose')}
      defaultValue={value(name)}
      error={form.err(name)}
      options={values.map((v) => ({ value: v, label: t(`arrival.${name}Values.${v}` as never) }))}
    />
  );
  return (
    <form action={form.action} className="flex flex-col gap-4" noValidate>
      <Errors form={form} />
      <HiddenFields fields={{ id, version, locale }} />
      <TextField
        name="previousAddress"
        label={t('arrival.previousAddress')}
        hint={t('arrival.previousAddressHint')}
        required
        width="lg"
        defaultValue={value('previousAddress')}
        error={form.err('previousAddress')}
      />
      <input type="hidden" name="previousRegionCode" value={value('previousRegionCode')} />
      {select('movingReason', movingReasons)}
      {select('education', educationLevels)}
      {select('occupation', occupations)}
      {select('maritalStatus', maritalStatuses)}
      <TextField
        name="nationality"
        label={t('arrival.nationality')}
        width="md"
        defaultValue={value('nationality')}
        error={form.err('nationality')}
      />
      <div>
        <SubmitButton pendingLabel={t('desk.saving')}>{t('arrival.save')}</SubmitButton>
      </div>
    </form>
  );
}
