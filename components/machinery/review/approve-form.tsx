'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState, type FormEvent } from 'react';
import { Button, DateField, FormErrorSummary, Notice, TextField } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { SignDialog } from '@/components/eds/sign-dialog';
import { approveMachineryAction } from '@/lib/machinery/review-actions';
import { approvalDocument, decisionDraft, issuesDocument } from '@/lib/machinery/review-rules';
import { issuesPlate, type MachineryAction } from '@/lib/machinery/rules';

export type ApproveFormProps = {
  id: string;
  version: number;
  number: string;
  action: MachineryAction;
  akimatId: number;
  regionCode: string;
  applicationSha256: string | null;
  reviewerIin: string;
  /** The local date, for "not in the future". */
  today: string;
  /** Free plates of the region for this kind of machine (p.10 (3)). */
  freePlates: readonly string[];
  /** The plate the reviewer looked up on this page, to start from. */
  initialPlate?: string;
};

/**
 * p.10 (4), p.12: the technical passport and the plate typed by hand, checked here as the service checks them,
 * then the decision document with exactly these values is signed with EDS. Nothing typed is lost on an error.
 */
export function ApproveForm(p: ApproveFormProps) {
  const t = useTranslations('MachineryReview');
  const errorText = useErrorText();
  const locale = useLocale();
  const [typed, setTyped] = useState({ passportNumber: '', passportIssuedOn: '', plate: p.initialPlate ?? '' });
  const [checked, setChecked] = useState(false);
  const needsDocument = issuesDocument(p.action);
  const needsPlate = issuesPlate(p.action);
  const draft = useMemo(() => decisionDraft(p.action, typed, p.regionCode, p.today), [p.action, typed, p.regionCode, p.today]);
  const valid = Object.keys(draft.errors).length === 0;
  const shownErrors = checked ? draft.errors : {};
  const summary = Object.entries(shownErrors).map(([fieldId, code]) => ({ fieldId, message: errorText(code) }));
  const document = approvalDocument({
    number: p.number,
    action: p.action,
    applicationSha256: p.applicationSha256,
    reviewerIin: p.reviewerIin,
    akimatId: p.akimatId,
    ...draft.fields,
  });

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
  }
  const set = (name: keyof typeof typed) => (e: { target: { value: string } }) => {
    setTyped((v) => ({ ...v, [name]: e.target.value }));
  };

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={check} className="flex flex-col gap-4" noValidate>
        <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={checked ? summary.length : undefined} />
        {needsDocument ? (
          <>
            <TextField
              name="passportNumber"
              label={t('passportNumber')}
              hint={t('passportNumberHint')}
              required
              width="md"
              autoComplete="off"
              value={typed.passportNumber}
              onChange={set('passportNumber')}
              error={shownErrors.passportNumber ? errorText(shownErrors.passportNumber) : undefined}
            />
            <DateField
              name="passportIssuedOn"
              label={t('passportIssuedOn')}
              required
              max={p.today}
              value={typed.passportIssuedOn}
              onChange={set('passportIssuedOn')}
              error={shownErrors.passportIssuedOn ? errorText(shownErrors.passportIssuedOn) : undefined}
            />
          </>
        ) : null}
        {needsPlate ? (
          <>
            <TextField
              name="plate"
              label={t('plate')}
              hint={t('plateHint')}
              required
              width="sm"
              autoComplete="off"
              value={typed.plate}
              onChange={set('plate')}
              error={shownErrors.plate ? errorText(shownErrors.plate) : undefined}
              data-testid="approve-plate"
            />
            {p.freePlates.length ? (
              <div>
                <p className="text-sm text-ink-muted" id="free-plates-label">
                  {t('freePlatesHint')}
                </p>
                <ul className="mt-1 flex flex-wrap gap-2" aria-labelledby="free-plates-label">
                  {p.freePlates.map((plate) => (
                    <li key={plate}>
                      <Button type="button" variant="secondary" size="sm" onClick={() => setTyped((v) => ({ ...v, plate }))}>
                        <span className="font-mono">{plate}</span>
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <Notice tone="warning" title={t('noFreePlates')} />
            )}
          </>
        ) : null}
        {!needsDocument && !needsPlate ? <p className="text-ink-muted">{t('nothingToEnter')}</p> : null}
        {!valid || !checked ? (
          <div>
            <Button type="submit" variant="secondary">
              {t('checkFields')}
            </Button>
          </div>
        ) : null}
      </form>
      {valid && (checked || (!needsDocument && !needsPlate)) ? (
        <SignDialog
          document={document}
          signer={{ iin: p.reviewerIin }}
          action={approveMachineryAction}
          fields={{
            id: p.id,
            version: String(p.version),
            locale,
            passportNumber: typed.passportNumber,
            passportIssuedOn: typed.passportIssuedOn,
            plate: typed.plate,
          }}
          summary={[
            { term: t('number'), value: p.number },
            { term: t('decision'), value: t('approve') },
            ...(draft.fields.technicalPassport
              ? [
                  {
                    term: t('passportNumber'),
                    value: `${draft.fields.technicalPassport.number} · ${draft.fields.technicalPassport.issuedOn}`,
                  },
                ]
              : []),
            ...(draft.fields.plate ? [{ term: t('plate'), value: draft.fields.plate }] : []),
          ]}
          title={t('approveTitle')}
          openLabel={t('approveSign')}
        />
      ) : null}
    </div>
  );
}
