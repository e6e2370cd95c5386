'use client';

import { useTranslations } from 'next-intl';
import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react';

import { useErrorTitle } from './error-title';
import type { ErrorSummaryItem } from './form-state';

/**
 * GOV.UK-style error summary at the top of a form. It takes focus when it appears
 * and whenever `focusKey` changes (pass the action state so every failed submit
 * lands here); each link moves focus to its field.
 */
export function FormErrorSummary({
  title,
  errors,
  description,
  focusKey,
}: {
  title: ReactNode;
  errors: readonly ErrorSummaryItem[];
  /** Non-field message, e.g. the translated ActionResult.code. */
  description?: ReactNode;
  focusKey?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useTranslations('Common');
  const visible = errors.length > 0 || Boolean(description);
  // A stable default, so a re-render with equal errors does not steal focus mid-typing.
  const key = focusKey ?? errors.map((error) => `${error.fieldId}\u0000${error.message}`).join('\u0001');

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, key]);
  useErrorTitle(visible);

  if (!visible) return null;

  function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    // Bring the question into view with the field: the legend for a choice, else the label.
    const isChoice = field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox');
    const question = isChoice
      ? field.closest('fieldset')?.querySelector('legend')
      : document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    (question ?? field).scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
  }

  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="mb-8 rounded-md border-4 border-danger-700 bg-surface p-5 text-ink focus:outline-3 focus:outline-offset-0 focus:outline-focus"
    >
      {/* Several errors: the heading counts them (an ICU plural), not a form's singular "Fix the error". */}
      <h2 className="text-xl font-bold">{errors.length > 1 ? t('errorSummaryMany', { count: errors.length }) : title}</h2>
      {description && <div className="mt-2">{description}</div>}
      {errors.length > 0 && (
        <ul className="mt-3 list-none space-y-2">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => focusField(event, error.fieldId)}
                className="font-semibold text-danger-700 hover:text-danger-800"
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
