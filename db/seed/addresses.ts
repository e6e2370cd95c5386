// Generated homes for people whose dwelling plays no part in a branch: a flat (or a village house) in a
// real street of their region, owned by them. Cadastral numbers follow `RR-DDD-QQQ-PPP[:flat]`
// (cadastre region code, district, quarter, plot; flat after the colon) — illustrative, not real parcels.
import { placePrefix } from './offices';
import type { Home } from './people-model';
import { stableHash } from './people-model';

type Street = readonly [kk: string, ru: string];
interface Locality {
  districtId: number;
  cad: string;
  kind: 'flat' | 'house';
  streets: readonly Street[];
}

const LOCALITIES: Readonly<Record<string, readonly Locality[]>> = {
  '01': [
    {
      districtId: 103,
      cad: '21-320',
      kind: 'flat',
      streets: [
        ['Сығанақ көшесі', 'ул. Сыганак'],
        ['Қонаев көшесі', 'ул. Кунаева'],
        ['Мәңгілік Ел даңғылы', 'пр. Мангилик Ел'],
      ],
    },
    {
      districtId: 104,
      cad: '21-318',
      kind: 'flat',
      streets: [
        ['Жеңіс даңғылы', 'пр. Женис'],
        ['Иманов көшесі', 'ул. Иманова'],
      ],
    },
    {
      districtId: 101,
      cad: '21-311',
      kind: 'flat',
      streets: [
        ['Тәуелсіздік даңғылы', 'пр. Тауелсиздик'],
        ['Шәмші Қалдаяқов көшесі', 'ул. Шамши Калдаякова'],
      ],
    },
    {
      districtId: 102,
      cad: '21-316',
      kind: 'flat',
      streets: [
        ['Сейфуллин көшесі', 'ул. Сейфуллина'],
        ['Бөгенбай батыр даңғылы', 'пр. Богенбай батыра'],
      ],
    },
    { districtId: 105, cad: '21-325', kind: 'flat', streets: [['Ұлы Дала даңғылы', 'пр. Улы Дала']] },
  ],
  '02': [
    {
      districtId: 203,
      cad: '20-311',
      kind: 'flat',
      streets: [
        ['Әл-Фараби даңғылы', 'пр. аль-Фараби'],
        ['Розыбакиев көшесі', 'ул. Розыбакиева'],
      ],
    },
    {
      districtId: 201,
      cad: '20-313',
      kind: 'flat',
      streets: [
        ['Абылай хан даңғылы', 'пр. Абылай хана'],
        ['Төле би көшесі', 'ул. Толе би'],
      ],
    },
    {
      districtId: 202,
      cad: '20-315',
      kind: 'flat',
      streets: [
        ['Абай даңғылы', 'пр. Абая'],
        ['Саин көшесі', 'ул. Саина'],
      ],
    },
    { districtId: 205, cad: '20-317', kind: 'flat', streets: [['Достық даңғылы', 'пр. Достык']] },
    { districtId: 207, cad: '20-319', kind: 'flat', streets: [['Сейфуллин даңғылы', 'пр. Сейфуллина']] },
  ],
  '09': [
    {
      districtId: 901,
      cad: '09-142',
      kind: 'flat',
      streets: [
        ['Бұқар жырау даңғылы', 'пр. Бухар-Жырау'],
        ['Гоголь көшесі', 'ул. Гоголя'],
        ['Әлиханов көшесі', 'ул. Алиханова'],
      ],
    },
    { districtId: 902, cad: '09-145', kind: 'flat', streets: [['Республика даңғылы', 'пр. Республики']] },
  ],
  '10': [
    {
      districtId: 1001,
      cad: '12-190',
      kind: 'flat',
      streets: [
        ['Әл-Фараби даңғылы', 'пр. аль-Фараби'],
        ['Байтұрсынов көшесі', 'ул. Байтурсынова'],
        ['Абай даңғылы', 'пр. Абая'],
      ],
    },
    { districtId: 1002, cad: '12-191', kind: 'flat', streets: [['Ленин көшесі', 'ул. Ленина']] },
    {
      districtId: 1006,
      cad: '12-196',
      kind: 'house',
      streets: [['Федоров ауылы, Красноармейская көшесі', 'с. Федоровка, ул. Красноармейская']],
    },
  ],
};

export interface GeneratedHome extends Home {
  kind: 'flat' | 'house';
  totalAreaM2: number;
}

/** A stable generated home for `iin` in `regionCode` (optionally in a given district). */
export function generatedHome(iin: string, regionCode: string, districtId?: number): GeneratedHome {
  const list = LOCALITIES[regionCode];
  if (!list?.length) throw new Error(`No generated homes for region ${regionCode}`);
  const h = stableHash(`home:${iin}`);
  const loc = (districtId === undefined ? undefined : list.find((l) => l.districtId === districtId)) ?? list[h % list.length];
  if (!loc) throw new Error(`No locality for ${regionCode}/${districtId}`);
  const [streetKk, streetRu] = loc.streets[(h >>> 4) % loc.streets.length] ?? loc.streets[0] ?? ['', ''];
  const house = 1 + ((h >>> 8) % 120);
  const place = placePrefix(regionCode, loc.districtId);
  const quarter = String(1 + ((h >>> 12) % 200)).padStart(3, '0');
  const plot = String(1 + ((h >>> 3) % 400)).padStart(3, '0');
  if (loc.kind === 'house') {
    return {
      cadastralNumber: `${loc.cad}-${quarter}-${plot}`,
      regionCode,
      kind: 'house',
      totalAreaM2: 80 + ((h >>> 5) % 90),
      addressKk: `${place.kk}, ${streetKk}, ${house}`,
      addressRu: `${place.ru}, ${streetRu}, д. ${house}`,
    };
  }
  const flat = 1 + ((h >>> 16) % 180);
  return {
    cadastralNumber: `${loc.cad}-${quarter}-${plot}:${flat}`,
    regionCode,
    kind: 'flat',
    totalAreaM2: 38 + ((h >>> 20) % 70),
    addressKk: `${place.kk}, ${streetKk}, ${house}, ${flat}-пәтер`,
    addressRu: `${place.ru}, ${streetRu}, д. ${house}, кв. ${flat}`,
  };
}

/** Address of an explicit property: district + street + house [+ flat]. */
export function addressOf(regionCode: string, districtId: number, street: Street, house: string, flat: string | null) {
  const place = placePrefix(regionCode, districtId);
  return flat
    ? { addressKk: `${place.kk}, ${street[0]}, ${house}, ${flat}-пәтер`, addressRu: `${place.ru}, ${street[1]}, д. ${house}, кв. ${flat}` }
    : { addressKk: `${place.kk}, ${street[0]}, ${house}`, addressRu: `${place.ru}, ${street[1]}, д. ${house}` };
}
