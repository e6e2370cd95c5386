'use client';

import { useEffect, useRef } from 'react';
import type { ActionResult } from './form-state';

// Unsaved values survive a language switch, a reload for an upload, and Back/Forward (issue 15): what the person
// types in a form is kept in this tab's sessionStorage (gone when the tab closes, cleared at sign-out) and put
// back when the form mounts again. The draft holds only what was typed since the last submit: a submit clears
// it, and a failed submit keeps it (the form re-renders from what was submitted, and that is saved again).

const PREFIX = 'qyzmet-draft:';

type Draft = Record<string, string | string[]>;
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const kept = (el: Element): el is Control =>
  (el instanceof HTMLInputElement && !['hidden', 'file', 'password', 'submit', 'button', 'reset', 'image'].includes(el.type)) ||
  el instanceof HTMLSelectElement ||
  el instanceof HTMLTextAreaElement;

const checkable = (el: Control): el is HTMLInputElement =>
  el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');

function collect(form: HTMLFormElement): Draft {
  const draft: Draft = {};
  for (const el of Array.from(form.elements)) {
    if (!kept(el) || !el.name) continue;
    if (checkable(el)) {
      const values = (draft[el.name] ??= []) as string[];
      if (el.checked) values.push(el.value);
    } else draft[el.name] = el.value;
  }
  return draft;
}

function restore(form: HTMLFormElement, draft: Draft) {
  for (const el of Array.from(form.elements)) {
    if (!kept(el) || !(el.name in draft)) continue;
    const value = draft[el.name]!;
    if (checkable(el)) el.checked = Array.isArray(value) && value.includes(el.value);
    else if (typeof value === 'string') el.value = value;
  }
}

function read(key: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

function write(key: string, draft: Draft) {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still works, only the draft is not kept.
  }
}

/** Every kept draft goes at sign-out: the next person at a shared computer finds none. */
export function clearFormDrafts() {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/**
 * Put the returned ref on a `<form>`; `key` names the form and its record (e.g. `id-card-form:<application id>`),
 * the same in both languages. Pass the action's state so a failed submit keeps its values as the draft.
 */
export function useFormDraft(key: string, state?: ActionResult<unknown>) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    const draft = read(key);
    if (draft) restore(form, draft);
    const save = () => write(key, collect(form));
    const clear = () => sessionStorage.removeItem(PREFIX + key);
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    form.addEventListener('submit', clear);
    return () => {
      form.removeEventListener('input', save);
      form.removeEventListener('change', save);
      form.removeEventListener('submit', clear);
    };
  }, [key]);
  useEffect(() => {
    // After a failed submit the form shows what was submitted: that is the draft again.
    if (state && !state.ok && ref.current) write(key, collect(ref.current));
  }, [key, state]);
  return ref;
}
