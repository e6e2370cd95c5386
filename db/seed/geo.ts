// Regions (SPEC §8: 17 oblasts and 3 cities of republican significance, id = plate code) and the
// districts of the four seeded regions. District ids are fixed: region code × 100 + n.

export interface RegionRow {
  code: string;
  nameKk: string;
  nameRu: string;
  kind: 'city' | 'oblast';
  centreKk: string;
  centreRu: string;
}

export const REGIONS: readonly RegionRow[] = [
  { code: '01', nameKk: 'Астана қаласы', nameRu: 'город Астана', kind: 'city', centreKk: 'Астана', centreRu: 'Астана' },
  { code: '02', nameKk: 'Алматы қаласы', nameRu: 'город Алматы', kind: 'city', centreKk: 'Алматы', centreRu: 'Алматы' },
  { code: '03', nameKk: 'Ақмола облысы', nameRu: 'Акмолинская область', kind: 'oblast', centreKk: 'Көкшетау', centreRu: 'Кокшетау' },
  { code: '04', nameKk: 'Ақтөбе облысы', nameRu: 'Актюбинская область', kind: 'oblast', centreKk: 'Ақтөбе', centreRu: 'Актобе' },
  { code: '05', nameKk: 'Алматы облысы', nameRu: 'Алматинская область', kind: 'oblast', centreKk: 'Қонаев', centreRu: 'Конаев' },
  { code: '06', nameKk: 'Атырау облысы', nameRu: 'Атырауская область', kind: 'oblast', centreKk: 'Атырау', centreRu: 'Атырау' },
  {
    code: '07',
    nameKk: 'Батыс Қазақстан облысы',
    nameRu: 'Западно-Казахстанская область',
    kind: 'oblast',
    centreKk: 'Орал',
    centreRu: 'Уральск',
  },
  { code: '08', nameKk: 'Жамбыл облысы', nameRu: 'Жамбылская область', kind: 'oblast', centreKk: 'Тараз', centreRu: 'Тараз' },
  {
    code: '09',
    nameKk: 'Қарағанды облысы',
    nameRu: 'Карагандинская область',
    kind: 'oblast',
    centreKk: 'Қарағанды',
    centreRu: 'Караганда',
  },
  { code: '10', nameKk: 'Қостанай облысы', nameRu: 'Костанайская область', kind: 'oblast', centreKk: 'Қостанай', centreRu: 'Костанай' },
  {
    code: '11',
    nameKk: 'Қызылорда облысы',
    nameRu: 'Кызылординская область',
    kind: 'oblast',
    centreKk: 'Қызылорда',
    centreRu: 'Кызылорда',
  },
  { code: '12', nameKk: 'Маңғыстау облысы', nameRu: 'Мангистауская область', kind: 'oblast', centreKk: 'Ақтау', centreRu: 'Актау' },
  { code: '13', nameKk: 'Түркістан облысы', nameRu: 'Туркестанская область', kind: 'oblast', centreKk: 'Түркістан', centreRu: 'Туркестан' },
  { code: '14', nameKk: 'Павлодар облысы', nameRu: 'Павлодарская область', kind: 'oblast', centreKk: 'Павлодар', centreRu: 'Павлодар' },
  {
    code: '15',
    nameKk: 'Солтүстік Қазақстан облысы',
    nameRu: 'Северо-Казахстанская область',
    kind: 'oblast',
    centreKk: 'Петропавл',
    centreRu: 'Петропавловск',
  },
  {
    code: '16',
    nameKk: 'Шығыс Қазақстан облысы',
    nameRu: 'Восточно-Казахстанская область',
    kind: 'oblast',
    centreKk: 'Өскемен',
    centreRu: 'Усть-Каменогорск',
  },
  { code: '17', nameKk: 'Шымкент қаласы', nameRu: 'город Шымкент', kind: 'city', centreKk: 'Шымкент', centreRu: 'Шымкент' },
  { code: '18', nameKk: 'Абай облысы', nameRu: 'область Абай', kind: 'oblast', centreKk: 'Семей', centreRu: 'Семей' },
  { code: '19', nameKk: 'Жетісу облысы', nameRu: 'область Жетісу', kind: 'oblast', centreKk: 'Талдықорған', centreRu: 'Талдыкорган' },
  { code: '20', nameKk: 'Ұлытау облысы', nameRu: 'область Ұлытау', kind: 'oblast', centreKk: 'Жезқазған', centreRu: 'Жезказган' },
];

/** The regions with districts, offices, people and plates (the pilots' demo regions). */
export const SEEDED_REGIONS = ['01', '02', '09', '10'] as const;

export interface DistrictRow {
  id: number;
  regionCode: string;
  nameKk: string;
  nameRu: string;
  akimatKk: string;
  akimatRu: string;
}

type D = readonly [n: number, nameKk: string, nameRu: string, akimatRu: string];

