// "Check my EDS": a person signs a short statement with their signing key and gets the verification report,
// code and QR — what portals offer before a first real signature. It is the smallest complete use of the
// signing machinery, and the pattern every pilot follows: the server rebuilds the document from what it knows
// (never from the browser's copy) and verifies the CMS over the rebuilt bytes.
import { z } from 'zod';

const NUMBER_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const edsCheckNumberPattern = /^EDS-\d{8}-[A-HJ-NP-Z2-9]{8}$/;
/** How long a prepared statement may wait for its signature. */
export const EDS_CHECK_TTL_MS = 60 * 60_000;

export type EdsCheckInput = {
  number: string;
  createdAt: string; // ISO, UTC
  locale: 'kk' | 'ru';
  signer: { iin: string; name: string; bin?: string | null };
  statement: string; // the statement in `locale`, as the page shows it
};

/** The document as signed: canonical JSON of exactly these fields (SPEC §2.3). */
export function edsCheckDocument(input: EdsCheckInput) {
  return {
    kind: 'qyzmet.eds-check',
    number: input.number,
    createdAt: input.createdAt,
    locale: input.locale,
    signer: { iin: input.signer.iin, name: input.signer.name, ...(input.signer.bin ? { bin: input.signer.bin } : {}) },
    statement: input.statement,
  };
}

/** A fresh statement number, `EDS-YYYYMMDD-XXXXXXXX`; `random` returns integers in [0, n). */
export function newEdsCheckNumber(now: Date, random: (n: number) => number): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `EDS-${day}-${Array.from({ length: 8 }, () => NUMBER_ALPHABET[random(NUMBER_ALPHABET.length)]).join('')}`;
}

/** Pure: may a statement prepared at `createdAt` be signed at `now`? Not from the future, not stale. */
export function edsCheckFresh(createdAt: string, now: Date): boolean {
  const at = Date.parse(createdAt);
  return Number.isFinite(at) && at <= now.getTime() + 60_000 && now.getTime() - at <= EDS_CHECK_TTL_MS;
}

/** What the browser sends back besides the CMS: enough to rebuild the statement, nothing more. */
export const edsCheckSchema = z.object({
  number: z.string().regex(edsCheckNumberPattern, 'invalid_value'),
  createdAt: z.iso.datetime({ message: 'invalid_value' }),
  locale: z.enum(['kk', 'ru']),
  bin: z
    .string()
    .regex(/^\d{12}$/, 'invalid_value')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  cms: z.string().min(16, 'signature_malformed').max(200_000, 'signature_malformed'),
});
