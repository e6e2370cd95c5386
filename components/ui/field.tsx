import type { ReactNode } from 'react';

import { Select, type SelectProps, TextInput, type TextInputProps, Textarea, type TextareaProps } from './controls';
import { cx } from './cx';
import { FileInput, type FileInputProps } from './file-input';
import { DateInput, type DateInputProps } from './date-input';

export type FieldError = string | readonly string[] | null | undefined;

export function errorList(error: FieldError): string[] {
  if (!error) return [];
  return (typeof error === 'string' ? [error] : [...error]).filter(Boolean);
}

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** What `Field` hands to its control; spread it onto the input. */
export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
};

export type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  /** Shows an aria-hidden "*" and sets aria-required; the server stays the validator (no browser bubbles). */
  required?: boolean;
  /** Screen-reader-only prefix for each error, e.g. "Error:" / "Қате:". */
  errorPrefix?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/** Label, hint and errors wired to one control by id. */
export function Field({ id, label, hint, error, required, errorPrefix, className, children }: FieldProps) {
  const errors = errorList(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <div className={cx(errors.length > 0 && 'border-l-4 border-danger-700 pl-4', className)}>
      <label htmlFor={id} className="mb-1 block font-semibold text-ink">
        {label}
        {required && (
          <span aria-hidden="true" className="ml-1 text-danger-700">
            *
          </span>
        )}
      </label>
      {hint && (
        <div id={hintId} className="mb-1.5 text-ink-muted">
          {hint}
        </div>
      )}
      <FieldErrors id={errorId} errors={errors} prefix={errorPrefix} />
      {children({
        id,
        'aria-describedby': describedBy(hintId, errors.length > 0 && errorId),
        'aria-invalid': errors.length > 0 ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
    </div>
  );
}

/** Always in the DOM so screen readers announce errors that arrive after a submit. */
export function FieldErrors({ id, errors, prefix }: { id: string; errors: readonly string[]; prefix?: string }) {
  return (
    <div id={id} aria-live="polite">
      {errors.map((message, index) => (
        <p key={`${index}-${message}`} className="mb-1.5 font-semibold text-danger-700">
          {prefix && <span className="sr-only">{prefix} </span>}
          {message}
        </p>
      ))}
    </div>
  );
}

type Own = {
  name: string;
  /** Defaults to `name`, so ActionResult.fieldErrors keys double as `#id` links in the error summary. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  required?: boolean;
  errorPrefix?: string;
  /** Classes for the wrapper; style the control through `inputClassName`. */
  className?: string;
  inputClassName?: string;
};
type ControlOnly<P> = Omit<P, keyof Own | 'aria-describedby' | 'aria-invalid' | 'aria-required'>;

function split<P extends Own>({ name, id, label, hint, error, required, errorPrefix, className, inputClassName, ...rest }: P) {
  const field = { id: id ?? name, label, hint, error, required, errorPrefix, className };
  return { field, control: { name, className: inputClassName, ...rest } };
}

export type TextFieldProps = Own & ControlOnly<TextInputProps>;
export function TextField(props: TextFieldProps) {
  const { field, control } = split(props);
  return <Field {...field}>{(wired) => <TextInput {...control} {...wired} />}</Field>;
}

export type DateFieldProps = Own & ControlOnly<DateInputProps>;
export function DateField(props: DateFieldProps) {
  const { field, control } = split(props);
  return <Field {...field}>{(wired) => <DateInput {...control} {...wired} />}</Field>;
}

export type FileFieldProps = Own & ControlOnly<FileInputProps>;
export function FileField(props: FileFieldProps) {
  const { field, control } = split(props);
  return <Field {...field}>{(wired) => <FileInput {...control} {...wired} />}</Field>;
}

export type SelectFieldProps = Own & ControlOnly<SelectProps>;
export function SelectField(props: SelectFieldProps) {
  const { field, control } = split(props);
  return <Field {...field}>{(wired) => <Select {...control} {...wired} />}</Field>;
}

export type TextareaFieldProps = Own & ControlOnly<TextareaProps>;
export function TextareaField(props: TextareaFieldProps) {
  const { field, control } = split(props);
  return <Field {...field}>{(wired) => <Textarea {...control} {...wired} />}</Field>;
}
