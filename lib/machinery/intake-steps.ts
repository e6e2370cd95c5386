// Pure rules of the machinery front office (orders 001/004, p.5–9): the e-queue ticket code, what still stands in
// the way of signing, the akimat of the owner's address, the power of attorney's validity and the e-application
// the worker signs (p.6 (5), p.9). No database: the service (lib/machinery/intake-service.ts) feeds them.
import type { BiometricCheck, FeeCheck } from '@/db/schema/machinery';
import { checklistCompleteness, type ChecklistItem, type MachineryAction, type OwnerKind } from './rules';

/** p.5: the machinery e-queue's tickets, M-001, M-002… per CON and day (the vehicle desk's are B-…). */
export const machineryTicketCode = (seq: number) => `M-${String(seq).padStart(3, '0')}`;

/** A power of attorney is accepted while valid: on its last day (`validUntil` = today) still. Dates are YYYY-MM-DD. */
export const powerOfAttorneyValid = (validUntil: string, today: string) => validUntil >= today;

export type Place = { regionCode: string; addressKk: string; addressRu: string };
export type AkimatRow = { id: number; regionCode: string; districtId: number | null };
export type DistrictRow = { id: number; regionCode: string; nameKk: string; nameRu: string };

/**
 * p.9: the e-application goes to the akimat of the owner's district: the district whose name the registered address
 * carries (GBD FL keeps the address as text), else the region's own akimat (a city without district akimats, an
 * organisation whose registry entry has only its region). Null when the region has no akimat at all.
 */
export function akimatForAddress(place: Place, districts: readonly DistrictRow[], akimats: readonly AkimatRow[]): number | null {
  const inRegion = districts.filter((d) => d.regionCode === place.regionCode);
  const district = inRegion.find((d) => place.addressRu.includes(d.nameRu) || place.addressKk.includes(d.nameKk));
  const ofDistrict = district ? akimats.find((a) => a.districtId === district.id) : undefined;
  if (ofDistrict) return ofDistrict.id;
  return akimats.find((a) => a.regionCode === place.regionCode && a.districtId === null)?.id ?? null;
}

export type IntakeState = {
  action: MachineryAction;
  identifiedIin: string | null;
  biometrics: BiometricCheck | null;
  ownerKind: OwnerKind | null;
  representativeIin: string | null;
  serialNumber: string | null;
  checklistTicks: readonly string[];
  feeCheck: FeeCheck | null;
  scannedItems: readonly string[];
};

export const intakeBlockers = ['identity', 'biometrics', 'owner', 'machine', 'checklist', 'fees', 'scans'] as const;
export type IntakeBlocker = (typeof intakeBlockers)[number];

/**
 * p.6 (1)–(4) before p.6 (5): what is not done yet, in the order of the steps. Empty = the worker may sign. Every
 * ticked item needs its scan (p.6 (4), p.9: the scans go to the akimat with the e-application).
 */
export function submitBlockers(s: IntakeState, checklist: readonly ChecklistItem[]): IntakeBlocker[] {
  const out: IntakeBlocker[] = [];
  if (!s.identifiedIin) out.push('identity');
  if (!s.biometrics?.passed) out.push('biometrics');
  if (!s.ownerKind) out.push('owner');
  if (!s.serialNumber) out.push('machine');
  const who = { ownerKind: s.ownerKind ?? 'person', representative: !!s.representativeIin };
  if (!s.ownerKind || !checklistCompleteness(checklist, s.checklistTicks, who).complete) out.push('checklist');
  if (s.feeCheck?.status !== 'paid') out.push('fees');
  const scanned = new Set(s.scannedItems);
  const codes = new Set(checklist.map((i) => i.code));
  if (s.checklistTicks.filter((c) => codes.has(c)).some((c) => !scanned.has(c))) out.push('scans');
  return out;
}

export type IntakeDocumentInput = {
  number: string;
  action: MachineryAction;
  serviceCentreId: number;
  operatorIin: string;
  identified: { iin: string; documentNumber: string; biometricSampleSha256: string };
  owner: { kind: OwnerKind; iin: string | null; bin: string | null };
  representative: { iin: string; powerOfAttorneyNumber: string; validUntil: string } | null;
  phone: string | null;
  machine: {
    kind: string | null;
    make: string | null;
    model: string | null;
    year: number | null;
    serialNumber: string;
    engineNumber: string | null;
    bodyNumber: string | null;
    registerId: string | null;
  };
  checklist: readonly string[];
  fees: { requiredTiyn: number; paidTiyn: number };
  scans: readonly { itemCode: string; sha256: string }[];
};

/**
 * p.6 (5), p.9: the e-application as the worker signs it, rebuilt from the stored intake so the server verifies the
 * CMS over exactly these bytes (canonical JSON, lib/signatures/canonical.ts). It carries each scan's SHA-256, so the
 * akimat can tell the documents it received are the ones scanned. Scans are ordered by item and hash: the order of
 * uploads does not change the document.
 */
export function intakeDocument(i: IntakeDocumentInput) {
  return {
    kind: 'qyzmet.machinery.intake',
    number: i.number,
    action: i.action,
    serviceCentre: i.serviceCentreId,
    operator: i.operatorIin,
    identified: i.identified,
    owner: i.owner,
    representative: i.representative,
    phone: i.phone,
    machine: i.machine,
    checklist: [...i.checklist],
    fees: i.fees,
    scans: [...i.scans]
      .sort((a, b) => (a.itemCode === b.itemCode ? a.sha256.localeCompare(b.sha256) : a.itemCode.localeCompare(b.itemCode)))
      .map((s) => ({ itemCode: s.itemCode, sha256: s.sha256 })),
  };
}
