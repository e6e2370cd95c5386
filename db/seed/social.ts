// AIS SIK (social statuses), E-Sobes (incapacity, guardianship), ZAGS changes of name, NOBD/EPVO, and RP DRN's refusals.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { civilChanges, consentRequests, guardianships, marriages, rpDrnRefusals, socialStatuses, students } from '../schema';
import { backgroundIin } from './background';
import { addDays, yearOf } from './dates';
import { insertMissing } from './insert-missing';
import { PERSONA as P } from './personas-ids';

/**
 * Status codes. Exempt from the ID-card duty (Tax Code art. 622(4), SPEC §8): disability_group_1/2/3,
 * disabled_child_parent, mother_heroine, wwii_veteran, combat_veteran, home_front_worker, orphan,
 * chernobyl. `large_family` is a real status that does NOT exempt (the edge case).
 */
const STATUSES = [
  { iin: P.idCardExempt, status: 'disability_group_2', since: '2019-04-10' },
  { iin: P.idCardExpired3, status: 'large_family', since: '2015-02-01' },
  { iin: P.grandmaGulnar, status: 'mother_heroine', since: '1998-03-06' },
  { iin: P.idCardIncapable, status: 'disability_group_1', since: '2019-03-14' },
];

const GUARDIANSHIPS = [
  {
    iin: P.idCardIncapable,
    incapable: true,
    guardianIin: P.guardianGulzhan,
    basisKk:
      'Қостанай қалалық сотының 2019 жылғы 14 наурыздағы шешімі; қорғаншылық Қостанай ауданы әкімдігінің 2019 жылғы 2 сәуірдегі қаулысымен белгіленген',
    basisRu:
      'Решение Костанайского городского суда от 14 марта 2019 г.; опека установлена постановлением акимата Костанайского района от 2 апреля 2019 г.',
  },
];

export async function seedSocial(db: DbOrTx, today: string) {
  await db.insert(socialStatuses).values(STATUSES).onConflictDoNothing();
  // The consent service: Dinara has forbidden access to her data (purpose '*', the simulator's standing
  // refusal), so every request for her is refused at once (order 002 step 1).
  await insertMissing(
    [{ iin: P.idCardConsentRefused, purpose: '*', status: 'refused' as const, answeredAt: new Date(`${today}T00:00:00Z`) }],
    (r) => r.iin,
    async () =>
      (
        await db
          .select({ iin: consentRequests.iin })
          .from(consentRequests)
          .where(inArray(consentRequests.iin, [P.idCardConsentRefused]))
      ).map((r) => r.iin),
    (rows) => db.insert(consentRequests).values(rows),
  );
  await db.insert(guardianships).values(GUARDIANSHIPS).onConflictDoNothing();
  // Order 002 step 13: RP DRN refuses to register this person's request (their current card is invalidated).
  await db.insert(rpDrnRefusals).values({ iin: P.idCardRpDrnRefused, reason: 'document_invalidated' }).onConflictDoNothing();

  // Asel married after her current card was issued and took her husband's surname → CON (SPEC §5 step 5).
  const marriedOn = addDays(today, -400);
  const husband = backgroundIin('husbandErik');
  await insertMissing(
    [
      {
        spouse1Iin: husband,
        spouse2Iin: P.idCardNameChange,
        actNumber: `M-${yearOf(marriedOn)}-02-004417`,
        registeredOn: marriedOn,
        dissolvedOn: null,
      },
    ],
    (r) => r.actNumber,
    async () =>
      (
        await db
          .select({ k: marriages.actNumber })
          .from(marriages)
          .where(inArray(marriages.spouse2Iin, [P.idCardNameChange]))
      ).map((r) => r.k),
    (rows) => db.insert(marriages).values(rows),
  );
  await insertMissing(
    [
      {
        iin: P.idCardNameChange,
        kind: 'name' as const,
        changedOn: marriedOn,
        details: { field: 'surname', beforeKk: 'Бекова', beforeRu: 'Бекова', afterKk: 'Сейітова', afterRu: 'Сеитова', reason: 'marriage' },
      },
    ],
    (r) => `${r.iin}/${r.kind}`,
    async () =>
      (
        await db
          .select({ iin: civilChanges.iin, kind: civilChanges.kind })
          .from(civilChanges)
          .where(inArray(civilChanges.iin, [P.idCardNameChange]))
      ).map((r) => `${r.iin}/${r.kind}`),
    (rows) => db.insert(civilChanges).values(rows),
  );

  // The current academic year, whatever `today` is.
  const y = yearOf(addDays(today, -243)); // academic years start on 1 September
  const from = `${y}-09-01`;
  const rows: (typeof students.$inferInsert)[] = [
    {
      iin: P.studentAyaru,
      source: 'epvo',
      regionCode: '01',
      fullTime: true,
      fromDate: `${y - 1}-09-01`,
      toDate: `${y + 3}-06-30`,
      institutionKk: 'Л.Н. Гумилев атындағы Еуразия ұлттық университеті',
      institutionRu: 'Евразийский национальный университет имени Л.Н. Гумилева',
    },
    {
      iin: P.studentPartTime,
      source: 'epvo',
      regionCode: '01',
      fullTime: false,
      fromDate: from,
      toDate: `${y + 4}-06-30`,
      institutionKk: 'Astana IT University (сырттай оқу)',
      institutionRu: 'Astana IT University (заочная форма)',
    },
    {
      iin: P.studentAlmaty,
      source: 'epvo',
      regionCode: '02',
      fullTime: true,
      fromDate: from,
      toDate: `${y + 4}-06-30`,
      institutionKk: 'Әл-Фараби атындағы Қазақ ұлттық университеті',
      institutionRu: 'Казахский национальный университет имени аль-Фараби',
    },
    {
      iin: P.studentCollege,
      source: 'nobd',
      regionCode: '01',
      fullTime: true,
      fromDate: from,
      toDate: `${y + 2}-06-30`,
      institutionKk: 'Астана жоғары политехникалық колледжі',
      institutionRu: 'Высший политехнический колледж города Астаны',
    },
    {
      iin: P.daughterAisha,
      source: 'nobd',
      regionCode: '01',
      fullTime: true,
      fromDate: `${y - 7}-09-01`,
      toDate: `${y + 4}-05-25`,
      institutionKk: 'Астана қаласының №54 мектеп-лицейі',
      institutionRu: 'Школа-лицей №54 города Астаны',
    },
  ];
  await insertMissing(
    rows,
    (r) => `${r.iin}/${r.source}`,
    async () =>
      (
        await db
          .select({ iin: students.iin, source: students.source })
          .from(students)
          .where(
            inArray(
              students.iin,
              rows.map((r) => r.iin),
            ),
          )
      ).map((r) => `${r.iin}/${r.source}`),
    (fresh) => db.insert(students).values(fresh),
  );
}
