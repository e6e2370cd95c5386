// A visitor at a CON desk identified the one way every pilot's desk does it: found in GBD FL by the number of the ID
// document they present, and the sample captured at the desk (checked by Digital ID; only its SHA-256 is kept) checked by
// Digital ID. Without a sample from the desk camera, the capture is simulated (fresh bytes): the simulator answers
// from its seed. Used by the machinery intake (orders 001/004 p.6 (1)) and the residence operating hall (003 p.7).
import { createHash, randomBytes } from 'node:crypto';
import type { Registries } from '@/lib/registries';
import { biometricSample } from '@/lib/registries/digital-id/sample';
import { personByDocument } from '@/lib/identity/at-desk';
import { normalizeDocumentNumber } from '@/lib/identity/presented-document';
import type { Person } from '@/lib/registries/gbd-fl/port';

export { normalizeDocumentNumber };

/**
 * The person behind the document and the biometric check; null when GBD FL knows no such document (or Digital ID no
 * such person): the caller says "document not found" in its own words. A failed check is `biometrics.passed: false`.
 */
export async function identifyAtDesk(
  registries: Pick<Registries, 'gbdFl' | 'digitalId'>,
  documentNumber: string,
  sample?: Uint8Array,
): Promise<{ person: Person; documentNumber: string; biometrics: { passed: boolean; sampleSha256: string; checkedAt: string } } | null> {
  const number = normalizeDocumentNumber(documentNumber);
  const person = await personByDocument(registries.gbdFl, number);
  if (!person) return null;
  // The port takes the sample itself, so a real Digital-ID adapter can check it; only its hash is kept.
  const bytes = sample?.byteLength ? sample : randomBytes(64);
  const sampleSha256 = createHash('sha256').update(bytes).digest('hex');
  const check = await registries.digitalId.verifySample(person.iin, biometricSample(bytes));
  if (!check) return null;
  return { person, documentNumber: number, biometrics: { passed: check.passed, sampleSha256, checkedAt: new Date().toISOString() } };
}
