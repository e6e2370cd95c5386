import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from 'react';

import { cx } from './cx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';
export type ButtonSize = 'sm' | 'md' | 'lg';

const base =
  'inline-flex items-center justify-center gap-2 font-semibold leading-tight no-underline cursor-pointer ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60';

const variants: Record<ButtonVariant, string> = {
  primary: 'rounded-md border-2 border-transparent bg-brand-700 text-white hover:bg-brand-800 hover:text-white active:bg-brand-900',
  secondary: 'rounded-md border-2 border-brand-700 bg-surface text-brand-700 hover:bg-brand-50 hover:text-brand-800',
  danger: 'rounded-md border-2 border-transparent bg-danger-700 text-white hover:bg-danger-800 hover:text-white',
  link: 'rounded-sm bg-transparent p-0 text-brand-700 underline underline-offset-4 hover:text-brand-900 hover:decoration-2',
};

// 44px is the minimum touch target for "md"; "link" keeps the text's own size.
const sizes: Record<ButtonSize, string> = {
  sm: 'min-h-9 px-3 py-1.5 text-sm',
  md: 'min-h-11 px-5 py-2 text-base',
  lg: 'min-h-12 px-6 py-3 text-lg',
};
const linkSizes: Record<ButtonSize, string> = { sm: 'text-sm', md: 'text-base', lg: 'text-lg' };

/** Classes for anything that should look like a button, e.g. next-intl's `<Link className={buttonClasses()}>`. */
export function buttonClasses(variant: ButtonVariant = 'primary', size: ButtonSize = 'md', options: { fullWidth?: boolean } = {}): string {
  return cx(base, variants[variant], variant === 'link' ? linkSizes[size] : sizes[size], options.fullWidth && 'w-full');
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
};

/** Defaults to type="button" so a stray button never submits a form. */
export function Button({ variant, size, fullWidth, className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={cx(buttonClasses(variant, size, { fullWidth }), className)} {...rest} />;
}

export type ButtonLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
};

/** A plain `<a>` styled as a button; for locale-aware routing use `buttonClasses` on the i18n Link. */
export function ButtonLink({ variant, size, fullWidth, className, ...rest }: ButtonLinkProps) {
  return <a className={cx(buttonClasses(variant, size, { fullWidth }), className)} {...rest} />;
}
