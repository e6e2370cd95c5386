import { describe, expect, it } from 'vitest';
import { accessKind, groupAccess, officeOf, type AccessRow } from '@/lib/audit/access-log';

describe('accessKind: every audit action said in words', () => {
  it.each([
    ['person.viewed', 'viewed_person'],
    ['file.viewed', 'viewed_file'],
    ['application.view', 'viewed_application'],
    ['person.identified', 'identified'],
    ['application.approve', 'decided'],
    ['application.refuse', 'decided'],
    ['application.annul', 'decided'],
    ['residence.con_refused', 'decided'],
    ['issuance.refused', 'decided'],
    ['residence.astana_claim_decided', 'decided'],
    ['application.issue', 'issued'],
    ['id_card.issued', 'issued'],
    ['machinery.issued', 'issued'],
    ['residence.con.owner_checked', 'checked'],
    ['signature.eds_check', 'checked'],
    ['application.submit', 'processed'],
    ['machinery.intake.scan', 'processed'],
    ['something_new', 'processed'],
    ['', 'processed'],
  ])('%s → %s', (action, kind) => expect(accessKind(action)).toBe(kind));
});

describe('officeOf: the office of the grant, never the role', () => {
  it.each([
    ['ums_reviewer:region:10', { kind: 'region', id: '10' }],
    ['akimat_reviewer:akimat:5', { kind: 'akimat', id: '5' }],
    ['con_operator:centre:3', { kind: 'centre', id: '3' }],
    ['migration_officer:point:2', { kind: 'point', id: '2' }],
    ['dealer:dealer:123456789012', { kind: 'dealer', id: '123456789012' }],
    ['supervisor:all', { kind: 'ministry', id: null }],
    ['admin:all', { kind: 'portal', id: null }],
    ['con_operator:centre:', { kind: 'unknown', id: null }],
    ['ums_reviewer', { kind: 'unknown', id: null }],
    [null, { kind: 'unknown', id: null }],
  ])('%s', (org, office) => expect(officeOf(org)).toEqual(office));
});

describe('groupAccess', () => {
  const at = (iso: string) => new Date(iso);
  const row = (id: number, iso: string, over: Partial<AccessRow> = {}): AccessRow => ({
    id,
    at: at(iso),
    org: 'ums_reviewer:region:10',
    action: 'person.viewed',
    applicationId: 'a1',
    ...over,
  });

  it('one office viewing one application twelve times in one day is one line with the first and last time', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(100 - i, `2026-12-03T05:${String(40 - i * 3).padStart(2, '0')}:00Z`)).reverse();
    const groups = groupAccess(rows);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 12, first: at('2026-12-03T05:07:00Z'), last: at('2026-12-03T05:40:00Z'), lastId: 100 });
  });

  it('another office, application, kind or Almaty day is another line', () => {
    const groups = groupAccess([
      row(6, '2026-12-03T05:00:00Z'),
      row(5, '2026-12-03T04:59:00Z', { org: 'ums_reviewer:region:11' }),
      row(4, '2026-12-03T04:58:00Z', { applicationId: 'a2' }),
      row(3, '2026-12-03T04:57:00Z', { action: 'file.viewed' }),
      // 18:59 UTC is 23:59 in Almaty on 2 Dec; 19:00 UTC is already 3 Dec.
      row(2, '2026-12-02T19:00:00Z'),
      row(1, '2026-12-02T18:59:00Z'),
    ]);
    expect(groups.map((g) => g.count)).toEqual([2, 1, 1, 1, 1]);
    expect(groups.at(-1)?.lastId).toBe(1);
  });

  it('newest group first', () => {
    const groups = groupAccess([row(2, '2026-12-03T06:00:00Z', { applicationId: 'a2' }), row(1, '2026-12-03T05:00:00Z')]);
    expect(groups.map((g) => g.applicationId)).toEqual(['a2', 'a1']);
  });
});
