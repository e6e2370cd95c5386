import type { Grant } from './actor';
import { roleScope, type Role } from './roles';

/** What a resource belongs to: an application's scope columns, or a person. */
export type ScopeTarget = {
  regionCode?: string | null;
  akimatId?: number | null;
  serviceCentreId?: number | null;
  registrationPointId?: number | null;
  dealerBin?: string | null;
  /** People the resource concerns (applicant, buyer, owner): a citizen may see it when they are one of them. */
  iins?: readonly string[];
};

/** Pure: may this grant act on that target? Deny by default — an unset scope on either side never matches. */
export function inScope(grant: Grant, target: ScopeTarget, actorIin?: string): boolean {
  switch (roleScope[grant.role]) {
    case 'all':
      return true;
    case 'self':
      return !!actorIin && !!target.iins?.includes(actorIin);
    case 'region':
      return !!grant.regionCode && grant.regionCode === target.regionCode;
    case 'akimat':
      return grant.akimatId != null && grant.akimatId === target.akimatId;
    case 'serviceCentre':
      return grant.serviceCentreId != null && grant.serviceCentreId === target.serviceCentreId;
    case 'registrationPoint':
      return grant.registrationPointId != null && grant.registrationPointId === target.registrationPointId;
    case 'dealer':
      return !!grant.dealerBin && grant.dealerBin === target.dealerBin;
  }
}

export function grantFor(grants: readonly Grant[], roles: readonly Role[]): Grant | undefined {
  return grants.find((g) => roles.includes(g.role));
}
