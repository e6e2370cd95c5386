// GBD FL records of the citizens who drive the ID-card, vehicle, residence and machinery branches.
// The family (ZAGS) is in family.ts, dealer employees and staff in staff.ts, filler people in background.ts.
import type { PersonSpec } from './people-model';
import { CADASTRE, PERSONA as P } from './personas-ids';

export const CITIZENS: readonly PersonSpec[] = [
  // ── ID card renewal (SPEC §5, §7.2): expiry relative to `today`
  {
    iin: P.citizenAigerim,
    kk: ['Мұхамеджанова', 'Айгерім', 'Серікқызы'],
    ru: ['Мухамеджанова', 'Айгерим', 'Сериковна'],
    region: '01',
    district: 103,
    cardExpiresInDays: 25,
  },
  {
    iin: P.idCardExempt,
    kk: ['Қасымов', 'Мұрат', 'Әлібекұлы'],
    ru: ['Касымов', 'Мурат', 'Алибекович'],
    region: '02',
    cardExpiresInDays: 5,
  },
  {
    iin: P.idCardTooEarly,
    kk: ['Ахметова', 'Гүлмира', 'Болатқызы'],
    ru: ['Ахметова', 'Гульмира', 'Болатовна'],
    region: '09',
    cardExpiresInDays: 40,
  },
  {
    iin: P.idCardExpired3,
    kk: ['Тоқтаров', 'Нұрлан', 'Асқарұлы'],
    ru: ['Токтаров', 'Нурлан', 'Аскарович'],
    region: '10',
    district: 1001,
    cardExpiresInDays: -3,
  },
  { iin: P.idCardTooLate, kk: ['Ким', 'Ольга', 'Викторовна'], ru: ['Ким', 'Ольга', 'Викторовна'], region: '01', cardExpiresInDays: -20 },
  {
    iin: P.idCardNameChange,
    kk: ['Сейітова', 'Әсел', 'Ержанқызы'],
    ru: ['Сеитова', 'Асель', 'Ержановна'],
    region: '02',
    cardExpiresInDays: 12,
  },
  {
    iin: P.idCardNoRegistration,
    kk: ['Омаров', 'Бауыржан', 'Серікұлы'],
    ru: ['Омаров', 'Бауыржан', 'Серикович'],
    region: null,
    cardExpiresInDays: 8,
  },
  {
    iin: P.idCardIncapable,
    kk: ['Сағынтаев', 'Ерболат', 'Жұмабайұлы'],
    ru: ['Сагынтаев', 'Ерболат', 'Жумабаевич'],
    region: '10',
    home: CADASTRE.kostanayIncapableHouse,
    cardExpiresInDays: 18,
    capable: false,
  },
  {
    iin: P.guardianGulzhan,
    kk: ['Сағынтаева', 'Гүлжан', 'Жұмабайқызы'],
    ru: ['Сагынтаева', 'Гульжан', 'Жумабаевна'],
    region: '10',
    home: CADASTRE.kostanayIncapableHouse,
  },
  {
    iin: P.idCardLivenessFail,
    kk: ['Смирнов', 'Виктор', 'Павлович'],
    ru: ['Смирнов', 'Виктор', 'Павлович'],
    region: '09',
    cardExpiresInDays: 20,
    livenessOk: false,
  },
  {
    iin: P.idCardFaceMismatch,
    kk: ['Есенова', 'Жанар', 'Қуанышқызы'],
    ru: ['Есенова', 'Жанар', 'Куанышевна'],
    region: '10',
    cardExpiresInDays: 15,
    faceMatchOk: false,
  },

  // ── Vehicle buyers (SPEC §3)
  { iin: P.buyerErlan, kk: ['Сәрсенбаев', 'Ерлан', 'Нұрланұлы'], ru: ['Сарсенбаев', 'Ерлан', 'Нурланович'], region: '01', district: 102 },
  { iin: P.buyerWithFines, kk: ['Петров', 'Алексей', 'Сергеевич'], ru: ['Петров', 'Алексей', 'Сергеевич'], region: '02' },
  { iin: P.buyerNoBmg, kk: ['Жұмабеков', 'Дәулет', 'Маратұлы'], ru: ['Жумабеков', 'Даулет', 'Маратович'], region: '10', phone: null },
  { iin: P.buyerKostanay, kk: ['Әміров', 'Талғат', 'Серікұлы'], ru: ['Амиров', 'Талгат', 'Серикович'], region: '10', district: 1002 },
  { iin: P.buyerKaraganda, kk: ['Жүсіпова', 'Әлия', 'Бақытқызы'], ru: ['Жусупова', 'Алия', 'Бакытовна'], region: '09', district: 901 },
  { iin: P.buyerAlmatyAndrey, kk: ['Ли', 'Андрей', 'Николаевич'], ru: ['Ли', 'Андрей', 'Николаевич'], region: '02', district: 207 },
  {
    iin: P.deceasedPerson,
    kk: ['Нұрпейісов', 'Қайрат', 'Әбдіқадырұлы'],
    ru: ['Нурпеисов', 'Кайрат', 'Абдикадырович'],
    region: '01',
    deceased: true,
    phone: null,
  },

  // ── Residence (SPEC §6)
  {
    iin: P.ownerGalym,
    kk: ['Байжанов', 'Ғалым', 'Ерболұлы'],
    ru: ['Байжанов', 'Галым', 'Ерболович'],
    region: '01',
    home: CADASTRE.astanaFlatA,
  },
  {
    iin: P.spouseZhanat,
    kk: ['Байжанова', 'Жанат', 'Төлегенқызы'],
    ru: ['Байжанова', 'Жанат', 'Тулегеновна'],
    region: '01',
    home: CADASTRE.astanaFlatA,
  },
  { iin: P.residenceMover, kk: ['Ділдәбеков', 'Мақсат', 'Қайратұлы'], ru: ['Дильдабеков', 'Максат', 'Кайратович'], region: '09' },
  { iin: P.studentAyaru, kk: ['Төлеген', 'Аяру', 'Серікқызы'], ru: ['Толеген', 'Аяру', 'Сериковна'], region: '10', district: 1001 },
  { iin: P.studentPartTime, kk: ['Ибраев', 'Руслан', 'Маратұлы'], ru: ['Ибраев', 'Руслан', 'Маратович'], region: '09' },
  { iin: P.studentAlmaty, kk: ['Нұрмағамбетова', 'Аружан', 'Ғабитқызы'], ru: ['Нурмагамбетова', 'Аружан', 'Габитовна'], region: '10' },
  { iin: P.studentCollege, kk: ['Серікбаев', 'Ерасыл', 'Дәуренұлы'], ru: ['Серикбаев', 'Ерасыл', 'Дауренович'], region: '09' },
  // The owners' consent (Almaty flat F has two owners; the tenant asks both)
  {
    iin: P.consentOwnerAsel,
    kk: ['Нұрланова', 'Әсел', 'Бекқызы'],
    ru: ['Нурланова', 'Асель', 'Бековна'],
    region: '02',
    home: CADASTRE.almatyFlatF,
  },
  {
    iin: P.consentOwnerBerik,
    kk: ['Оспанов', 'Берік', 'Сәкенұлы'],
    ru: ['Оспанов', 'Берик', 'Сакенович'],
    region: '02',
    home: CADASTRE.almatyFlatF,
  },
  { iin: P.consentTenantDias, kk: ['Жақыпов', 'Диас', 'Ерланұлы'], ru: ['Жакупов', 'Диас', 'Ерланович'], region: '09', district: 901 },
  // The four registered in grandpaBolat's flat F (62 m², at the norm): tenants, no relatives of anyone.
  {
    iin: P.flatFTenantNurlan,
    kk: ['Сейітов', 'Нұрлан', 'Ғаниұлы'],
    ru: ['Сеитов', 'Нурлан', 'Ганиевич'],
    region: '01',
    home: CADASTRE.astanaFlatF,
  },
  {
    iin: P.flatFTenantGaukhar,
    kk: ['Сейітова', 'Гауһар', 'Бекқызы'],
    ru: ['Сеитова', 'Гаухар', 'Бековна'],
    region: '01',
    home: CADASTRE.astanaFlatF,
  },
  {
    iin: P.flatFTenantAibek,
    kk: ['Сейітов', 'Айбек', 'Нұрланұлы'],
    ru: ['Сеитов', 'Айбек', 'Нурланович'],
    region: '01',
    home: CADASTRE.astanaFlatF,
  },
  {
    iin: P.flatFTenantMoldir,
    kk: ['Сейітова', 'Мөлдір', 'Нұрланқызы'],
    ru: ['Сеитова', 'Молдир', 'Нурлановна'],
    region: '01',
    home: CADASTRE.astanaFlatF,
  },

  // ── Agricultural machinery (SPEC §4)
  {
    iin: P.farmerSerik,
    kk: ['Жұмағұлов', 'Серік', 'Амангелдіұлы'],
    ru: ['Жумагулов', 'Серик', 'Амангельдиевич'],
    region: '10',
    district: 1006,
  },
  {
    iin: P.contractorRepDaulet,
    kk: ['Әбдірахманов', 'Дәулет', 'Ерланұлы'],
    ru: ['Абдрахманов', 'Даулет', 'Ерланович'],
    region: '10',
    district: 1001,
  },
  // ── Residence online (SPEC §6): outside Astana
  { iin: P.ownerAsel, kk: ['Сапарова', 'Әсел', 'Маратқызы'], ru: ['Сапарова', 'Асель', 'Маратовна'], region: '09', district: 901 },
  { iin: P.ownerOleg, kk: ['Морозов', 'Олег', 'Игоревич'], ru: ['Морозов', 'Олег', 'Игоревич'], region: '02', district: 203 },
  {
    iin: P.guestNurlan,
    kk: ['Әбдірахманов', 'Нұрлан', 'Серікұлы'],
    ru: ['Абдрахманов', 'Нурлан', 'Серикович'],
    region: '10',
    district: 1001,
  },
  { iin: P.guestIrina, kk: ['Ковалева', 'Ирина', 'Павловна'], ru: ['Ковалева', 'Ирина', 'Павловна'], region: '10', district: 1001 },
  {
    iin: P.hostDinara,
    kk: ['Жұмабаева', 'Динара', 'Серікқызы'],
    ru: ['Жумабаева', 'Динара', 'Сериковна'],
    region: '09',
    home: CADASTRE.karagandaHostFlat,
  },
  {
    iin: P.hostBerik,
    kk: ['Жұмабаев', 'Берік', 'Асанұлы'],
    ru: ['Жумабаев', 'Берик', 'Асанович'],
    region: '09',
    home: CADASTRE.karagandaHostFlat,
  },
];
