// Who stands at a desk, told by the ID document they present (order 000 p.8–10, order 002 p.19, orders 001/004
// p.6 (1)): GBD FL is asked by the document's number, never by an IIN the worker reads off the same screen. Pure:
// the GBD FL answers come in, the decision goes out; lib/identity/at-desk.ts asks GBD FL.
import type { Person } from '@/lib/registries/gbd-fl/port';

/** A document number as typed or scanned: spaces dropped, letters upper-case (`n 1234 5678` → `N12345678`). */
export const normalizeDocumentNumber = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** How the document was presented: the card (or passport) itself, or the Digital documents service's copy. */
export const documentSources = ['id_document', 'digital_document'] as const;
export type DocumentSource = (typeof documentSources)[number];

/** What the desk sees once the check has passed: the person as GBD FL knows them, with the photo's stand-in. */
export type DeskPerson = Pick<Person, 'iin' | 'names' | 'birthDate' | 'photoSeed'> & { documentNumber: string; source: DocumentSource };

export type PresentedDocumentCheck =
  | { ok: true; person: Person }
  /** `not_in_person`: the document is someone else's (a representative: no proxy); `document_not_current`: it is
   *  not the expected person's current document in GBD FL (an old, replaced or mistyped one). */
  | { ok: false; code: 'not_in_person' | 'document_not_current'; holderIin: string | null };

/**
 * Passes only when the presented number is the expected person's current document in GBD FL (`expected`, found by
 * the application's IIN). `holder` is whoever GBD FL finds by the presented number: someone else means the one at
 * the desk is not the person (a representative, a relative); nobody means an old or wrong document.
 */
export function matchPresentedDocument(expected: Person | null, holder: Person | null, presented: string): PresentedDocumentCheck {
  const number = normalizeDocumentNumber(presented);
  if (expected && normalizeDocumentNumber(expected.document.number) === number) return { ok: true, person: expected };
  if (expected && holder && holder.iin === expected.iin && normalizeDocumentNumber(holder.document.number) === number)
    return { ok: true, person: holder };
  if (holder && holder.iin !== expected?.iin) return { ok: false, code: 'not_in_person', holderIin: holder.iin };
  return { ok: false, code: 'document_not_current', holderIin: null };
}
