// Vehicle registries (SPEC §3): business registry, e-passports, customs, recycling fee, sale contracts, ERAP.
// Each VIN in personas-ids.ts hits one branch; see docs/personas.md for the table.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { businesses, customsPayments, domesticManufacturers, fines, recyclingFees, saleContracts, vehiclePassports } from '../schema';
import { backgroundIin } from './background';
import { addDays } from './dates';
import { insertMissing } from './insert-missing';
import { BIN, PERSONA as P, VIN } from './personas-ids';

const BUSINESSES = () => [
  {
    bin: BIN.astanaMotors,
    nameKk: '«Astana Motors» ЖШС',
    nameRu: 'ТОО «Astana Motors»',
    okeds: ['45.11', '45.20'],
    directorIin: backgroundIin('directorAstanaMotors'),
    regionCode: '01',
  },
  {
    bin: BIN.alatauAvto,
    nameKk: '«Алатау Авто» ЖШС',
    nameRu: 'ТОО «Алатау Авто»',
    okeds: ['45.11', '45.19', '45.40'],
    directorIin: backgroundIin('directorAlatau'),
    regionCode: '02',
  },
  {
    bin: BIN.saryarkaAvto,
    nameKk: '«Сарыарқа Авто» ЖШС',
    nameRu: 'ТОО «Сарыарка Авто»',
    okeds: ['45.11', '45.19'],
    directorIin: backgroundIin('directorSaryarka'),
    regionCode: '09',
  },
  {
    bin: BIN.bereke,
    nameKk: '«Береке Маркет» ЖШС',
    nameRu: 'ТОО «Береке Маркет»',
    okeds: ['47.11'],
    directorIin: backgroundIin('directorBereke'),
    regionCode: '10',
  },
  {
    bin: BIN.hyundaiTrans,
    nameKk: '«Хендэ Транс Қазақстан» ЖШС',
    nameRu: 'ТОО «Хендэ Транс Казахстан»',
    okeds: ['29.10'],
    directorIin: backgroundIin('directorHyundaiTrans'),
    regionCode: '02',
  },
  {
    bin: BIN.saryarkaAvtoProm,
    nameKk: '«СарыарқаАвтоПром» ЖШС',
    nameRu: 'ТОО «СарыаркаАвтоПром»',
    okeds: ['29.10'],
    directorIin: backgroundIin('directorSaryarkaAvtoProm'),
    regionCode: '10',
  },
];

// [vin, make, model, category, colour kk, colour ru, engine code, mass kg]
type V = readonly [string, string, string, string, string, string, string, number];
const PASSPORTS: readonly V[] = [
  [VIN.good1, 'Hyundai', 'Tucson', 'M1', 'Ақ', 'Белый', 'G4NL', 2155],
  [VIN.good2, 'Hyundai', 'Elantra', 'M1', 'Күміс', 'Серебристый', 'G4FL', 1800],
  [VIN.good3, 'Hyundai', 'Creta', 'M1', 'Қызыл', 'Красный', 'G4FG', 1760],
  [VIN.goodPorter, 'Hyundai', 'Porter II', 'N1', 'Көк', 'Синий', 'D4CB', 3500],
  [VIN.goodNoBmg, 'Hyundai', 'Accent', 'M1', 'Қара', 'Черный', 'G4FG', 1620],
  [VIN.goodAlmaty, 'Chevrolet', 'Onix', 'M1', 'Сұр', 'Серый', 'L3T', 1590],
  [VIN.fines, 'Chevrolet', 'Tracker', 'M1', 'Ақ', 'Белый', 'L3T', 1750],
  [VIN.emptyPool, 'Chevrolet', 'Cobalt', 'M1', 'Құм түсті', 'Бежевый', 'B15D2', 1555],
  [VIN.deceasedBuyer, 'Hyundai', 'Santa Fe', 'M1', 'Қара', 'Черный', 'G4KN', 2610],
  // VIN.noPassport has no e-passport at all.
  [VIN.noCustoms, 'Hyundai', 'Elantra', 'M1', 'Ақ', 'Белый', 'G4FL', 1800],
  [VIN.noRecycling, 'Hyundai', 'Creta', 'M1', 'Сұр', 'Серый', 'G4FG', 1760],
  [VIN.noContract, 'Hyundai', 'Tucson', 'M1', 'Көк', 'Синий', 'G4NL', 2155],
  [VIN.imported, 'Toyota', 'Camry', 'M1', 'Қара', 'Черный', 'A25A', 1595],
];

// Order 000 p.1: the plants whose e-passports count as "made in Kazakhstan"; an imported vehicle names none.
const DOMESTIC_MANUFACTURERS = [
  { bin: BIN.hyundaiTrans, nameKk: '«Хендэ Транс Қазақстан» ЖШС', nameRu: 'ТОО «Хендэ Транс Казахстан»' },
  { bin: BIN.saryarkaAvtoProm, nameKk: '«СарыарқаАвтоПром» ЖШС', nameRu: 'ТОО «СарыаркаАвтоПром»' },
];
const manufacturerOf = (make: string) => (make === 'Hyundai' ? BIN.hyundaiTrans : make === 'Chevrolet' ? BIN.saryarkaAvtoProm : null);

