'use client';

import { useLocale } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, initialActionState, type ActionResult, type ButtonVariant } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';

/** A one-button form for a versioned step (cancel, change the answers): the version makes a stale click harmless. */
export function VersionButton({
  action,
  id,
  version,
  label,
  pendingLabel,
  variant = 'secondary',
  confirm,
}: {
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  id: string;
  version: number;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  confirm?: string;
}) {
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, submit] = useActionState(action, initialActionState);
  return (
    <form
      action={submit}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locale" value={locale} />
      <div>
        <SubmitButton variant={variant} pendingLabel={pendingLabel}>
          {label}
        </SubmitButton>
      </div>
      {!state.ok ? <Notice tone="error" title={errorText(state.code, state.params)} /> : null}
    </form>
  );
}
