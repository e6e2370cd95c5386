'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { Button, Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { setUserDisabledAction } from '@/lib/admin/user-actions';

/**
 * Disable or enable one account. Disabling asks first (it ends every session of the person at once): the first
 * button opens the confirmation, focus moves to it, and Cancel (or Escape) closes it and returns focus.
 */
export function UserStatusForm({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const t = useTranslations('Admin');
  const tc = useTranslations('Common');
  const te = useTranslations('Errors');
  const [state, action] = useActionState<ActionResult, FormData>(setUserDisabledAction, initialActionState);
  const [confirming, setConfirming] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  // Focus follows the confirmation: onto its button when it opens, back to "Disable" when it is cancelled.
  useEffect(() => {
    if (confirming) document.getElementById(`confirm-button-${userId}`)?.focus();
    else if (returnFocus) document.getElementById(`disable-${userId}`)?.focus();
  }, [confirming, returnFocus, userId]);
  const cancel = () => {
    setReturnFocus(true);
    setConfirming(false);
  };
  const result =
    state.ok && state.message ? (
      <Notice tone="success">{t(state.message === 'userDisabled' ? 'userDisabled' : 'userEnabled')}</Notice>
    ) : !state.ok ? (
      <Notice tone="error">{te(state.code as never)}</Notice>
    ) : null;
  if (!active)
    return (
      <form action={action} onSubmit={() => setConfirming(false)} className="flex flex-col gap-2" aria-label={t('enableFor', { name })}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value="0" />
        <SubmitButton variant="secondary" size="sm" pendingLabel={tc('saving')}>
          {t('enableUser')}
        </SubmitButton>
        {result}
      </form>
    );
  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <form
          action={action}
          className="flex flex-col gap-2 rounded border border-red-300 bg-red-50 p-3"
          aria-label={t('disableFor', { name })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value="1" />
          <p id={`confirm-${userId}`}>{t('disableConfirm', { name })}</p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton
              id={`confirm-button-${userId}`}
              variant="danger"
              size="sm"
              pendingLabel={tc('saving')}
              aria-describedby={`confirm-${userId}`}
            >
              {t('disableConfirmButton')}
            </SubmitButton>
            <Button variant="secondary" size="sm" onClick={cancel}>
              {tc('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button
          id={`disable-${userId}`}
          variant="danger"
          size="sm"
          onClick={() => setConfirming(true)}
          aria-label={t('disableFor', { name })}
        >
          {t('disableUser')}
        </Button>
      )}
      {result}
    </div>
  );
}
