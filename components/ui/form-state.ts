import type { ActionResult } from '@/lib/action-result';

// The type lives in lib/ (server actions return it, and lib/ never imports components/); re-exported for forms.
export type { ActionResult };

/** Initial state for `useActionState`: nothing submitted yet (ok, no data, no message). */
export const initialActionState: ActionResult<never> = { ok: true };

export type ErrorSummaryItem = { fieldId: string; message: string };

/** The first error of each field, in the order the action reported them, for `FormErrorSummary`. */
export function errorSummaryItems(result: ActionResult<unknown>): ErrorSummaryItem[] {
  if (result.ok || !result.fieldErrors) return [];
  return Object.entries(result.fieldErrors).flatMap(([fieldId, messages]) => (messages[0] ? [{ fieldId, message: messages[0] }] : []));
}

export function fieldErrorsOf(result: ActionResult<unknown>, name: string): string[] | undefined {
  return result.ok ? undefined : result.fieldErrors?.[name];
}

export function valueOf(result: ActionResult<unknown>, name: string): string | undefined {
  return result.ok ? undefined : result.values?.[name];
}
