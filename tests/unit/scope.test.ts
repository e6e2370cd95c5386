import { describe, expect, it } from 'vitest';
import type { Grant } from '@/lib/auth/actor';
import { grantFor, inScope } from '@/lib/auth/scope';

const g = (over: Partial<Grant>): Grant => ({
  role: 'citizen',
  regionCode: null,
  akimatId: null,
  serviceCentreId: null,
  registrationPointId: null,
  dealerBin: null,
  ...over,
});

describe('inScope', () => {
  it('UMS DP reviewer sees only their region', () => {
    const r = g({ role: 'ums_reviewer', regionCode: '10' });
    expect(inScope(r, { regionCode: '10' })).toBe(true);
    expect(inScope(r, { regionCode: '01' })).toBe(false);
    expect(inScope(r, {})).toBe(false);
  });
  it('a grant without its scope matches nothing (deny by default)', () => {
    expect(inScope(g({ role: 'ums_reviewer' }), { regionCode: null })).toBe(false);
    expect(inScope(g({ role: 'con_issuance' }), {})).toBe(false);
    expect(inScope(g({ role: 'dealer' }), { dealerBin: null })).toBe(false);
  });
  it('CON staff see their centre only; akimat and registration point likewise', () => {
    expect(inScope(g({ role: 'con_issuance', serviceCentreId: 3 }), { serviceCentreId: 3 })).toBe(true);
    expect(inScope(g({ role: 'con_issuance', serviceCentreId: 3 }), { serviceCentreId: 4 })).toBe(false);
    expect(inScope(g({ role: 'akimat_reviewer', akimatId: 7 }), { akimatId: 7, regionCode: '10' })).toBe(true);
    expect(inScope(g({ role: 'akimat_reviewer', akimatId: 7 }), { akimatId: 8 })).toBe(false);
    expect(inScope(g({ role: 'migration_officer', registrationPointId: 2 }), { registrationPointId: 2 })).toBe(true);
    expect(inScope(g({ role: 'migration_officer', registrationPointId: 2 }), { registrationPointId: 1 })).toBe(false);
  });
  it('dealers see their BIN only', () => {
    expect(inScope(g({ role: 'dealer', dealerBin: '150440001236' }), { dealerBin: '150440001236' })).toBe(true);
    expect(inScope(g({ role: 'dealer', dealerBin: '150440001236' }), { dealerBin: '150440001237' })).toBe(false);
  });
  it('citizens see what concerns them', () => {
    expect(inScope(g({}), { iins: ['900101300126'] }, '900101300126')).toBe(true);
    expect(inScope(g({}), { iins: ['880315300511'] }, '900101300126')).toBe(false);
    expect(inScope(g({}), { iins: ['900101300126'] })).toBe(false);
  });
  it('supervisor and admin see everything', () => {
    expect(inScope(g({ role: 'supervisor' }), { regionCode: '01' })).toBe(true);
    expect(inScope(g({ role: 'admin' }), {})).toBe(true);
  });
  it('grantFor picks a grant of the asked roles or none', () => {
    const grants = [g({}), g({ role: 'dealer', dealerBin: 'x' })];
    expect(grantFor(grants, ['dealer'])?.role).toBe('dealer');
    expect(grantFor(grants, ['admin'])).toBeUndefined();
  });
});
