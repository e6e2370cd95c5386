import 'server-only';
import { asc, eq, getTableColumns, gt, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import type { Actor, Grant } from '@/lib/auth/actor';
import { audit } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import { referenceTables, type ColumnSpec, type ReferenceTableName } from './reference-tables';

type Row = Record<string, unknown>;

function parts(name: ReferenceTableName) {
  const spec = referenceTables[name] as { table: unknown; columns: readonly ColumnSpec[] };
  const table = spec.table as unknown as PgTable;
  const columns = getTableColumns(table) as Record<string, Column>;
  const keyName = spec.columns.find((c) => c.key)!.name;
  const key = columns[keyName]!;
  const parseKey = (k: string): string | number => (key.dataType === 'number' ? Number(k) : k);
  return { spec, table, key, keyName, parseKey };
}

/** One page ordered by the key, keyset-paginated (`after` = last key of the previous page). */
export async function listReferenceRows(name: ReferenceTableName, after: string | undefined, limit = 50) {
  const { table, key, keyName, parseKey } = parts(name);
  const rows = (await db
    .select()
    .from(table)
    .where(after ? gt(key, parseKey(after)) : undefined)
    .orderBy(asc(key))
    .limit(limit + 1)) as Row[];
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? String(page.at(-1)?.[keyName]) : null };
}

export async function getReferenceRow(name: ReferenceTableName, keyValue: string) {
  const { table, key, parseKey } = parts(name);
  const [row] = (await db
    .select()
    .from(table)
    .where(eq(key, parseKey(keyValue)))) as Row[];
  return row ?? null;
}

/** Creates or updates one row, audited with what it was before. Key columns of an existing row never change. */
export async function saveReferenceRow(actor: Actor, grant: Grant, name: ReferenceTableName, keyValue: string | null, values: Row) {
  const { table, key, keyName, parseKey } = parts(name);
  return db.transaction(async (tx) => {
    if (keyValue === null) {
      const [created] = (await tx.insert(table).values(values).onConflictDoNothing().returning()) as Row[];
      if (!created) throw new DomainError('duplicate');
      await audit(tx, actor, grant, { action: 'reference.create', data: { table: name, key: String(created[keyName]) } });
      return String(created[keyName]);
    }
    const [before] = (await tx
      .select()
      .from(table)
      .where(eq(key, parseKey(keyValue)))
      .for('update')) as Row[];
    if (!before) throw new DomainError('not_found');
    await tx
      .update(table)
      .set(values)
      .where(eq(key, parseKey(keyValue)));
    const changed = Object.keys(values).filter((k) => JSON.stringify(values[k]) !== JSON.stringify(before[k]));
    await audit(tx, actor, grant, {
      action: 'reference.update',
      data: { table: name, key: keyValue, changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])) },
    });
    return keyValue;
  });
}
