import { PERSONA, STAFF } from '../db/seed/personas-ids';

/** One persona per role, with the path it lands on and a fragment of the scope line it must show. */
export const landing = [
  { role: 'citizen', iin: PERSONA.citizenAigerim, path: '/cabinet', scope: null },
  { role: 'dealer', iin: PERSONA.dealerAstanaMotors, path: '/dealer', scope: { kk: 'Astana Motors', ru: 'Astana Motors' } },
  { role: 'ums_reviewer', iin: STAFF.umsKostanay, path: '/ums', scope: { kk: 'Қостанай облысы', ru: 'Костанайская область' } },
  { role: 'migration_officer', iin: STAFF.migrationAstana, path: '/registration-point', scope: null },
  { role: 'akimat_reviewer', iin: STAFF.akimatFedorov, path: '/akimat', scope: null },
  { role: 'con_operator', iin: STAFF.conOperatorAlmaty, path: '/front-office', scope: { kk: 'ХҚКО №', ru: 'ЦОН №' } },
  { role: 'con_reception', iin: STAFF.conReceptionAstana, path: '/reception', scope: { kk: 'ХҚКО №', ru: 'ЦОН №' } },
  { role: 'con_issuance', iin: STAFF.conIssuanceKostanay, path: '/issuance', scope: { kk: 'ХҚКО №', ru: 'ЦОН №' } },
  { role: 'con_head', iin: STAFF.conHeadAlmaty, path: '/con-head', scope: { kk: 'ХҚКО №', ru: 'ЦОН №' } },
  { role: 'supervisor', iin: STAFF.supervisor, path: '/monitoring', scope: { kk: 'барлық өңірлер', ru: 'все регионы' } },
  { role: 'admin', iin: STAFF.admin, path: '/admin', scope: { kk: 'барлық өңірлер', ru: 'все регионы' } },
] as const;

/** Every work area (lib/auth/access.ts): one role each, but `/signature`, which every signed-in person may open. */
export const areas = [
  '/cabinet',
  '/dealer',
  '/ums',
  '/registration-point',
  '/akimat',
  '/front-office',
  '/reception',
  '/issuance',
  '/con-head',
  '/monitoring',
  '/admin',
  '/signature',
] as const;
