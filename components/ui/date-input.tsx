'use client';

import { useTranslations } from 'next-intl';
import { useState, type ChangeEvent, type InputHTMLAttributes } from 'react';
import { displayDate, parseDateInput } from '@/lib/i18n/date-input';
import { controlClasses, type ControlWidth } from './controls';
import { cx } from './cx';

export type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'onChange'> & {
  width?: ControlWidth;
  name?: string;
  /** ISO `YYYY-MM-DD` (or text a failed submit sent back), controlled. */
  value?: string;
  defaultValue?: string;
  /** Receives the ISO date once the text is a real date, else the text as typed (the server then refuses it). */
  onChange?: (e: { target: { name: string; value: string } }) => void;
};

/**
 * A date in the page's language, not the browser's (issue 15): a text input for `дд.мм.гггг` / `кк.аа.жжжж` with the
 * format spelled out under it, and a hidden input that submits ISO `YYYY-MM-DD` under `name`, so the server schemas
 * stay as they are. The browser's date picker is never used: it follows the browser's language. `min`/`max` are
 * the server's to check (kept as data attributes).
 */
export function DateInput({ width = 'sm', className, name = '', value, defaultValue, onChange, min, max, ...rest }: DateInputProps) {
  const t = useTranslations('Common');
  const [text, setText] = useState(() => displayDate(value ?? defaultValue));
  const [seen, setSeen] = useState(value);
  // A controlled value changed from outside (a reset, a prefill): show it, unless it is what the text already says.
  if (value !== seen) {
    setSeen(value);
    if (value !== undefined && parseDateInput(text) !== value && text !== value) setText(displayDate(value));
  }
  const iso = parseDateInput(text);
  const formatId = rest.id ? `${rest.id}-format` : undefined;
  function change(e: ChangeEvent<HTMLInputElement>) {
    setText(e.target.value);
    onChange?.({ target: { name, value: parseDateInput(e.target.value) ?? e.target.value } });
  }
  return (
    <>
      <input
        {...rest}
        // The bounds travel as data for scripts and tests; the server enforces them (no browser bubbles).
        data-min={min}
        data-max={max}
        type="text"
        inputMode="numeric"
        autoComplete={rest.autoComplete ?? 'off'}
        maxLength={10}
        placeholder={t('dateFormat')}
        value={text}
        onChange={change}
        aria-describedby={[rest['aria-describedby'], formatId].filter(Boolean).join(' ') || undefined}
        className={controlClasses(width, cx('min-h-11 font-mono tabular-nums', className))}
      />
      <input type="hidden" name={name} value={iso ?? text} />
      <p id={formatId} className="mt-1 text-sm text-ink-muted">
        {t('dateFormatHint', { format: t('dateFormat') })}
      </p>
    </>
  );
}
