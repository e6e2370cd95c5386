import type { ReactNode, SVGProps } from 'react';

import { cx } from './cx';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'progress';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'>;

// Icons sit next to text that carries the meaning, so they are always hidden from assistive tech.
function Svg({ className, children, ...rest }: IconProps & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
      className={cx('size-[1.25em] shrink-0', className)}
      {...rest}
    >
      {children}
    </svg>
  );
}

export function CheckIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M7.8 13.6 4.2 10l-1.4 1.4 5 5 9.4-9.4-1.4-1.4z" />
    </Svg>
  );
}

export function InfoIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm1 13.5H9V9h2v6Zm0-8H9V5h2v2Z" />
    </Svg>
  );
}

export function WarningIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M10 1.5 0.8 18h18.4L10 1.5Zm1 14H9v-2h2v2Zm0-3.5H9V7h2v5Z" />
    </Svg>
  );
}

export function ErrorIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm3.9 11-1.4 1.4-2.5-2.5-2.5 2.5-1.4-1.4L8.6 10 6.1 7.5l1.4-1.4L10 8.6l2.5-2.5 1.4 1.4-2.5 2.5 2.5 2.5Z" />
    </Svg>
  );
}

export function SuccessIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-1.3 12.2L5 10l1.4-1.4 2.3 2.3 4.9-4.9L15 7.4l-6.3 6.3Z" />
    </Svg>
  );
}

export function ProgressIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 2a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM9 5.5V10.4l3.6 3.6 1.4-1.4-3-3V5.5H9Z" />
    </Svg>
  );
}

export function NeutralIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M10 4a6 6 0 1 0 0 12 6 6 0 0 0 0-12Zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8Z" />
    </Svg>
  );
}

export function SpinnerIcon({ className, ...props }: IconProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={cx('size-[1.1em] shrink-0 animate-spin', className)}
      {...props}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

/** A distinct shape per tone, so a status never depends on colour alone. */
export const toneIcons: Record<Tone, (props: IconProps) => ReactNode> = {
  neutral: NeutralIcon,
  info: InfoIcon,
  success: SuccessIcon,
  warning: WarningIcon,
  danger: ErrorIcon,
  progress: ProgressIcon,
};
