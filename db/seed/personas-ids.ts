// Stable identifiers of the demo data. Tests and docs/personas.md refer to these: never renumber them.
// Every IIN/BIN here passes isValidIin/isValidBin (generated once by iin-factory.ts and frozen as literals).

/** People who sign in as citizens (and the relatives and registry-only people the branches need). */
export const PERSONA = {
  // ID-card renewal (SPEC §5): expiry dates are set relative to the seed's `today`.
  citizenAigerim: '950417401049', // card expires in 25 days → window open; Astana
  idCardExempt: '721003302114', // expires in 5 days, disability group 2 → no duty; Almaty
  idCardTooEarly: '830621403058', // expires in 40 days → too early; Karaganda
  idCardExpired3: '860129304121', // expired 3 days ago → open; large family (not exempt) → pays; Kostanay
  idCardTooLate: '790811405188', // expired 20 days ago → too late; Astana
  idCardNameChange: '940214406232', // ZAGS surname change after the card was issued → CON; Almaty
  idCardNoRegistration: '911105307318', // no permanent registration → CON
  idCardIncapable: '680330308476', // legally incapable (E-Sobes), owns a house in Kostanay region
  guardianGulzhan: '710909409525', // his guardian
  idCardLivenessFail: '851212310633', // Digital-ID liveness fails; Karaganda
  idCardFaceMismatch: '900707411787', // Digital-ID face match fails; Kostanay
  idCardConsentRefused: '880614442428', // a standing refusal in the consent service → step 1 stops; Astana
  idCardBornAbroad: '870623444174', // born in Uzbekistan (GBD FL): the card prints that country; expires in 12 days; Astana
  idCardRpDrnRefused: '760211344234', // RP DRN refuses to register the request (card invalidated); expires in 8 days; Almaty
  // Vehicle registration (SPEC §3)
  buyerErlan: '900101300126', // buyer from Astana Motors (3 good VINs + the branch VINs)
  buyerWithFines: '870525312840', // unpaid ERAP fines; Almaty (Alatau Avto)
  buyerNoBmg: '980914313915', // no BMG number; Kostanay (Astana Motors)
  buyerKostanay: '880315300511', // light truck from Astana Motors; Kostanay
  buyerKaraganda: '921201414023', // Karaganda: the person-plate pool of region 09 is empty
  buyerAlmatyAndrey: '800115315178', // good buyer from Alatau Avto; also owns machinery in Almaty
  deceasedPerson: '490622316206', // deceased (GBD FL); has a sale contract with Astana Motors
  // Residence registration (SPEC §6)
  ownerGalym: '750202317335', // owns Astana flat A (60 m², 2 registered → one more fits)
  spouseZhanat: '780516418411', // his wife, registered there
  residenceMover: '970819319565', // from Karaganda, moves into flat A
  studentAyaru: '061211600012', // full-time EPVO student in Astana, registered in Kostanay
  studentPartTime: '030404520643', // part-time EPVO student in Astana
  studentAlmaty: '050901621752', // full-time EPVO student in Almaty
  studentCollege: '080220522877', // full-time NOBD college student in Astana (registry only)
  // Residence: the owners' consent (the consent slice's demo; db/seed/residence-consents.ts)
  consentOwnerAsel: '830914477313', // co-owner (1/2) of Almaty flat F: consents with EDS
  consentOwnerBerik: '790322377428', // co-owner (1/2) of Almaty flat F: declines with a reason
  consentTenantDias: '951105377534', // from Karaganda: asks to register temporarily in flat F (awaiting both)
  // Agricultural machinery (SPEC §4)
  farmerSerik: '660509323914', // Fedorov district, Kostanay region: tractors, a combine, a trailer
  contractorRepDaulet: '880314377314', // Kostanay: represents the road contractor BIN.kostanayDorStroy by power of attorney
  // The three-generation family (ZAGS): see family.ts for the tree.
  grandpaBolat: '500312324038',
  grandmaGulnar: '530704425198',
  grandpaErlan: '521120326265',
  grandmaRoza: '550214427382',
  fatherDaniyar: '760518328459', // co-owner of flat B
  motherSaule: '790402429578', // co-owner of flat B
  uncleArman: '810830330628',
  auntMadina: '841205431741',
  exWifeZhanna: '781010432815', // Daniyar's dissolved marriage
  exHusbandAskar: '751230333967', // Saule's dissolved marriage
  sonAlikhan: '010210534070', // owns flat C (28 m², 1 registered → at the norm)
  daughterAisha: '120308635126', // minor, owns flat D
  halfBrotherTimur: '990615336297', // Alikhan's half-brother through the father
  halfSisterDana: '980327437333', // Alikhan's half-sister through the mother
  // Astana's steps (order 003 p.10): the four registered in grandpaBolat's flat F (registry only, no sign-in)
  flatFTenantNurlan: '680311344111',
  flatFTenantGaukhar: '710723444126',
  flatFTenantAibek: '940205344130',
  flatFTenantMoldir: '981030444146',
  // Dealer employees (also citizens)
  dealerAstanaMotors: '930303338484',
  dealerAlatau: '960606439510',
  dealerSaryarka: '890919340673',
  dealerNoOked: '850414341728',
  // Residence online (SPEC §6, lib/residence/citizen-service.ts): registrations outside Astana.
  ownerAsel: '890614471017', // Karaganda: also owns a flat of her own there → permanent registration, no consent
  ownerOleg: '830209371028', // Almaty (ru): also owns a flat of his own there → permanent registration, no consent
  guestNurlan: '961123371035', // Kostanay: stays a year with his sister in Karaganda → temporary, two owners consent
  guestIrina: '940402471046', // Kostanay (ru): stays in the same Karaganda flat → temporary, two owners consent
  hostDinara: '870830471058', // Nurlan's sister, half-owner of the Karaganda flat (kk)
  hostBerik: '850117371061', // her husband, the other half-owner (ru)
} as const;

