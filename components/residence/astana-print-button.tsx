'use client';

import { Button } from '@/components/ui';

/** Opens the browser's print dialog for the decision's print view (the label comes from the server page). */
export function AstanaPrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" onClick={() => window.print()} data-print-hidden>
      {label}
    </Button>
  );
}
