// CONs (ХҚКО / ЦОН), migration registration points and akimats. Ids are fixed (region × 100 + n) so that
// staff scopes in personas.ts and e2e tests can name them; the serial sequences are moved past them.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { akimats, registrationPoints, serviceCentres } from '../schema';
import { DISTRICTS, REGIONS, SEEDED_REGIONS, district, region } from './geo';

const HOURS = { kk: 'Дс–Жм 09:00–18:00', ru: 'Пн–Пт 09:00–18:00' };
const HOURS_LONG = { kk: 'Дс–Жм 09:00–20:00, Сн 09:00–13:00', ru: 'Пн–Пт 09:00–20:00, Сб 09:00–13:00' };

// [number, district id, street kk, street ru, long hours?]
type C = readonly [number, number, string, string, boolean?];

const CONS: Readonly<Record<string, readonly C[]>> = {
  '01': [
    [1, 103, 'Мәңгілік Ел даңғылы, 8', 'пр. Мангилик Ел, 8', true],
    [2, 104, 'Жеңіс даңғылы, 63', 'пр. Женис, 63'],
    [3, 101, 'Тәуелсіздік даңғылы, 34', 'пр. Тауелсиздик, 34'],
    [4, 102, 'Бөгенбай батыр даңғылы, 2', 'пр. Богенбай батыра, 2'],
    [5, 105, 'Қабанбай батыр даңғылы, 62', 'пр. Кабанбай батыра, 62'],
  ],
  '02': [
    [1, 203, 'Тимирязев көшесі, 42', 'ул. Тимирязева, 42', true],
    [2, 201, 'Абылай хан даңғылы, 93', 'пр. Абылай хана, 93'],
    [3, 202, 'Жандосов көшесі, 112', 'ул. Жандосова, 112'],
    [4, 207, 'Сейфуллин даңғылы, 32', 'пр. Сейфуллина, 32'],
    [5, 205, 'Достық даңғылы, 136', 'пр. Достык, 136'],
  ],
  '09': [
    [1, 901, 'Бұқар жырау даңғылы, 47', 'пр. Бухар-Жырау, 47', true],
    [2, 902, 'Республика даңғылы, 20', 'пр. Республики, 20'],
    [3, 906, 'Ботақара кенті, Абай көшесі, 15', 'пос. Ботакара, ул. Абая, 15'],
  ],
  '10': [
    [1, 1001, 'Әл-Фараби даңғылы, 65', 'пр. аль-Фараби, 65', true],
    [2, 1002, 'Ленин көшесі, 88', 'ул. Ленина, 88'],
    [3, 1006, 'Федоров ауылы, Красноармейская көшесі, 52', 'с. Федоровка, ул. Красноармейская, 52'],
    [4, 1005, 'Затобол кенті, Калинин көшесі, 72', 'пос. Затобольск, ул. Калинина, 72'],
    [5, 1003, '4-шағын аудан, 14', '4 микрорайон, 14'],
  ],
};

/** "г. Астана, район Есиль, …" / "Астана қ., Есіл ауданы, …" (oblast towns and districts name the oblast). */
export function placePrefix(regionCode: string, districtId: number | null): { kk: string; ru: string } {
  const r = region(regionCode);
  const d = districtId === null ? null : district(districtId);
  if (r.kind === 'city') {
    return { kk: `${r.centreKk} қ.${d ? `, ${d.nameKk}` : ''}`, ru: `г. ${r.centreRu}${d ? `, ${d.nameRu}` : ''}` };
  }
  if (d && !/қаласы$/.test(d.nameKk)) return { kk: `${r.nameKk}, ${d.nameKk}`, ru: `${r.nameRu}, ${d.nameRu}` };
  const townKk = d ? d.nameKk.replace(/ қаласы$/, '') : r.centreKk;
  const townRu = d ? d.nameRu.replace(/^город /, '') : r.centreRu;
  return { kk: `${r.nameKk}, ${townKk} қ.`, ru: `${r.nameRu}, г. ${townRu}` };
}

