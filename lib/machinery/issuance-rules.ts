// Pure rules of the hand-over at the CON (orders 001/004, p.11): who may collect the registration document and the
// plates, and the formats of the serials the desk records. Unit-tested without a database.
import { issuesPlate, type MachineryAction } from './rules';

/** Who the application says may collect: the owner in person, or the representative recorded at intake. */
export type Collectors = {
  ownerKind: 'person' | 'organisation' | null;
  ownerIin: string | null;
  representativeIin: string | null;
  /** YYYY-MM-DD, the last day the power of attorney is valid. */
  powerOfAttorneyValidUntil: string | null;
};

export type CollectorCheck = { ok: true; as: 'owner' | 'representative' } | { ok: false; code: 'not_entitled' | 'poa_expired' };

/**
 * The one at the desk (identified by GBD FL) may collect when they are the owner, or the representative recorded
 * at intake whose power of attorney is still valid on `today` (a local date, the last day included).
 */
export function mayCollect(app: Collectors, iin: string, today: string): CollectorCheck {
  if (app.ownerKind === 'person' && app.ownerIin === iin) return { ok: true, as: 'owner' };
  if (app.representativeIin && app.representativeIin === iin) {
    if (app.powerOfAttorneyValidUntil && app.powerOfAttorneyValidUntil >= today) return { ok: true, as: 'representative' };
    return { ok: false, code: 'poa_expired' };
  }
  return { ok: false, code: 'not_entitled' };
}

// Blank serials as printed: the registration document (техпаспорт) has two letters and seven digits (`KZ 1234567`),
// the plate's blank a six-to-ten digit number. The order gives no format: ASSUMPTION, as the seed's plates (rules.ts).
const DOCUMENT_SERIAL = /^([A-Z]{2}) ?(\d{7})$/;
const PLATE_SERIAL = /^\d{6,10}$/;

/** `kz1234567`, `KZ 1234567` → `KZ 1234567`; null when it is not a document serial. */
export function normalizeDocumentSerial(input: string): string | null {
  const m = DOCUMENT_SERIAL.exec(input.trim().toUpperCase().replace(/\s+/g, ' '));
  return m ? `${m[1]} ${m[2]}` : null;
}

/** Digits only, spaces dropped; null when it is not a plate blank serial. */
export function normalizePlateSerial(input: string): string | null {
  const compact = input.replace(/[\s-]+/g, '');
  return PLATE_SERIAL.test(compact) ? compact : null;
}

/** What the hand-over of an action gives: a registration document (all but a duplicate plate), a plate (p.12). */
export function handsOver(action: MachineryAction): { document: boolean; plate: boolean } {
  return { document: action !== 'duplicate_plate', plate: issuesPlate(action) };
}
