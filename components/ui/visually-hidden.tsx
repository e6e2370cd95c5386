import type { ReactNode } from 'react';

/** Text for screen readers only (Tailwind's `sr-only`). */
export function VisuallyHidden({ children, as: Tag = 'span', id }: { children: ReactNode; as?: 'span' | 'div' | 'p'; id?: string }) {
  return (
    <Tag id={id} className="sr-only">
      {children}
    </Tag>
  );
}