/** Staff: each holds exactly one staff role (see personas.ts). */
export const STAFF = {
  umsAstana: '840712342863',
  umsKostanay: '821103443915',
  migrationAstana: '880505444035',
  migrationKostanay: '901010345184',
  akimatBostandyq: '830217346279',
  akimatKostanayRegion: '790424347361',
  akimatFedorov: '870808448426',
  conOperatorAlmaty: '950121449551',
  conOperatorKostanay: '920630350618',
  conOperatorAstana: '940912451748',
  conReceptionAstana: '980318452833',
  conReceptionAlmaty: '961224353922',
  conReceptionKostanay: '850727454044',
  conIssuanceAstana: '931111355176',
  conIssuanceAlmaty: '890401456293',
  conIssuanceKostanay: '860228357369',
  conHeadAlmaty: '820314445718',
  conHeadKostanay: '790927335828',
  supervisor: '771205358484',
  admin: '910515459531',
} as const;

export const BIN = {
  astanaMotors: '080340012345', // OKED 45.11, 45.20; Astana
  alatauAvto: '110740022711', // OKED 45.11, 45.19, 45.40; Almaty
  saryarkaAvto: '140540033190', // OKED 45.11, 45.19; Karaganda
  bereke: '170940044027', // OKED 47.11 only (grocery): may not sell vehicles; Kostanay
  hyundaiTrans: '190240055171', // manufacturer, OKED 29.10; Almaty
  saryarkaAvtoProm: '021140066235', // manufacturer, OKED 29.10; Kostanay
  kostanayDorStroy: '120640773104', // road-building contractor, OKED 42.11; Kostanay region: an organisation owner of machinery
} as const;

export const VIN = {
  good1: 'KMHJ381A5TU201001', // Hyundai Tucson → buyerErlan (Astana Motors)
  good2: 'KMHLS41B0TU201002', // Hyundai Elantra → buyerErlan
  good3: 'KMHK281E6TU201003', // Hyundai Creta → buyerErlan
  goodPorter: 'KMFZC17H1TU201004', // Hyundai Porter (N1) → buyerKostanay
  goodNoBmg: 'KMHCT41D8TU201005', // Hyundai Accent → buyerNoBmg
  goodAlmaty: 'KL1JF69E9TC201006', // Chevrolet Onix → buyerAlmatyAndrey (Alatau Avto)
  fines: 'KL1JA69S5TC201007', // Chevrolet Tracker → buyerWithFines (Alatau Avto)
  emptyPool: 'XWBJA69V0TA201008', // Chevrolet Cobalt → buyerKaraganda (Saryarka Avto)
  deceasedBuyer: 'KMHS281F6TU201009', // Hyundai Santa Fe → deceasedPerson (Astana Motors)
  noPassport: 'KMHJ381A4TU209901', // no e-passport (customs, recycling, contract with buyerErlan exist)
  noCustoms: 'KMHLS41BXTU209902', // no customs payment
  noRecycling: 'KMHK281E5TU209903', // recycling fee not paid
  noContract: 'KMHJ381AXTU209904', // all registries fine, but no sale contract
  imported: 'JTNB23HK8T3201010', // Toyota Camry made in Japan: e-passport, customs, recycling, contract, but not made in Kazakhstan (p.1)
} as const;

