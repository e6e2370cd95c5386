// The working calendar (SPEC §2.6, §8): weekday holidays, weekday days off moved from a holiday that fell
// on a weekend (Labour Code art. 85; religious holidays are not moved), and weekend days made working by
// decree. Weekend holidays themselves need no row: Saturday and Sunday are already days off.
import type { DbOrTx } from '../client';
import { calendarDays } from '../schema';

type Name = readonly [kk: string, ru: string];

const NEW_YEAR: Name = ['Жаңа жыл', 'Новый год'];
const CHRISTMAS: Name = ['Православиелік Рождество', 'Православное Рождество'];
const WOMEN: Name = ['Халықаралық әйелдер күні', 'Международный женский день'];
const NAURYZ: Name = ['Наурыз мейрамы', 'Наурыз мейрамы'];
const UNITY: Name = ['Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана'];
const DEFENDER: Name = ['Отан қорғаушы күні', 'День защитника Отечества'];
const VICTORY: Name = ['Жеңіс күні', 'День Победы'];
const KURBAN: Name = ['Құрбан айт', 'Курбан айт'];
const CAPITAL: Name = ['Астана күні', 'День столицы'];
const CONSTITUTION: Name = ['Конституция күні', 'День Конституции'];
const REPUBLIC: Name = ['Республика күні', 'День Республики'];
const INDEPENDENCE: Name = ['Тәуелсіздік күні', 'День Независимости'];

const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

type Row = typeof calendarDays.$inferInsert;

function holiday(day: string, [kk, ru]: Name): Row {
  return { day, kind: 'holiday', noteKk: kk, noteRu: ru };
}

/** A weekday off instead of a holiday that fell on a weekend (`from` is that holiday's date). */
function moved(day: string, [kk, ru]: Name, from: string): Row {
  const month = Number(from.slice(5, 7)) - 1;
  const d = Number(from.slice(8, 10));
  return {
    day,
    kind: 'holiday',
    noteKk: `${kk} (${d} ${KK_MONTHS[month] ?? ''} демалыс күнінің орнына)`,
    noteRu: `${ru} (перенос выходного дня с ${d} ${RU_MONTHS[month] ?? ''})`,
  };
}

export const CALENDAR_2025: Row[] = [
  holiday('2025-01-01', NEW_YEAR),
  holiday('2025-01-02', NEW_YEAR),
  // Decree: the day off of Sunday 5 January moved to Friday 3 January; 5 January was a working day.
  { day: '2025-01-03', kind: 'holiday', noteKk: 'Демалыс күні (5 қаңтардан ауыстырылды)', noteRu: 'Выходной день (перенесён с 5 января)' },
  { day: '2025-01-05', kind: 'working', noteKk: 'Жұмыс күні (3 қаңтардың орнына)', noteRu: 'Рабочий день (за 3 января)' },
  holiday('2025-01-07', CHRISTMAS),
  moved('2025-03-10', WOMEN, '2025-03-08'),
  holiday('2025-03-21', NAURYZ),
  moved('2025-03-24', NAURYZ, '2025-03-22'),
  moved('2025-03-25', NAURYZ, '2025-03-23'),
  holiday('2025-05-01', UNITY),
  holiday('2025-05-07', DEFENDER),
  holiday('2025-05-09', VICTORY),
  holiday('2025-06-06', KURBAN),
  moved('2025-07-07', CAPITAL, '2025-07-06'),
  moved('2025-09-01', CONSTITUTION, '2025-08-30'),
  moved('2025-10-27', REPUBLIC, '2025-10-25'),
  holiday('2025-12-16', INDEPENDENCE),
];

export const CALENDAR_2026: Row[] = [
  holiday('2026-01-01', NEW_YEAR),
  holiday('2026-01-02', NEW_YEAR),
  holiday('2026-01-07', CHRISTMAS),
  moved('2026-03-09', WOMEN, '2026-03-08'),
  holiday('2026-03-23', NAURYZ),
  moved('2026-03-24', NAURYZ, '2026-03-21'),
  moved('2026-03-25', NAURYZ, '2026-03-22'),
  holiday('2026-05-01', UNITY),
  holiday('2026-05-07', DEFENDER),
  moved('2026-05-11', VICTORY, '2026-05-09'),
  holiday('2026-05-27', KURBAN),
  holiday('2026-07-06', CAPITAL),
  moved('2026-08-31', CONSTITUTION, '2026-08-30'),
  moved('2026-10-26', REPUBLIC, '2026-10-25'),
  holiday('2026-12-16', INDEPENDENCE),
];

/**
 * ASSUMPTION: 2027 from the Labour Code's fixed holidays and weekend transfers only. Kurban Ait 2027
 * (about 16 May, a Sunday) and any decree moving days must be added by an admin when announced.
 */
export const CALENDAR_2027: Row[] = [
  holiday('2027-01-01', NEW_YEAR),
  moved('2027-01-04', NEW_YEAR, '2027-01-02'),
  holiday('2027-01-07', CHRISTMAS),
  holiday('2027-03-08', WOMEN),
  holiday('2027-03-22', NAURYZ),
  holiday('2027-03-23', NAURYZ),
  moved('2027-03-24', NAURYZ, '2027-03-21'),
  moved('2027-05-03', UNITY, '2027-05-01'),
  holiday('2027-05-07', DEFENDER),
  moved('2027-05-10', VICTORY, '2027-05-09'),
  holiday('2027-07-06', CAPITAL),
  holiday('2027-08-30', CONSTITUTION),
  holiday('2027-10-25', REPUBLIC),
  holiday('2027-12-16', INDEPENDENCE),
];

export async function seedCalendar(db: DbOrTx) {
  await db
    .insert(calendarDays)
    .values([...CALENDAR_2025, ...CALENDAR_2026, ...CALENDAR_2027])
    .onConflictDoNothing();
}
