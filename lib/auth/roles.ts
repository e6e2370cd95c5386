import { roles, type Role } from '@/db/schema/people';

export { roles, type Role };

/** Where each role works; the first role a person holds in this order decides where they land after sign-in. */
export const roleHome: Record<Role, string> = {
  admin: '/admin',
  supervisor: '/monitoring',
  ums_reviewer: '/ums',
  migration_officer: '/registration-point',
  akimat_reviewer: '/akimat',
  con_operator: '/front-office',
  con_reception: '/reception',
  con_issuance: '/issuance',
  con_head: '/con-head',
  dealer: '/dealer',
  citizen: '/cabinet',
};

/** Which scope column a grant of this role must carry (SPEC §1). Deny by default: a grant missing it is ignored. */
export const roleScope: Record<Role, 'region' | 'registrationPoint' | 'akimat' | 'serviceCentre' | 'dealer' | 'self' | 'all'> = {
  citizen: 'self',
  dealer: 'dealer',
  ums_reviewer: 'region',
  migration_officer: 'registrationPoint',
  akimat_reviewer: 'akimat',
  con_operator: 'serviceCentre',
  con_reception: 'serviceCentre',
  con_issuance: 'serviceCentre',
  con_head: 'serviceCentre',
  supervisor: 'all',
  admin: 'all',
};

export const roleOrder = Object.keys(roleHome) as Role[];

export function isStaffRole(role: Role) {
  return role !== 'citizen' && role !== 'dealer';
}
