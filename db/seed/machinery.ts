// Tractors, self-propelled machines, trailers and special machines (SPEC §4), owned by people in the two
// machinery pilot regions: Almaty city (02) and Kostanay region (10). Plates of registered machines are
// written `T 4127 10` (letter, 4 digits, region) — an illustrative format, see docs/personas.md.
import type { DbOrTx } from '../client';
import { eq } from 'drizzle-orm';
import { businesses, feePayments, fees, machineryActionFees, machineryPlates, machines, mrpValues } from '../schema';
import { mrpToTiyn } from '../../lib/format';
import type { MachineryAction } from '../../lib/machinery/rules';
import { backgroundIin } from './background';
import { BIN, MACHINE as M, PERSONA as P } from './personas-ids';

export const MACHINES: (typeof machines.$inferInsert)[] = [
  // Kostanay region, Fedorov district: the farmer's fleet.
  {
    serialNumber: M.tractorRegistered,
    kind: 'tractor',
    make: 'Беларус (МТЗ)',
    model: '82.1',
    year: 2019,
    ownerIin: P.farmerSerik,
    plate: 'T 4127 10',
    registeredRegionCode: '10',
  },
  {
    serialNumber: M.combineRegistered,
    kind: 'self_propelled',
    make: 'Есиль',
    model: 'КЗС-760',
    year: 2024,
    ownerIin: P.farmerSerik,
    plate: 'C 0318 10',
    registeredRegionCode: '10',
  },
  {
    serialNumber: M.tractorNew,
    kind: 'tractor',
    make: 'Кировец',
    model: 'К-742М',
    year: 2025,
    ownerIin: P.farmerSerik,
    plate: null,
    registeredRegionCode: null,
  },
  {
    serialNumber: M.trailerRegistered,
    kind: 'trailer',
    make: 'ТПК',
    model: '2ПТС-4',
    year: 2019,
    ownerIin: P.farmerSerik,
    plate: 'P 5512 10',
    registeredRegionCode: '10',
  },
  {
    serialNumber: M.tractorOther,
    kind: 'tractor',
    make: 'Беларус (МТЗ)',
    model: '1221.2',
    year: 2018,
    ownerIin: P.grandpaBolat,
    plate: 'T 7330 10',
    registeredRegionCode: '10',
  },
  // Almaty city: a road-building contractor.
  {
    serialNumber: M.backhoeAlmaty,
    kind: 'self_propelled',
    make: 'JCB',
    model: '3CX',
    year: 2023,
    ownerIin: P.buyerAlmatyAndrey,
    plate: 'C 2950 02',
    registeredRegionCode: '02',
  },
  {
    serialNumber: M.trailerAlmaty,
    kind: 'trailer',
    make: 'МАЗ',
    model: '856102',
    year: 2021,
    ownerIin: P.buyerAlmatyAndrey,
    plate: 'P 0931 02',
    registeredRegionCode: '02',
  },
  {
    serialNumber: M.bulldozerNew,
    kind: 'self_propelled',
    make: 'Shantui',
    model: 'SD16',
    year: 2025,
    ownerIin: P.buyerAlmatyAndrey,
    plate: null,
    registeredRegionCode: null,
  },
  {
    serialNumber: M.specialTrekol,
    kind: 'special',
    make: 'ТРЭКОЛ',
    model: '39294',
    year: 2022,
    ownerIin: P.buyerAlmatyAndrey,
    plate: 'S 0147 02',
    registeredRegionCode: '02',
  },
  // Kostanay region: a road-building contractor (an organisation owner), who sends a representative to the CON.
  {
    serialNumber: M.graderDorStroy,
    kind: 'self_propelled',
    make: 'XCMG',
    model: 'GR180',
    year: 2021,
    ownerBin: BIN.kostanayDorStroy,
    plate: 'C 4211 10',
    registeredRegionCode: '10',
  },
  {
    serialNumber: M.rollerDorStroy,
    kind: 'self_propelled',
    make: 'XCMG',
    model: 'XS143J',
    year: 2025,
    ownerBin: BIN.kostanayDorStroy,
    plate: null,
    registeredRegionCode: null,
  },
];

/** The contractor in the business registry: the owner of the grader and the roller, headed by a background person. */
export const MACHINERY_BUSINESSES = () => [
  {
    bin: BIN.kostanayDorStroy,
    nameKk: '«ҚостанайЖолҚұрылыс» ЖШС',
    nameRu: 'ТОО «КостанайДорСтрой»',
    okeds: ['42.11', '43.12'],
    directorIin: backgroundIin('directorDorStroy'),
    regionCode: '10',
  },
];

