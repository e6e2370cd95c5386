import 'server-only';
import { and, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { db } from '@/db';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { latestAnchor as latestAnchorIn } from './anchor';

/** The newest signed anchor of the audit chain, {at, sealedUpTo}, or null: for /api/health and the ops pages. */
export const latestAnchor = () => latestAnchorIn(db);
import { akimats, registrationPoints, regions, serviceCentres } from '@/db/schema/reference';
import { groupAccess, type AccessGroup, type OfficeKind } from './access-log';

export type Named = { nameKk: string; nameRu: string };
export type AccessLine = AccessGroup & { officeName: Named | null; applicationNumber: string | null };

/** The office names of the groups, read once per kind of office (never one query per row). */
async function officeNames(d: DbOrTx, groups: readonly AccessGroup[]) {
  const ids = (kind: OfficeKind) => [...new Set(groups.filter((g) => g.office.kind === kind && g.office.id).map((g) => g.office.id!))];
  const numeric = (kind: OfficeKind) => ids(kind).map(Number).filter(Number.isSafeInteger);
  const [regionRows, akimatRows, centreRows, pointRows] = await Promise.all([
    ids('region').length
      ? d
          .select({ id: regions.code, nameKk: regions.nameKk, nameRu: regions.nameRu })
          .from(regions)
          .where(inArray(regions.code, ids('region')))
      : [],
    numeric('akimat').length
      ? d
          .select({ id: akimats.id, nameKk: akimats.nameKk, nameRu: akimats.nameRu })
          .from(akimats)
          .where(inArray(akimats.id, numeric('akimat')))
      : [],
    numeric('centre').length
      ? d
          .select({ id: serviceCentres.id, nameKk: serviceCentres.nameKk, nameRu: serviceCentres.nameRu })
          .from(serviceCentres)
          .where(inArray(serviceCentres.id, numeric('centre')))
      : [],
    numeric('point').length
      ? d
          .select({ id: registrationPoints.id, nameKk: registrationPoints.nameKk, nameRu: registrationPoints.nameRu })
          .from(registrationPoints)
          .where(inArray(registrationPoints.id, numeric('point')))
      : [],
  ]);
  const map = new Map<string, Named>();
  for (const [kind, rows] of [
    ['region', regionRows],
    ['akimat', akimatRows],
    ['centre', centreRows],
    ['point', pointRows],
  ] as const) {
    for (const r of rows) map.set(`${kind}:${r.id}`, { nameKk: r.nameKk, nameRu: r.nameRu });
  }
  return map;
}

/**
 * "Who viewed my data": what staff offices (never the officer) did with this person's data, newest first, repeated
 * actions of one office on one application on one day grouped. Reads up to `rowLimit` audit rows per page.
 */
export async function accessLogOf(d: DbOrTx, iin: string, rowLimit = 500, beforeId?: number) {
  const rows = await d
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      org: auditEvents.actorOrg,
      action: auditEvents.action,
      applicationId: auditEvents.applicationId,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectIin, iin), isNotNull(auditEvents.actorOrg), beforeId ? lt(auditEvents.id, beforeId) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(rowLimit + 1);
  const page = rows.slice(0, rowLimit);
  const groups = groupAccess(page);
  const appIds = [...new Set(groups.map((g) => g.applicationId).filter((x): x is string => !!x))];
  const [names, numbers] = await Promise.all([
    officeNames(d, groups),
    appIds.length
      ? d.select({ id: applications.id, number: applications.number }).from(applications).where(inArray(applications.id, appIds))
      : [],
  ]);
  const numberOf = new Map(numbers.map((n) => [n.id, n.number]));
  const lines: AccessLine[] = groups.map((g) => ({
    ...g,
    officeName: g.office.id ? (names.get(`${g.office.kind}:${g.office.id}`) ?? null) : null,
    applicationNumber: g.applicationId ? (numberOf.get(g.applicationId) ?? null) : null,
  }));
  return { lines, next: rows.length > rowLimit ? (page.at(-1)?.id ?? null) : null };
}

export const accessLogFor = (iin: string, rowLimit?: number, beforeId?: number) => accessLogOf(db, iin, rowLimit, beforeId);
