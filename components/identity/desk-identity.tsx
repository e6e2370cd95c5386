'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Button, DescriptionList, FormErrorSummary, Notice, RadioGroup, SubmitButton, TextField } from '@/components/ui';
import type { ActionResult } from '@/components/ui/form-state';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { GbdPhoto } from '@/components/vehicle/gbd-photo';
import type { DeskPerson, DocumentSource } from '@/lib/identity/presented-document';

export type PresentedDocument = { documentNumber: string; source: DocumentSource };
type CheckAction = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/**
 * The issuance desks' identity step (order 000 p.9, order 002 p.19): the number of the document presented first;
 * only once GBD FL confirms it is the applicant's current document does the desk see their IIN and GBD FL photo,
 * and the hand-over (`children`) opens with the checked document. "Another document" starts the check again.
 */
export function DeskIdentity({
  id,
  checkAction,
  children,
}: {
  id: string;
  checkAction: CheckAction;
  children: (d: PresentedDocument) => ReactNode;
}) {
  const [attempt, setAttempt] = useState(0);
  return <DeskIdentityStep key={attempt} id={id} checkAction={checkAction} again={() => setAttempt((n) => n + 1)} render={children} />;
}

function DeskIdentityStep({
  id,
  checkAction,
  again,
  render,
}: {
  id: string;
  checkAction: CheckAction;
  again: () => void;
  render: (d: PresentedDocument) => ReactNode;
}) {
  const t = useTranslations('DeskIdentity');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm<DeskPerson>(checkAction as never);
  if (state.ok && state.data) {
    const p = state.data;
    const names = locale === 'kk' ? p.names.kk : p.names.ru;
    return (
      <div className="flex flex-col gap-6" data-testid="desk-identity-passed">
        <Notice tone="success" title={t('passed')}>
          {t('compare')}
        </Notice>
        <div className="flex flex-wrap gap-4">
          <GbdPhoto seed={p.photoSeed} label={t('gbdPhoto')} />
          <DescriptionList
            items={[
              { term: t('fullName'), value: [names.surname, names.givenName, names.patronymic].filter(Boolean).join(' ') },
              { term: t('iin'), value: <span className="font-mono">{p.iin}</span> },
              { term: t('birthDate'), value: p.birthDate },
              { term: t('document'), value: <span className="font-mono">{p.documentNumber}</span> },
            ]}
          />
        </div>
        {render({ documentNumber: p.documentNumber, source: p.source })}
        <div>
          <Button type="button" variant="secondary" onClick={again}>
            {t('another')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" noValidate data-testid="desk-identity">
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, locale }} />
      <p className="text-ink-muted">{t('lead')}</p>
      <RadioGroup
        name="source"
        legend={t('source')}
        defaultValue={v('source') ?? 'id_document'}
        error={err('source')}
        options={[
          { value: 'id_document', label: t('sourceIdDocument') },
          { value: 'digital_document', label: t('sourceDigital') },
        ]}
      />
      <TextField
        name="documentNumber"
        label={t('documentNumber')}
        hint={t('documentNumberHint')}
        required
        width="sm"
        autoComplete="off"
        defaultValue={v('documentNumber')}
        error={err('documentNumber')}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('checking')}>{t('check')}</SubmitButton>
      </div>
    </form>
  );
}
