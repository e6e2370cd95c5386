// Audit events are append-only and hash-chained (SPEC §2.8): the database itself refuses changes, and the
// chain check finds a row altered behind the triggers' back.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema/audit';
import { audit } from '@/lib/audit';
import { freshDatabase } from '@/tests/support/db';

let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.drop();
});

const verify = async () =>
  (await database.db.execute<{ broken_id: string | null; checked: string }>(sql`select * from audit_verify_chain()`))[0]!;

describe('audit chain', () => {
  it('links each event to the previous one and verifies intact', async () => {
    const { db } = database;
    for (let i = 0; i < 5; i++) await db.transaction((tx) => audit(tx, null, null, { action: 'test.event', data: { i } }));
    const rows = await db.select().from(auditEvents).orderBy(auditEvents.id);
    expect(rows).toHaveLength(5);
    expect(rows[0]!.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    expect(await verify()).toEqual({ broken_id: null, checked: '5' });
  });

  it('keeps the chain valid under concurrent writers', async () => {
    const { db } = database;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.transaction((tx) => audit(tx, null, null, { action: 'test.concurrent', data: { i } }))),
    );
    const result = await verify();
    expect(result.broken_id).toBeNull();
    expect(Number(result.checked)).toBe(25);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { client } = database;
    await expect(client`update audit_events set action = 'x'`).rejects.toThrow(/append-only/);
    await expect(client`delete from audit_events`).rejects.toThrow(/append-only/);
    await expect(client`truncate audit_events`).rejects.toThrow(/append-only/);
  });

  it('a rolled back transaction leaves no audit row and no gap in the chain', async () => {
    const { db } = database;
    await expect(
      db.transaction(async (tx) => {
        await audit(tx, null, null, { action: 'test.rollback' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(
      await db
        .select()
        .from(auditEvents)
        .where(sql`action = 'test.rollback'`),
    ).toHaveLength(0);
    expect((await verify()).broken_id).toBeNull();
  });

  it('finds a row changed behind the triggers (by a superuser)', async () => {
    const { client } = database;
    const [target] = await client`select id from audit_events order by id limit 1 offset 2`;
    await client.begin(async (tx) => {
      await tx`alter table audit_events disable trigger audit_no_update`;
      await tx`update audit_events set data = '{"i": 999}' where id = ${target!.id}`;
      await tx`alter table audit_events enable trigger audit_no_update`;
    });
    expect((await verify()).broken_id).toBe(String(target!.id));
  });
});