export const CADASTRE = {
  astanaFlatA: '21-320-045-018:112', // 60 m², 2 registered → one more fits (norm 15 m²)
  astanaFlatB: '21-318-027-009:17', // 45 m², 3 registered → at the norm; owners Saule + Daniyar
  astanaFlatC: '21-325-011-004:204', // 28 m², 1 registered → at the norm; owner Alikhan
  astanaFlatD: '21-311-008-021:5', // 52 m², owner Aisha (minor) → CON only
  astanaStudioE: '21-316-044-010:3', // 14 m², nobody registered → at the norm (15 > 14); owner grandmaRoza
  astanaFlatF: '21-314-019-006:62', // 62 m², 4 registered → 62 ÷ 15 = 4 places, at the norm; owner grandpaBolat
  kostanayIncapableHouse: '12-193-004-017', // owner idCardIncapable, guardian guardianGulzhan
  almatyDormitory: '20-311-102-003', // KazNU dormitory: studentAlmaty's temporary registration
  kostanayFamilyHouse: '12-190-021-027', // grandpaBolat + grandmaGulnar (Kostanay city)
  karagandaFamilyFlat: '09-142-033-014:41', // grandpaErlan + grandmaRoza (Karaganda)
  almatyZhannaFlat: '20-315-058-009:73', // exWifeZhanna + halfBrotherTimur (Almaty)
  karagandaAselFlat: '09-142-061-064:15', // ownerAsel alone; nobody registered
  almatyOlegFlat: '20-313-077-150:8', // ownerOleg alone; nobody registered
  karagandaHostFlat: '09-142-015-012:30', // hostDinara ½ + hostBerik ½; both registered there
  almatyFlatF: '20-317-064-011:28', // 74 m², two owners: consentOwnerAsel + consentOwnerBerik, 1/2 each
} as const;

export const REGION = { astana: '01', almaty: '02', karaganda: '09', kostanay: '10' } as const;

/** Serial ids are fixed by the seed (region code × 100 + n) so staff scopes and tests can name them. */
export const DISTRICT = {
  astanaAlmaty: 101,
  astanaBaikonyr: 102,
  astanaEsil: 103,
  astanaSaryarka: 104,
  astanaNura: 105,
  astanaSaraishyq: 106,
  almatyAlmaly: 201,
  almatyAuezov: 202,
  almatyBostandyq: 203,
  almatyZhetisu: 204,
  almatyMedeu: 205,
  almatyNauryzbai: 206,
  almatyTurksib: 207,
  almatyAlatau: 208,
  karagandaCity: 901,
  temirtau: 902,
  bukharZhyrau: 906,
  kostanayCity: 1001,
  rudny: 1002,
  kostanayDistrict: 1005,
  fedorov: 1006,
} as const;

export const CON = {
  astana1: 101,
  astana2: 102,
  almaty1: 201,
  almaty2: 202,
  karaganda1: 901,
  kostanay1: 1001,
  kostanayFedorov: 1003,
} as const;

export const REG_POINT = { astana1: 101, astana2: 102, almaty1: 201, karaganda1: 901, kostanay1: 1001 } as const;

/** Region-level akimats are region × 100; district akimats share their district's id. */
export const AKIMAT = {
  astanaCity: 100,
  almatyCity: 200,
  almatyBostandyq: 203,
  karagandaRegion: 900,
  kostanayRegion: 1000,
  kostanayCity: 1001,
  fedorov: 1006,
} as const;

export const MACHINE = {
  tractorRegistered: 'MTZ82-1-1045871', // Belarus 82.1, farmerSerik, plate T 4127 10
  combineRegistered: 'KZS760-24-000318', // Esil KZS-760 combine, farmerSerik
  tractorNew: 'K742M-25-0007731', // Kirovets K-742M, farmerSerik, not yet registered
  trailerRegistered: '2PTS4-19-0055120', // 2PTS-4 trailer, farmerSerik
  backhoeAlmaty: 'JCB3CX-23-2950114', // JCB 3CX, buyerAlmatyAndrey, registered in Almaty
  trailerAlmaty: 'MAZ856102-21-00931', // MAZ-856102 trailer, buyerAlmatyAndrey
  bulldozerNew: 'SD16-25-C0009412', // Shantui SD16, buyerAlmatyAndrey, not yet registered
  specialTrekol: 'TREKOL39294-22-0147', // Trekol-39294 high-cross-country, buyerAlmatyAndrey
  tractorOther: 'MTZ1221-18-0773302', // Belarus 1221.2 of grandpaBolat (someone else's machine)
  graderDorStroy: 'GR180-21-0042110', // XCMG GR180 grader of BIN.kostanayDorStroy, plate C 4211 10
  rollerDorStroy: 'XS143J-25-0014302', // XCMG XS143J road roller of BIN.kostanayDorStroy, not yet registered
} as const;

/** Plate pools: region 09 (Karaganda) has no free `standard_person` plates on purpose. */
export const PLATES = { emptyPoolRegion: '09', emptyPoolType: 'standard_person' } as const;
