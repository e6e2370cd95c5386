// Audit events are append-only and hash-chained (SPEC §2.8, issues 14 and 16): writers only insert and never wait
// for each other, one sealer chains them, anchors sign the chain's head, and the check finds a row altered behind
// the triggers' back, even when every later row was rehashed to match.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAnchors, auditEvents } from '@/db/schema/audit';
import { audit } from '@/lib/audit';
import { anchorAudit, latestAnchor } from '@/lib/audit/anchor';
import { sealAudit } from '@/lib/audit/sealer';
import { verifyAuditChain } from '@/lib/audit/verify';
import { freshDatabase } from '@/tests/support/db';
import { demoIntermediate } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.drop();
});

const write = (action: string, data: Record<string, unknown> = {}) =>
  database.db.transaction((tx) => audit(tx, null, null, { action, data }));

describe('audit chain', () => {
  it('rows wait unsealed until the sealer chains them, each linked to the previous one', async () => {
    const { db } = database;
    for (let i = 0; i < 5; i++) await write('test.event', { i });
    expect(await verifyAuditChain(db)).toMatchObject({ brokenId: null, checked: 0, unsealed: 5, anchor: null });
    expect(await sealAudit(db)).toBe(5);
    const rows = await db.select().from(auditEvents).orderBy(auditEvents.sealSeq);
    expect(rows.map((r) => r.sealSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    expect(await verifyAuditChain(db)).toMatchObject({ brokenId: null, checked: 5, unsealed: 0 });
    expect(await sealAudit(db)).toBe(0);
  });

  it('keeps the chain valid under concurrent writers', async () => {
    const { db } = database;
    await Promise.all(Array.from({ length: 20 }, (_, i) => write('test.concurrent', { i })));
    await sealAudit(db);
    expect(await verifyAuditChain(db)).toMatchObject({ brokenId: null, checked: 25, unsealed: 0 });
  });

  it('an audited write does not wait for another one still open, and the late commit is sealed after', async () => {
    const { db, client } = database;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const firstInserted = new Promise<void>((r) => (inserted = r));
    const first = db.transaction(async (tx) => {
      await audit(tx, null, null, { action: 'test.held_open' });
      inserted();
      await held;
    });
    await firstInserted;
    // The old trigger took one advisory lock per audited write: this one would wait for it and time out.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '1s'`);
      await audit(tx, null, null, { action: 'test.not_waiting' });
    });
    // (pg_locks shows the whole server: other test files' databases share it.)
    const advisory = await client`
      select count(*)::int as n from pg_locks
      where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`;
    expect(advisory[0]!.n).toBe(0);
    // The sealer does not wait for the open transaction either: it seals what has committed.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '1s'`);
      expect(await sealAudit(tx)).toBe(1);
    });
    release();
    await first;
    expect(await sealAudit(db)).toBe(1);
    const [late] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'test.held_open'));
    const [early] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'test.not_waiting'));
    expect(late!.id).toBeLessThan(early!.id);
    expect(late!.sealSeq).toBeGreaterThan(early!.sealSeq!);
    expect(await verifyAuditChain(db)).toMatchObject({ brokenId: null, checked: 27, unsealed: 0 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE, and a sealing that changes a row', async () => {
    const { client } = database;
    await expect(client`update audit_events set action = 'x'`).rejects.toThrow(/append-only/);
    await expect(client`delete from audit_events`).rejects.toThrow(/append-only/);
    await expect(client`truncate audit_events`).rejects.toThrow(/append-only/);
    await write('test.unsealed');
    const [row] = await client`select * from audit_events where seal_seq is null`;
    await expect(
      client`update audit_events set seal_seq = 1000, action = 'test.other', hash = audit_row_digest(null, audit_events) where id = ${row!.id}`,
    ).rejects.toThrow(/append-only/);
    await expect(client`update audit_events set seal_seq = 1000, hash = 'x' where id = ${row!.id}`).rejects.toThrow(/append-only/);
    await sealAudit(database.db);
  });

  it('a rolled back transaction leaves no audit row and no gap in the chain', async () => {
    const { db } = database;
    await expect(
      db.transaction(async (tx) => {
        await audit(tx, null, null, { action: 'test.rollback' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'test.rollback'))).toHaveLength(0);
    await sealAudit(db);
    expect((await verifyAuditChain(db)).brokenId).toBeNull();
  });

  it('anchors the head with the portal key, and finds a rewrite even when every later row is rehashed', async () => {
    const { db, client } = database;
    await demoIntermediate(db); // the demo PKI's intermediate CA is the portal's key in demo mode
    const anchor = await anchorAudit(db);
    expect(anchor).not.toBeNull();
    expect(await anchorAudit(db)).toBeNull(); // nothing new to anchor
    expect(await latestAnchor(db)).toEqual({ at: anchor!.at, sealedUpTo: anchor!.sealedUpTo });
    const clean = await verifyAuditChain(db, new Date(anchor!.at.getTime() + 90_000));
    expect(clean).toMatchObject({ brokenId: null, afterAnchor: 0, anchor: { ageSeconds: 90, signatureValid: true } });

    await write('test.after_anchor');
    await sealAudit(db);
    expect((await verifyAuditChain(db)).afterAnchor).toBe(1);

    // A superuser rewrites row 3 and recomputes every hash after it: the chain itself is consistent again.
    const [target] = await client`select id from audit_events where seal_seq = 3`;
    await client.begin(async (tx) => {
      await tx`alter table audit_events disable trigger audit_no_update`;
      await tx`update audit_events set data = '{"i": 999}' where id = ${target!.id}`;
      await tx`
        do $$ declare r audit_events; prev text; begin
          select hash into prev from audit_events where seal_seq = 2;
          for r in select * from audit_events where seal_seq >= 3 order by seal_seq loop
            update audit_events set prev_hash = prev, hash = audit_row_digest(prev, r) where id = r.id;
            prev := audit_row_digest(prev, r);
          end loop;
        end $$`;
      await tx`alter table audit_events enable trigger audit_no_update`;
    });
    const report = await verifyAuditChain(db);
    expect(report.brokenBy).toBe('anchor');
    expect(report.brokenId).not.toBeNull();
  });

  it('finds a row changed behind the triggers (by a superuser) without rehashing', async () => {
    const fresh = await freshDatabase();
    try {
      for (let i = 0; i < 4; i++) await fresh.db.transaction((tx) => audit(tx, null, null, { action: 'test.event', data: { i } }));
      await sealAudit(fresh.db);
      const [target] = await fresh.client`select id from audit_events where seal_seq = 3`;
      await fresh.client.begin(async (tx) => {
        await tx`alter table audit_events disable trigger audit_no_update`;
        await tx`update audit_events set data = '{"i": 999}' where id = ${target!.id}`;
        await tx`alter table audit_events enable trigger audit_no_update`;
      });
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ brokenId: Number(target!.id), brokenBy: 'chain' });
    } finally {
      await fresh.drop();
    }
  });

  it('the app cannot write anchors directly with a hash of its own choosing', async () => {
    const { db } = database;
    const before = (await db.select().from(auditAnchors)).length;
    await expect(database.client`select audit_anchor_add(now(), 999999, 'sig', 'pem')`).rejects.toThrow(/no sealed audit row/);
    expect((await db.select().from(auditAnchors)).length).toBe(before);
  });
});
