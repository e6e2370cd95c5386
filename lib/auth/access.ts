import type { Role } from './roles';

/**
 * Who may open each work area. Pages and layouts call requireArea(area); the access-matrix tests read this
 * table and compare it with their own, so a new area without a decision fails the tests.
 */
export const areaRoles = {
  cabinet: ['citizen'],
  dealer: ['dealer'],
  ums: ['ums_reviewer'],
  'registration-point': ['migration_officer'],
  akimat: ['akimat_reviewer'],
  'front-office': ['con_operator'],
  reception: ['con_reception'],
  issuance: ['con_issuance'],
  // p.16–17 of orders 001/004: the head of the front office signs the archive's transfer act.
  'con-head': ['con_head'],
  monitoring: ['supervisor'],
  admin: ['admin'],
  // "Check my EDS" and the signature reports: everyone who signs in has keys.
  signature: [
    'citizen',
    'dealer',
    'ums_reviewer',
    'migration_officer',
    'akimat_reviewer',
    'con_operator',
    'con_reception',
    'con_issuance',
    'con_head',
    'supervisor',
    'admin',
  ],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof areaRoles;
