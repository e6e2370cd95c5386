import type { ReactNode } from 'react';

import { cx } from './cx';
import { describedBy, type FieldError, FieldErrors, errorList } from './field';

export type ChoiceOption = { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean };

type GroupProps = {
  name: string;
  /** The first option's id; defaults to `name`, so the error summary's `#name` link lands on it. */
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  /** Visual "*"; a radio group also gets role="radiogroup" + aria-required. */
  required?: boolean;
  errorPrefix?: string;
  options: readonly ChoiceOption[];
  /** Side by side instead of stacked: for two or three short options such as Yes/No. */
  inline?: boolean;
  className?: string;
};

export type RadioGroupProps = GroupProps & { defaultValue?: string };
export type CheckboxGroupProps = GroupProps & { defaultValue?: readonly string[] };

export function RadioGroup({ defaultValue, ...props }: RadioGroupProps) {
  return <ChoiceGroup {...props} type="radio" isChecked={(value) => value === defaultValue} />;
}

export function CheckboxGroup({ defaultValue, ...props }: CheckboxGroupProps) {
  return <ChoiceGroup {...props} type="checkbox" isChecked={(value) => defaultValue?.includes(value) ?? false} />;
}

function ChoiceGroup({
  type,
  isChecked,
  name,
  id,
  legend,
  hint,
  error,
  required,
  errorPrefix,
  options,
  inline,
  className,
}: GroupProps & { type: 'radio' | 'checkbox'; isChecked: (value: string) => boolean }) {
  const baseId = id ?? name;
  const errors = errorList(error);
  const hintId = hint ? `${baseId}-hint` : undefined;
  const errorId = `${baseId}-error`;
  const requiredRadio = required && type === 'radio';
  return (
    <fieldset
      role={requiredRadio ? 'radiogroup' : undefined}
      aria-required={requiredRadio ? true : undefined}
      aria-describedby={describedBy(hintId, errors.length > 0 && errorId)}
      className={cx('min-w-0', errors.length > 0 && 'border-l-4 border-danger-700 pl-4', className)}
    >
      <legend className="mb-1 font-semibold text-ink">
        {legend}
        {required && (
          <span aria-hidden="true" className="ml-1 text-danger-700">
            *
          </span>
        )}
      </legend>
      {hint && (
        <div id={hintId} className="mb-1.5 text-ink-muted">
          {hint}
        </div>
      )}
      <FieldErrors id={errorId} errors={errors} prefix={errorPrefix} />
      <div className={cx('mt-2', inline ? 'flex flex-wrap gap-x-6 gap-y-3' : 'space-y-3')}>
        {options.map((option, index) => {
          const optionId = index === 0 ? baseId : `${baseId}-${index}`;
          const optionHintId = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                type={type}
                id={optionId}
                name={name}
                value={option.value}
                defaultChecked={isChecked(option.value)}
                disabled={option.disabled}
                aria-describedby={optionHintId}
                className="mt-0.5 size-6 shrink-0 cursor-pointer accent-brand-700 disabled:cursor-not-allowed"
              />
              <div>
                <label htmlFor={optionId} className="cursor-pointer text-ink">
                  {option.label}
                </label>
                {option.hint && (
                  <div id={optionHintId} className="text-ink-muted">
                    {option.hint}
                  </div>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
