// The address register's structure behind a dwelling's address line (the cadastre's own record is structured; the
// simulator keeps one line per language, written by the seed as "<place>, <street>, <house>[, <flat>]"). Pure.

/** A bilingual name: the ru form doubles as the level's key in a search (it is the same in every language). */
export type BilingualName = { kk: string; ru: string };

export type AddressParts = {
  locality: BilingualName;
  street: BilingualName;
  house: string;
  flat: string | null;
};

const FLAT_RU = /^кв\.\s*(.+)$/;
const FLAT_KK = /^(.+)-пәтер$/;
const HOUSE_RU = /^д\.\s*(.+)$/;

/**
 * Splits the two address lines of one dwelling into locality, street, house and flat. The parts are read from the
 * right (flat, house, street); what is left is the place: its first part (the region or the city of republican
 * significance) is dropped when a district or settlement follows it, since the region is chosen on its own.
 * Null when the lines do not have that shape.
 */
export function splitAddress(addressKk: string, addressRu: string): AddressParts | null {
  const kk = addressKk.split(', ').map((s) => s.trim());
  const ru = addressRu.split(', ').map((s) => s.trim());
  if (kk.length !== ru.length || ru.length < 3) return null;
  const flatRu = FLAT_RU.exec(ru.at(-1)!);
  const flatKk = FLAT_KK.exec(kk.at(-1)!);
  if (!!flatRu !== !!flatKk) return null;
  if (flatRu) {
    ru.pop();
    kk.pop();
  }
  const houseRu = HOUSE_RU.exec(ru.pop()!);
  const houseKk = kk.pop()!;
  if (!houseRu || houseRu[1] !== houseKk) return null;
  const streetRu = ru.pop()!;
  const streetKk = kk.pop()!;
  if (!ru.length) return null;
  const place = (parts: string[]) => (parts.length > 1 ? parts.slice(1) : parts).join(', ');
  return {
    locality: { kk: place(kk), ru: place(ru) },
    street: { kk: streetKk, ru: streetRu },
    house: houseKk,
    flat: flatRu ? flatRu[1]! : null,
  };
}
