// "Who viewed my data" (SPEC §2.8, issue 15): the audit rows about one person, said in words. Pure: the query in
// lib/audit/queries.ts reads the rows and the office names; this file decides what a citizen is told.
import { localDate } from '@/lib/calendar/local';

/** What a citizen is told an office did. Every audit action falls into exactly one kind, so no code is ever shown. */
export const accessKinds = [
  'viewed_person',
  'viewed_file',
  'viewed_application',
  'identified',
  'checked',
  'decided',
  'issued',
  'processed',
] as const;
export type AccessKind = (typeof accessKinds)[number];

/** The kind of office that acted, from the grant's scope (lib/audit/index.ts `scopeLabel`). */
export const officeKinds = ['region', 'akimat', 'centre', 'point', 'dealer', 'ministry', 'portal', 'unknown'] as const;
export type OfficeKind = (typeof officeKinds)[number];

const decisions = new Set(['approve', 'refuse', 'annul', 'reject', 'cancel', 'return', 'refused', 'rejected', 'decided']);

/**
 * `person.viewed` → viewed_person, `file.viewed` → viewed_file, `application.approve` → decided… Unknown actions
 * are "processed": a new audit action never reaches a citizen as a code.
 */
export function accessKind(action: string): AccessKind {
  const parts = action.split('.');
  const head = parts[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1) ?? '') : '';
  if (head === 'person' && last === 'viewed') return 'viewed_person';
  if (last === 'identified') return 'identified';
  if (head === 'file') return 'viewed_file';
  if (last === 'view' || last === 'viewed') return 'viewed_application';
  if (decisions.has(last) || /_(refused|rejected|decided|annulled)$/.test(last)) return 'decided';
  if (head === 'issuance' || last === 'issue' || last === 'issued' || last.endsWith('_issued')) return 'issued';
  if (last.endsWith('checked') || last.endsWith('_check')) return 'checked';
  return 'processed';
}

export type OfficeRef = { kind: OfficeKind; id: string | null };

/** `ums_reviewer:region:10` → region 10; `supervisor:all` → the ministry; `admin:all` → the portal. */
export function officeOf(actorOrg: string | null): OfficeRef {
  if (!actorOrg) return { kind: 'unknown', id: null };
  const [role = '', scope = '', ...idParts] = actorOrg.split(':');
  const id = idParts.join(':') || null;
  switch (scope) {
    case 'region':
    case 'akimat':
    case 'centre':
    case 'point':
    case 'dealer':
      return id ? { kind: scope, id } : { kind: 'unknown', id: null };
    case 'all':
      return { kind: role === 'admin' ? 'portal' : 'ministry', id: null };
    default:
      return { kind: 'unknown', id: null };
  }
}

export type AccessRow = { id: number; at: Date; org: string | null; action: string; applicationId: string | null };

export type AccessGroup = {
  key: string;
  office: OfficeRef;
  kind: AccessKind;
  applicationId: string | null;
  count: number;
  first: Date;
  last: Date;
  /** The newest audit row of the group: the page's cursor. */
  lastId: number;
};

/**
 * Repeated actions of one kind by one office on one application on one Almaty calendar day become one line
 * ("viewed 12 times, 3 Dec 10:02–10:40"). Groups come newest first, as the rows do.
 */
export function groupAccess(rows: readonly AccessRow[]): AccessGroup[] {
  const groups = new Map<string, AccessGroup>();
  for (const r of rows) {
    const office = officeOf(r.org);
    const kind = accessKind(r.action);
    const key = [office.kind, office.id ?? '', kind, r.applicationId ?? '', localDate(r.at)].join('|');
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { key, office, kind, applicationId: r.applicationId, count: 1, first: r.at, last: r.at, lastId: r.id });
      continue;
    }
    g.count += 1;
    if (r.at < g.first) g.first = r.at;
    if (r.at > g.last) {
      g.last = r.at;
      g.lastId = r.id;
    }
  }
  return [...groups.values()].sort((a, b) => b.last.getTime() - a.last.getTime() || b.lastId - a.lastId);
}
