'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button, FormErrorSummary, SelectField, TextareaField } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { SignDialog } from '@/components/eds/sign-dialog';
import { refuseMachineryAction } from '@/lib/machinery/review-actions';
import { refusalCommentProblem, refusalDocument } from '@/lib/machinery/review-rules';

export type RefuseFormProps = {
  id: string;
  version: number;
  number: string;
  akimatId: number;
  applicationSha256: string | null;
  reviewerIin: string;
  /** The review-stage reasons (reference data), with their names and legal basis in the reader's language. */
  reasons: readonly { code: string; label: string; basis: string }[];
};

/** p.13: the motivated refusal: a legal reason from the list and a comment the applicant reads, signed with EDS. */
export function RefuseForm(p: RefuseFormProps) {
  const t = useTranslations('MachineryReview');
  const errorText = useErrorText();
  const locale = useLocale();
  const [reasonCode, setReasonCode] = useState('');
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const errors: Record<string, string> = {};
  if (!p.reasons.some((r) => r.code === reasonCode)) errors.reasonCode = 'machinery_reason_invalid';
  const commentProblem = refusalCommentProblem(comment);
  if (commentProblem) errors.comment = commentProblem;
  const valid = Object.keys(errors).length === 0;
  const shown = checked ? errors : {};
  const summary = Object.entries(shown).map(([fieldId, code]) => ({ fieldId, message: errorText(code) }));
  const reason = p.reasons.find((r) => r.code === reasonCode);

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={check} className="flex flex-col gap-4" noValidate>
        <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={checked ? summary.length : undefined} />
        <SelectField
          name="reasonCode"
          label={t('reason')}
          required
          placeholder={t('reasonPlaceholder')}
          options={p.reasons.map((r) => ({ value: r.code, label: r.label }))}
          value={reasonCode}
          onChange={(e) => setReasonCode(e.target.value)}
          hint={reason ? `${t('legalBasis')}: ${reason.basis}` : undefined}
          error={shown.reasonCode ? errorText(shown.reasonCode) : undefined}
        />
        <TextareaField
          name="comment"
          label={t('comment')}
          hint={t('commentHint')}
          required
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={shown.comment ? errorText(shown.comment) : undefined}
        />
        {!valid || !checked ? (
          <div>
            <Button type="submit" variant="secondary">
              {t('checkFields')}
            </Button>
          </div>
        ) : null}
      </form>
      {valid && checked ? (
        <SignDialog
          document={refusalDocument({
            number: p.number,
            applicationSha256: p.applicationSha256,
            reviewerIin: p.reviewerIin,
            akimatId: p.akimatId,
            reasonCode,
            comment,
          })}
          signer={{ iin: p.reviewerIin }}
          action={refuseMachineryAction}
          fields={{ id: p.id, version: String(p.version), locale, reasonCode, comment: comment.trim() }}
          summary={[
            { term: t('number'), value: p.number },
            { term: t('decision'), value: t('refuse') },
            { term: t('reason'), value: reason?.label ?? '' },
            { term: t('comment'), value: comment.trim() },
          ]}
          title={t('refuseTitle')}
          openLabel={t('refuseSign')}
        />
      ) : null}
    </div>
  );
}
