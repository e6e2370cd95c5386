import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

import { cx } from './cx';

export type ControlWidth = 'full' | 'lg' | 'md' | 'sm' | 'xs';

// Fixed widths hint at the expected answer: "sm" fits a 12-digit IIN/BIN, "md" a VIN.
const widths: Record<ControlWidth, string> = {
  full: 'w-full',
  lg: 'w-full max-w-xl',
  md: 'w-full max-w-80',
  sm: 'w-full max-w-48',
  xs: 'w-full max-w-28',
};

const control =
  'block rounded-md border-2 border-line-strong bg-surface px-3 py-2 text-base text-ink ' +
  'placeholder:text-ink-muted disabled:cursor-not-allowed disabled:bg-canvas ' +
  'aria-[invalid=true]:border-danger-700';

export function controlClasses(width: ControlWidth = 'full', extra?: string): string {
  return cx(control, widths[width], extra);
}

type Sized = { width?: ControlWidth };

export type TextInputProps = InputHTMLAttributes<HTMLInputElement> & Sized;

/** Uncontrolled: pass `defaultValue` (e.g. from ActionResult.values) so a failed submit keeps the answers. */
export function TextInput({ width, className, type = 'text', ...rest }: TextInputProps) {
  return <input type={type} className={controlClasses(width, cx('min-h-11', className))} {...rest} />;
}

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> &
  Sized & {
    options: readonly SelectOption[];
    /** First, empty-valued option, e.g. "Choose a region". */
    placeholder?: string;
  };

export function Select({ options, placeholder, width = 'lg', className, ...rest }: SelectProps) {
  return (
    <select className={controlClasses(width, cx('min-h-11 pr-8', className))} {...rest}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & Sized;

export function Textarea({ width = 'lg', rows = 5, className, ...rest }: TextareaProps) {
  return <textarea rows={rows} className={controlClasses(width, cx('min-h-24', className))} {...rest} />;
}
