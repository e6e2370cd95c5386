'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, DescriptionList, FormErrorSummary, Notice, RadioGroup, SubmitButton, TextareaField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { annulAction } from '@/lib/id-card/actions';

const REASONS = ['photo', 'signature', 'more_checks'] as const;

/**
 * Step 18, annul: a reason from the order's list and a comment the citizen sees, then a confirmation (a modal
 * dialog: focus inside, Escape or "Back" cancels and returns to the button) before the form is sent. The action
 * itself stays versioned and audited (lib/id-card/review-service.ts).
 */
export function AnnulForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(annulAction);
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [chosen, setChosen] = useState<{ reason: string | null; comment: string }>({ reason: null, comment: '' });
  // An answer (errors to show) closes the confirmation, so the summary and the fields are what the reviewer sees.
  useEffect(() => dialog.current?.close(), [state]);
  function confirm() {
    const data = new FormData(form.current!);
    const reason = data.get('reason');
    setChosen({
      reason: REASONS.includes(reason as (typeof REASONS)[number]) ? (reason as string) : null,
      comment: String(data.get('comment') ?? '').trim(),
    });
    dialog.current?.showModal();
  }
  return (
    <form ref={form} action={action} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, version, locale }} />
      <RadioGroup
        name="reason"
        legend={t('annulReason')}
        error={err('reason')}
        defaultValue={v('reason')}
        options={REASONS.map((r) => ({ value: r, label: t(`annulReasons.${r}`) }))}
      />
      <TextareaField
        name="comment"
        label={t('annulComment')}
        hint={t('annulCommentHint')}
        rows={3}
        defaultValue={v('comment')}
        error={err('comment')}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <Button variant="danger" onClick={confirm} aria-haspopup="dialog" data-testid="annul-open">
          {t('annul')}
        </Button>
      </div>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-lg rounded-lg border border-line bg-white p-0 text-ink backdrop:bg-slate-900/60"
        data-testid="annul-confirm"
      >
        <div className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-xl font-semibold">
            {t('annulConfirmTitle')}
          </h2>
          <p>{t('annulConfirmText')}</p>
          <DescriptionList
            items={[
              { term: t('annulReason'), value: chosen.reason ? t(`annulReasons.${chosen.reason as (typeof REASONS)[number]}`) : '—' },
              { term: t('annulComment'), value: chosen.comment || '—' },
            ]}
          />
          <div className="flex flex-wrap gap-3">
            <SubmitButton variant="danger" pendingLabel={t('saving')}>
              {t('annulConfirm')}
            </SubmitButton>
            {/* The dialog opens with the focus here: a stray Enter goes back rather than annuls. */}
            <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {t('annulCancel')}
            </Button>
          </div>
        </div>
      </dialog>
    </form>
  );
}
