// Tractors, self-propelled machines, trailers and special machines (SPEC §4), owned by people in the two
// machinery pilot regions: Almaty city (02) and Kostanay region (10). Plates of registered machines are
// written `T 4127 10` (letter, 4 digits, region) — an illustrative format, see docs/personas.md.
import type { DbOrTx } from '../client';
import { machines } from '../schema';
import { MACHINE as M, PERSONA as P } from './personas-ids';

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
];

export async function seedMachinery(db: DbOrTx) {
  await db.insert(machines).values(MACHINES).onConflictDoNothing();
}
