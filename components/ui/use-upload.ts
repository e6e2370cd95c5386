'use client';

import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { SHRINK_TO, UPLOAD_LIMITS, type UploadKind } from '@/lib/files/limits';
import { shrinkImage } from '@/lib/files/shrink-image';
import type { ActionResult } from './form-state';

const fileTooLarge = (): ActionResult => ({ ok: false, code: 'invalid', fieldErrors: { file: ['file_too_large'] } });

/**
 * An action for `useForm`/`useActionState` that posts the form's file to an upload route with fetch instead of a
 * server action (issue 14/15): a file over the limit is first shrunk in the browser (photos) or refused in the field
 * before a byte is sent, and a refusal from the route comes back as the field's message. The page is refreshed
 * in place on success — nothing reloads, so what was typed in the page's other forms stays.
 */
export function useUploadAction(url: string, kind: UploadKind) {
  const router = useRouter();
  return useCallback(
    async (_prev: ActionResult, form: FormData): Promise<ActionResult> => {
      const limit = UPLOAD_LIMITS[kind];
      const file = form.get('file');
      if (file instanceof File && file.size > limit) {
        const smaller = await shrinkImage(file, SHRINK_TO[kind], limit);
        if (!smaller) return fileTooLarge();
        form.set('file', smaller);
      }
      let result: ActionResult;
      try {
        const response = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin' });
        result = (await response.json()) as ActionResult;
      } catch {
        return { ok: false, code: 'upload_failed' };
      }
      if (result.ok) router.refresh();
      return result;
    },
    [url, kind, router],
  );
}
