// The date a person types, in the way both portal languages write dates (`dd.mm.yyyy`, SPEC: one date format per
// locale), to the ISO `YYYY-MM-DD` every server schema expects. Pure; components/ui/date-input.tsx uses it, so the
// browser's own date picker (which follows the browser's language, not the page's) is never shown.
import { isLocalDate } from '@/lib/calendar/local';

const DOTTED = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DIGITS = /^(\d{2})(\d{2})(\d{4})$/;

/**
 * `31.12.2026`, `1.2.2026`, `31/12/2026`, `31-12-2026`, `31122026` and ISO `2026-12-31` → `2026-12-31`.
 * Null for anything else, including impossible dates (`30.02.2026`) and years before 1900 or after 2199.
 */
export function parseDateInput(text: string): string | null {
  const s = text.trim().replace(/\s+/g, '');
  const iso = ISO.exec(s);
  const m = iso ? [iso[3], iso[2], iso[1]] : (DOTTED.exec(s) ?? DIGITS.exec(s))?.slice(1, 4);
  if (!m) return null;
  const [day = '', month = '', year = ''] = m;
  if (Number(year) < 1900 || Number(year) > 2199) return null;
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isLocalDate(value) ? value : null;
}

/** `2026-12-31` → `31.12.2026`; any other text is shown as typed (a failed submit keeps what the person wrote). */
export function displayDate(value: string | null | undefined): string {
  if (!value) return '';
  const iso = ISO.exec(value);
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : value;
}
