'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';

type Action = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/**
 * One operations button (retry, discard) for one row: its hidden fields, a visible label and an accessible name that
 * says which row, and the outcome next to it (the Notice is its own live region).
 */
export function OpsButton({
  action,
  fields,
  label,
  accessibleLabel,
  variant = 'secondary',
  testId,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  accessibleLabel: string;
  variant?: 'secondary' | 'danger';
  testId?: string;
}) {
  const t = useTranslations('Admin.ops');
  const errorText = useErrorText();
  const [state, run] = useActionState<ActionResult, FormData>(action, initialActionState);
  const done = state.ok && state.message ? state.message : null;
  return (
    <form action={run} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={variant} size="sm" pendingLabel={t('working')} aria-label={accessibleLabel} data-testid={testId}>
        {label}
      </SubmitButton>
      <span>
        {done ? <Notice tone={done === 'ops_still_stuck' ? 'warning' : 'success'}>{t(`outcomes.${done}` as never)}</Notice> : null}
        {!state.ok && state.code ? <Notice tone="error">{errorText(state.code, state.params)}</Notice> : null}
      </span>
    </form>
  );
}
