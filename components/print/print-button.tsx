'use client';

import { Button, type ButtonProps } from '@/components/ui';

/** "Print" for a page or a ticket: the browser's print dialog; the button itself never prints (app/globals.css). */
export function PrintButton({ children, variant = 'secondary', ...rest }: Omit<ButtonProps, 'onClick' | 'type'>) {
  return (
    <Button variant={variant} onClick={() => window.print()} data-print-button {...rest}>
      {children}
    </Button>
  );
}
