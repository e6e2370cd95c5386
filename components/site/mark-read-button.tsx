'use client';

import { useActionState } from 'react';
import { SubmitButton, initialActionState } from '@/components/ui';
import { markReadAction } from '@/lib/notifications/actions';

export function MarkReadButton({ id, label, pendingLabel }: { id?: string; label: string; pendingLabel: string }) {
  const [, action] = useActionState(markReadAction, initialActionState);
  return (
    <form action={action} className="mt-2">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <SubmitButton variant="secondary" size="sm" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