const ASTANA: readonly D[] = [
  [1, 'Алматы ауданы', 'район Алматы', 'Аппарат акима района Алматы'],
  [2, 'Байқоңыр ауданы', 'район Байконыр', 'Аппарат акима района Байконыр'],
  [3, 'Есіл ауданы', 'район Есиль', 'Аппарат акима района Есиль'],
  [4, 'Сарыарқа ауданы', 'район Сарыарка', 'Аппарат акима района Сарыарка'],
  [5, 'Нұра ауданы', 'район Нура', 'Аппарат акима района Нура'],
  [6, 'Сарайшық ауданы', 'район Сарайшык', 'Аппарат акима района Сарайшык'],
];

const ALMATY: readonly D[] = [
  [1, 'Алмалы ауданы', 'Алмалинский район', 'Аппарат акима Алмалинского района'],
  [2, 'Әуезов ауданы', 'Ауэзовский район', 'Аппарат акима Ауэзовского района'],
  [3, 'Бостандық ауданы', 'Бостандыкский район', 'Аппарат акима Бостандыкского района'],
  [4, 'Жетісу ауданы', 'Жетысуский район', 'Аппарат акима Жетысуского района'],
  [5, 'Медеу ауданы', 'Медеуский район', 'Аппарат акима Медеуского района'],
  [6, 'Наурызбай ауданы', 'Наурызбайский район', 'Аппарат акима Наурызбайского района'],
  [7, 'Түрксіб ауданы', 'Турксибский район', 'Аппарат акима Турксибского района'],
  [8, 'Алатау ауданы', 'Алатауский район', 'Аппарат акима Алатауского района'],
];

const KARAGANDA: readonly D[] = [
  [1, 'Қарағанды қаласы', 'город Караганда', 'Акимат города Караганды'],
  [2, 'Теміртау қаласы', 'город Темиртау', 'Акимат города Темиртау'],
  [3, 'Балқаш қаласы', 'город Балхаш', 'Акимат города Балхаш'],
  [4, 'Саран қаласы', 'город Сарань', 'Акимат города Сарани'],
  [5, 'Шахтинск қаласы', 'город Шахтинск', 'Акимат города Шахтинска'],
  [6, 'Бұқар жырау ауданы', 'Бухар-Жырауский район', 'Акимат Бухар-Жырауского района'],
  [7, 'Абай ауданы', 'Абайский район', 'Акимат Абайского района'],
  [8, 'Нұра ауданы', 'Нуринский район', 'Акимат Нуринского района'],
  [9, 'Осакаров ауданы', 'Осакаровский район', 'Акимат Осакаровского района'],
  [10, 'Қарқаралы ауданы', 'Каркаралинский район', 'Акимат Каркаралинского района'],
];

const KOSTANAY: readonly D[] = [
  [1, 'Қостанай қаласы', 'город Костанай', 'Акимат города Костаная'],
  [2, 'Рудный қаласы', 'город Рудный', 'Акимат города Рудного'],
  [3, 'Лисаков қаласы', 'город Лисаковск', 'Акимат города Лисаковска'],
  [4, 'Арқалық қаласы', 'город Аркалык', 'Акимат города Аркалыка'],
  [5, 'Қостанай ауданы', 'Костанайский район', 'Акимат Костанайского района'],
  [6, 'Федоров ауданы', 'Федоровский район', 'Акимат Федоровского района'],
  [7, 'Әулиекөл ауданы', 'Аулиекольский район', 'Акимат Аулиекольского района'],
  [8, 'Қарабалық ауданы', 'Карабалыкский район', 'Акимат Карабалыкского района'],
  [9, 'Меңдіқара ауданы', 'Мендыкаринский район', 'Акимат Мендыкаринского района'],
  [10, 'Сарыкөл ауданы', 'Сарыкольский район', 'Акимат Сарыкольского района'],
  [11, 'Бейімбет Майлин ауданы', 'район Беимбета Майлина', 'Акимат района Беимбета Майлина'],
  [12, 'Денисов ауданы', 'Денисовский район', 'Акимат Денисовского района'],
];

function rows(regionCode: string, list: readonly D[]): DistrictRow[] {
  const inCity = region(regionCode).kind === 'city';
  return list.map(([n, nameKk, nameRu, akimatRu]) => ({
    id: Number(regionCode) * 100 + n,
    regionCode,
    nameKk,
    nameRu,
    // Districts of Astana and Almaty have an akim's office ("Есіл ауданы әкімінің аппараты");
    // districts and towns of an oblast have an akimat (Kazakh genitive: "Федоров ауданының әкімдігі").
    akimatKk: inCity ? `${nameKk} әкімінің аппараты` : `${nameKk}ның әкімдігі`,
    akimatRu,
  }));
}

export const DISTRICTS: readonly DistrictRow[] = [
  ...rows('01', ASTANA),
  ...rows('02', ALMATY),
  ...rows('09', KARAGANDA),
  ...rows('10', KOSTANAY),
];

export function district(id: number): DistrictRow {
  const d = DISTRICTS.find((x) => x.id === id);
  if (!d) throw new Error(`No seeded district ${id}`);
  return d;
}

export function region(code: string): RegionRow {
  const r = REGIONS.find((x) => x.code === code);
  if (!r) throw new Error(`No region ${code}`);
  return r;
}