function centreRows() {
  const rows: (typeof serviceCentres.$inferInsert)[] = [];
  for (const r of REGIONS) {
    const list: readonly C[] = CONS[r.code] ?? [[1, 0, 'Орталық көшесі, 1', 'ул. Центральная, 1', true]];
    for (const [number, districtId, streetKk, streetRu, long] of list) {
      const d = districtId ? district(districtId) : null;
      const place = placePrefix(r.code, d?.id ?? null);
      const where = d ? { kk: d.nameKk, ru: d.nameRu } : { kk: r.centreKk, ru: r.centreRu };
      rows.push({
        id: Number(r.code) * 100 + number,
        number,
        regionCode: r.code,
        districtId: d?.id ?? null,
        nameKk: `${r.nameKk} бойынша №${number} ХҚКО (${where.kk})`,
        nameRu: `ЦОН №${number} (${where.ru}), ${r.nameRu}`,
        addressKk: `${place.kk}, ${streetKk}`,
        addressRu: `${place.ru}, ${streetRu}`,
        hoursKk: (long ? HOURS_LONG : HOURS).kk,
        hoursRu: (long ? HOURS_LONG : HOURS).ru,
        phone: '1414',
      });
    }
  }
  return rows;
}

// Registration points of the UMS DP (ПД КҚБ) where ID cards are handed out: [n, district id, street kk, street ru].
const POINTS: Readonly<Record<string, readonly (readonly [number, number, string, string])[]>> = {
  '01': [
    [1, 103, 'Сарайшық көшесі, 4', 'ул. Сарайшык, 4'],
    [2, 104, 'Жеңіс даңғылы, 11', 'пр. Женис, 11'],
  ],
  '02': [
    [1, 203, 'Жандосов көшесі, 21', 'ул. Жандосова, 21'],
    [2, 207, 'Сүйінбай даңғылы, 59', 'пр. Суюнбая, 59'],
  ],
  '09': [[1, 901, 'Ерубаев көшесі, 37', 'ул. Ерубаева, 37']],
  '10': [
    [1, 1001, 'Байтұрсынов көшесі, 50', 'ул. Байтурсынова, 50'],
    [2, 1002, 'Качар көшесі, 9', 'ул. Качарская, 9'],
  ],
};

function pointRows() {
  return REGIONS.flatMap((r) => {
    const list = POINTS[r.code] ?? [[1, 0, 'Әкімшілік көшесі, 3', 'ул. Административная, 3'] as const];
    return list.map(([n, districtId, streetKk, streetRu]) => {
      const d = districtId ? district(districtId) : null;
      const place = placePrefix(r.code, d?.id ?? null);
      return {
        id: Number(r.code) * 100 + n,
        regionCode: r.code,
        districtId: d?.id ?? null,
        nameKk: `${r.nameKk} ПД КҚБ №${n} тіркеу пункті${d ? ` (${d.nameKk})` : ''}`,
        nameRu: `Пункт регистрации №${n} УМС ДП, ${r.nameRu}${d ? ` (${d.nameRu})` : ''}`,
        addressKk: `${place.kk}, ${streetKk}`,
        addressRu: `${place.ru}, ${streetRu}`,
      };
    });
  });
}

function akimatRows() {
  const regionLevel = SEEDED_REGIONS.map((code) => {
    const r = region(code);
    const isCity = r.kind === 'city';
    return {
      id: Number(code) * 100,
      regionCode: code,
      districtId: null,
      nameKk: isCity ? `${r.centreKk} қаласының әкімдігі` : `${r.nameKk}ның әкімдігі`,
      nameRu: isCity
        ? `Акимат города ${r.centreRu === 'Астана' ? 'Астаны' : r.centreRu}`
        : `Акимат ${r.nameRu.replace('ская область', 'ской области')}`,
    };
  });
  const perDistrict = DISTRICTS.map((d) => ({
    id: d.id,
    regionCode: d.regionCode,
    districtId: d.id,
    nameKk: d.akimatKk,
    nameRu: d.akimatRu,
  }));
  return [...regionLevel, ...perDistrict];
}

export async function seedOffices(db: DbOrTx) {
  await db.insert(serviceCentres).values(centreRows()).onConflictDoNothing();
  await db.insert(registrationPoints).values(pointRows()).onConflictDoNothing();
  await db.insert(akimats).values(akimatRows()).onConflictDoNothing();
  // Explicit ids leave the serial sequences behind: move them on so an admin's new row gets a fresh id.
  for (const table of ['districts', 'service_centres', 'registration_points', 'akimats']) {
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`));
  }
}
