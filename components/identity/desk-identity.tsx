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
  newPhoto,
  children,
}: {
  id: string;
  checkAction: CheckAction;
  /** The photo of the document being handed over (the ID card's), shown beside GBD FL's once the check passed. */
  newPhoto?: NewPhoto;
  children: (d: PresentedDocument) => ReactNode;
}) {
  const [attempt, setAttempt] = useState(0);
  return (
    <DeskIdentityStep
      key={attempt}
      id={id}
      checkAction={checkAction}
      newPhoto={newPhoto}
      again={() => setAttempt((n) => n + 1)}
      render={children}
    />
  );
}

export type NewPhoto = { src: string; alt: string; caption: string };

function DeskIdentityStep({
  id,
  checkAction,
  newPhoto,
  again,
  render,
}: {
  id: string;
  checkAction: CheckAction;
  newPhoto?: NewPhoto;
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
        <div className="flex flex-wrap gap-6">
          {/* GBD FL's photo and the new document's side by side, the same size, each captioned (issue 15). */}
          <div className="grid grid-cols-2 gap-4 sm:gap-6" data-testid="desk-photos">
            <figure className="flex max-w-60 flex-col gap-2 [&_svg]:h-auto [&_svg]:w-full">
              <figcaption className="font-semibold">{t('gbdPhoto')}</figcaption>
              <GbdPhoto seed={p.photoSeed} label={t('gbdPhoto')} width={240} />
            </figure>
            {newPhoto ? (
              <figure className="flex max-w-60 flex-col gap-2">
                <figcaption className="font-semibold">{newPhoto.caption}</figcaption>
                {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-user file: no image optimisation */}
                <img src={newPhoto.src} alt={newPhoto.alt} className="aspect-[3/4] h-auto w-full rounded border border-line object-cover" />
              </figure>
            ) : null}
          </div>
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
