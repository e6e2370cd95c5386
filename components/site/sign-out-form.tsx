'use client';

import type { ReactNode } from 'react';
import { clearFormDrafts } from '@/components/ui/use-draft';

/** The sign-out form: the tab's unsaved form drafts go with the session. */
export function SignOutForm({ action, children }: { action: (form: FormData) => Promise<void>; children: ReactNode }) {
  return (
    <form action={action} onSubmit={clearFormDrafts}>
      {children}
    </form>
  );
}
