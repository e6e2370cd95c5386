'use client';

import { useActionState } from 'react';
import { useErrorText } from './error-text';
import { errorSummaryItems, initialActionState, type ActionResult } from './form-state';

/**
 * The plumbing every form with a server action shares: its state, the typed values to put back (`v`), each
 * field's errors and the summary in the user's language (`err`, `summary`), and the non-field failure.
 */
export function useForm<T = unknown>(action: (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>) {
  const errorText = useErrorText();
  const [state, formAction] = useActionState<ActionResult<T>, FormData>(action, initialActionState);
  return {
    state,
    action: formAction,
    errorText,
    v: (name: string) => (!state.ok ? state.values?.[name] : undefined),
    // One specific message per field, never two (issue 15): the first, as the summary shows it.
    err: (name: string) => (!state.ok ? state.fieldErrors?.[name]?.slice(0, 1).map((c) => errorText(c)) : undefined),
    summary: errorSummaryItems(state).map((i) => ({ ...i, message: errorText(i.message) })),
    /** The message of a failure that is not about one field (a registry down, a decision taken already…). */
    failure: !state.ok && state.code !== 'invalid' ? errorText(state.code, state.params) : null,
  };
}

/** The hidden inputs a versioned step sends (id, version, locale…). */
export function HiddenFields({ fields }: { fields: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(fields).map(([k, val]) => (
        <input key={k} type="hidden" name={k} value={val} />
      ))}
    </>
  );
}
