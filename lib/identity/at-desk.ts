// The desks' identity checks against GBD FL, shared by the machinery front office and issuance (orders 001/004
// p.6 (1), p.11), the vehicle issuance desk (order 000 p.9–10) and the ID-card registration point (order 002 p.19).
import 'server-only';
import type { PopulationRegistry } from '@/lib/registries/gbd-fl/port';
import { matchPresentedDocument, normalizeDocumentNumber, type PresentedDocumentCheck } from './presented-document';

/** The holder of the presented ID document, as GBD FL knows them; null when GBD FL has no such current document. */
export const personByDocument = (gbdFl: Pick<PopulationRegistry, 'findPersonByDocument'>, documentNumber: string) =>
  gbdFl.findPersonByDocument(normalizeDocumentNumber(documentNumber));

/**
 * Is the one at the desk the expected person? Their current document in GBD FL must be the one presented. GBD FL
 * is asked for the holder only when it is not, to tell a representative from an old or mistyped document.
 */
export async function checkPresentedDocument(
  gbdFl: Pick<PopulationRegistry, 'findPerson' | 'findPersonByDocument'>,
  expectedIin: string,
  documentNumber: string,
): Promise<PresentedDocumentCheck> {
  const expected = await gbdFl.findPerson(expectedIin);
  const first = matchPresentedDocument(expected, null, documentNumber);
  if (first.ok) return first;
  return matchPresentedDocument(expected, await personByDocument(gbdFl, documentNumber), documentNumber);
}