/** A registered machine has a registration document (technical passport); a new one has none yet. */
function withRegisterState(m: (typeof machines.$inferInsert)[]): (typeof machines.$inferInsert)[] {
  return m.map((row, i) => ({
    ...row,
    status: row.plate ? 'registered' : 'new',
    documentNumber: row.plate ? `${row.registeredRegionCode}TP${String(104_501 + i * 37).padStart(7, '0')}` : null,
  }));
}

/**
 * p.6 (3): which fees each action costs (ASSUMPTION: the order names none; the Rules' usual set, docs/decisions.md).
 * Re-registration issues a new document and plate; deregistration is free of fees.
 */
export const MACHINERY_ACTION_FEES: Record<MachineryAction, readonly string[]> = {
  registration: ['machinery.registration', 'machinery.document', 'machinery.plate'],
  re_registration: ['machinery.registration', 'machinery.document', 'machinery.plate'],
  deregistration: [],
  duplicate_document: ['machinery.duplicate'],
  duplicate_plate: ['machinery.plate'],
};

/**
 * p.10 (3), p.12: the plate archive of the two pilot regions. Every plate of a registered machine is `assigned` to
 * it; the blanks in stock are `free`: letters T (tractors), C (self-propelled), P (trailers), S (special).
 */
export function plateArchive(): (typeof machineryPlates.$inferInsert)[] {
  const assigned = MACHINES.filter((m) => m.plate).map((m) => ({
    number: m.plate!,
    regionCode: m.registeredRegionCode!,
    status: 'assigned' as const,
    machineSerial: m.serialNumber,
  }));
  const taken = new Set(assigned.map((a) => a.number));
  const free: (typeof machineryPlates.$inferInsert)[] = [];
  for (const region of ['02', '10']) {
    for (const letter of ['T', 'C', 'P', 'S']) {
      for (let n = 5001; n <= 5030; n++) {
        const number = `${letter} ${n} ${region}`;
        if (!taken.has(number)) free.push({ number, regionCode: region, status: 'free' });
      }
    }
  }
  return [...assigned, ...free];
}

/**
 * p.6 (3): the payment registry, in full fees of the seed's year (amounts follow the MRP). The farmer has paid for
 * registering his new tractor, and so has the road contractor (by BIN) for its new roller; buyerAlmatyAndrey only the
 * registration fee, not the document and plate.
 */
const FEE_PAYMENTS: readonly { payer: string; feeCode: string; reference: string }[] = [
  { payer: P.farmerSerik, feeCode: 'machinery.registration', reference: 'KASPI-2026-55120101' },
  { payer: P.farmerSerik, feeCode: 'machinery.document', reference: 'KASPI-2026-55120102' },
  { payer: P.farmerSerik, feeCode: 'machinery.plate', reference: 'KASPI-2026-55120103' },
  { payer: P.buyerAlmatyAndrey, feeCode: 'machinery.registration', reference: 'HALYK-2026-00931201' },
  // The contractor paid, from its account, everything registering the new roller costs.
  { payer: BIN.kostanayDorStroy, feeCode: 'machinery.registration', reference: 'HALYK-2026-42110301' },
  { payer: BIN.kostanayDorStroy, feeCode: 'machinery.document', reference: 'HALYK-2026-42110302' },
  { payer: BIN.kostanayDorStroy, feeCode: 'machinery.plate', reference: 'HALYK-2026-42110303' },
];

export async function seedMachinery(db: DbOrTx, today: string) {
  await db.insert(businesses).values(MACHINERY_BUSINESSES()).onConflictDoNothing();
  await db.insert(machines).values(withRegisterState(MACHINES)).onConflictDoNothing();
  const actionFees = Object.entries(MACHINERY_ACTION_FEES).flatMap(([action, codes]) =>
    codes.map((feeCode) => ({ action: action as MachineryAction, feeCode })),
  );
  await db.insert(machineryActionFees).values(actionFees).onConflictDoNothing();
  await db.insert(machineryPlates).values(plateArchive()).onConflictDoNothing();
  const year = Number(today.slice(0, 4));
  const [mrp] = await db.select({ tenge: mrpValues.valueTenge }).from(mrpValues).where(eq(mrpValues.year, year));
  if (!mrp) throw new Error(`seed: no MRP for ${year}`);
  const feeRows = await db.select({ code: fees.code, mrpMilli: fees.mrpMilli }).from(fees);
  const milli = new Map(feeRows.map((f) => [f.code, f.mrpMilli]));
  const paidAt = new Date(`${today}T09:00:00+05:00`);
  paidAt.setUTCDate(paidAt.getUTCDate() - 2);
  await db
    .insert(feePayments)
    .values(
      FEE_PAYMENTS.map((f) => ({
        ...f,
        amountTiyn: mrpToTiyn(milli.get(f.feeCode) ?? 0, mrp.tenge),
        paidAt,
      })),
    )
    .onConflictDoNothing();
}
