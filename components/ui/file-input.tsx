'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ChangeEvent, type InputHTMLAttributes } from 'react';
import { shrinkImage } from '@/lib/files/shrink-image';
import { buttonClasses } from './button';
import { cx } from './cx';

export type FileInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  /** A picture over `maxBytes` is replaced in the input by a JPEG within `maxSide` px before the form is sent,
   *  for forms that post a camera capture to a server action (whose body limit is small). */
  shrink?: { maxSide: number; maxBytes: number };
};

/**
 * A file input in the page's language (issue 15): the browser's own control says "Choose file / No file chosen"
 * in the browser's language. The native input stays in the tab order (visually hidden, so keyboard and screen
 * reader users reach it under the field's label); the button-like box and the chosen name are drawn by us.
 */
export function FileInput({ className, onChange, id, shrink, ...rest }: FileInputProps) {
  const t = useTranslations('Common');
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  const nameId = id ? `${id}-chosen` : undefined;
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const clear = () => setNames([]);
    form.addEventListener('reset', clear);
    return () => form.removeEventListener('reset', clear);
  }, []);
  const describedBy = [rest['aria-describedby'], nameId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('flex flex-wrap items-center gap-3', className)}>
      <input
        {...rest}
        id={id}
        ref={input}
        type="file"
        aria-describedby={describedBy}
        className="peer sr-only"
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const target = e.currentTarget;
          setNames(Array.from(target.files ?? [], (f) => f.name));
          onChange?.(e);
          const file = target.files?.[0];
          if (shrink && file && file.size > shrink.maxBytes && typeof DataTransfer === 'function') {
            void shrinkImage(file, shrink.maxSide, shrink.maxBytes).then((smaller) => {
              if (!smaller) return;
              const files = new DataTransfer();
              files.items.add(smaller);
              target.files = files.files;
            });
          }
        }}
      />
      <span
        aria-hidden="true"
        onClick={() => input.current?.click()}
        className={cx(
          buttonClasses('secondary'),
          'cursor-pointer peer-focus-visible:shadow-[0_0_0_6px_var(--color-ink)] peer-focus-visible:outline-3 peer-focus-visible:outline-focus peer-focus-visible:outline-solid',
          'peer-disabled:cursor-not-allowed peer-disabled:opacity-60',
        )}
      >
        {t('chooseFile')}
      </span>
      <span id={nameId} className="break-all text-ink-muted" data-testid={id ? `${id}-name` : undefined}>
        {names.length ? t('fileChosen', { name: names.join(', ') }) : t('noFileChosen')}
      </span>
    </div>
  );
}