// [seller BIN, buyer IIN, VIN, days before today, price in tenge]
const CONTRACTS: readonly (readonly [string, string, string, number, number])[] = [
  [BIN.astanaMotors, P.buyerErlan, VIN.good1, 3, 16_490_000],
  [BIN.astanaMotors, P.buyerErlan, VIN.good2, 3, 11_290_000],
  [BIN.astanaMotors, P.buyerErlan, VIN.good3, 2, 10_190_000],
  [BIN.astanaMotors, P.buyerErlan, VIN.noPassport, 2, 16_490_000],
  [BIN.astanaMotors, P.buyerErlan, VIN.noCustoms, 2, 11_290_000],
  [BIN.astanaMotors, P.buyerErlan, VIN.noRecycling, 2, 10_190_000],
  [BIN.astanaMotors, P.buyerKostanay, VIN.goodPorter, 5, 14_900_000],
  [BIN.astanaMotors, P.buyerNoBmg, VIN.goodNoBmg, 4, 8_990_000],
  [BIN.astanaMotors, P.deceasedPerson, VIN.deceasedBuyer, 30, 24_500_000],
  [BIN.alatauAvto, P.buyerAlmatyAndrey, VIN.goodAlmaty, 1, 8_290_000],
  [BIN.alatauAvto, P.buyerWithFines, VIN.fines, 6, 12_390_000],
  [BIN.saryarkaAvto, P.buyerKaraganda, VIN.emptyPool, 2, 7_590_000],
  [BIN.astanaMotors, P.buyerErlan, VIN.imported, 2, 18_900_000],
];

export async function seedVehicles(db: DbOrTx, today: string) {
  await db.insert(businesses).values(BUSINESSES()).onConflictDoNothing();
  await db.insert(domesticManufacturers).values(DOMESTIC_MANUFACTURERS).onConflictDoNothing();
  await db
    .insert(vehiclePassports)
    .values(
      PASSPORTS.map(([vin, make, model, category, colourKk, colourRu, engine, massKg]) => ({
        vin,
        make,
        model,
        year: 2026,
        category,
        colourKk,
        colourRu,
        engine: `${engine} ${vin.slice(11)}`,
        bodyNumber: vin,
        massKg,
        manufacturerBin: manufacturerOf(make),
        status: 'active',
      })),
    )
    .onConflictDoNothing();
  const all = Object.values(VIN);
  await db
    .insert(customsPayments)
    .values(
      all
        .filter((v) => v !== VIN.noCustoms)
        .map((vin, i) => ({
          vin,
          paid: true,
          declarationNumber: `55201/${today.slice(8, 10)}${today.slice(5, 7)}${today.slice(2, 4)}/00${String(41021 + i)}`,
        })),
    )
    .onConflictDoNothing();
  await db
    .insert(recyclingFees)
    .values(all.map((vin) => ({ vin, paid: vin !== VIN.noRecycling })))
    .onConflictDoNothing();

  const contracts = CONTRACTS.map(([sellerBin, buyerIin, vin, daysAgo, priceTenge], i) => ({
    sellerBin,
    buyerIin,
    vin,
    number: `ДКП-${sellerBin.slice(-5)}-${String(1001 + i)}`,
    signedOn: addDays(today, -daysAgo),
    priceTiyn: priceTenge * 100,
  }));
  await insertMissing(
    contracts,
    (c) => c.number,
    async () =>
      (
        await db
          .select({ n: saleContracts.number })
          .from(saleContracts)
          .where(
            inArray(
              saleContracts.number,
              contracts.map((c) => c.number),
            ),
          )
      ).map((r) => r.n),
    (rows) => db.insert(saleContracts).values(rows),
  );

  // ERAP: two unpaid fines block the Almaty buyer (SPEC §3 step 14); Erlan's old fine is paid and must not.
  const erap = [
    {
      iin: P.buyerWithFines,
      amountTiyn: 4_325_000,
      issuedOn: addDays(today, -45),
      paid: false,
      articleKk: 'ҚР ӘҚБтК 592-бабының 2-бөлігі: белгіленген жылдамдықты сағатына 20–40 км асыру',
      articleRu: 'ч. 2 ст. 592 КоАП РК: превышение установленной скорости движения на 20–40 км/ч',
    },
    {
      iin: P.buyerWithFines,
      amountTiyn: 1_966_000,
      issuedOn: addDays(today, -300),
      paid: false,
      articleKk: 'ҚР ӘҚБтК 597-бабының 1-бөлігі: көлік құралдарын тоқтату немесе тұраққа қою қағидаларын бұзу',
      articleRu: 'ч. 1 ст. 597 КоАП РК: нарушение правил остановки или стоянки транспортных средств',
    },
    {
      iin: P.buyerErlan,
      amountTiyn: 1_297_500,
      issuedOn: addDays(today, -200),
      paid: true,
      articleKk: 'ҚР ӘҚБтК 592-бабының 1-бөлігі: белгіленген жылдамдықты сағатына 10–20 км асыру',
      articleRu: 'ч. 1 ст. 592 КоАП РК: превышение установленной скорости движения на 10–20 км/ч',
    },
  ];
  await insertMissing(
    erap,
    (f) => `${f.iin}/${f.amountTiyn}`,
    async () =>
      (
        await db
          .select({ iin: fines.iin, a: fines.amountTiyn })
          .from(fines)
          .where(inArray(fines.iin, [P.buyerWithFines, P.buyerErlan]))
      ).map((r) => `${r.iin}/${r.a}`),
    (rows) => db.insert(fines).values(rows),
  );
}
