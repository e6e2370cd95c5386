'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * Keeps what a person typed into a form across a language switch (a new page in the other language) and a reload:
 * every change is saved in this tab's sessionStorage under `key`, and put back into the fields when the form comes
 * back with nothing newer from the server. `clear` drops it (after a successful save).
 */
export function useKeptDraft(
  form: RefObject<HTMLFormElement | null>,
  key: string,
  opts: { restore: boolean; clear?: boolean; onRestored?: (form: HTMLFormElement) => void; formKey?: number },
) {
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const storageKey = `qyzmet-draft:${key}`;
    if (opts.clear) {
      sessionStorage.removeItem(storageKey);
      return;
    }
    if (opts.restore) {
      const saved = sessionStorage.getItem(storageKey);
      if (saved) {
        const values = JSON.parse(saved) as Record<string, string>;
        for (const [name, value] of Object.entries(values)) {
          for (const field of Array.from(el.elements)) {
            if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement))
              continue;
            if (field.name !== name || field.type === 'hidden' || field.disabled || ('readOnly' in field && field.readOnly)) continue;
            if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox'))
              field.checked = field.value === value;
            else field.value = value;
          }
        }
        opts.onRestored?.(el);
      }
    }
    const save = () => {
      const values: Record<string, string> = {};
      for (const [name, value] of new FormData(el).entries()) if (typeof value === 'string') values[name] = value;
      sessionStorage.setItem(storageKey, JSON.stringify(values));
    };
    el.addEventListener('input', save);
    el.addEventListener('change', save);
    return () => {
      el.removeEventListener('input', save);
      el.removeEventListener('change', save);
    };
    // onRestored is read once per restore; a new function each render must not re-run the effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, key, opts.restore, opts.clear, opts.formKey]);
}

/**
 * A key that changes with every answer of the action. React resets a form after its action runs, and a <select>
 * or a radio group does not take a new defaultValue once mounted: keyed on this, the form mounts again with what the
 * action echoed back, so nothing typed is lost on an error.
 */
export function useRemountKey(state: object): number {
  const [seen, setSeen] = useState(state);
  const [key, setKey] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setKey((k) => k + 1);
  }
  return key;
}
