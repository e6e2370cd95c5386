// Issue 14: the portal connects as `qyzmet_app`, which may add audit rows but never change, remove or unguard them,
// and reaches sealing and anchoring only through the owner's functions.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { audit } from '@/lib/audit';
import { anchorAudit } from '@/lib/audit/anchor';
import { sealAudit } from '@/lib/audit/sealer';
import { verifyAuditChain } from '@/lib/audit/verify';
import { freshDatabase } from '@/tests/support/db';
import { demoIntermediate } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let app: ReturnType<typeof connect>;

beforeAll(async () => {
  database = await freshDatabase();
  app = connect(database.appUrl, 2);
});
afterAll(async () => {
  await app.client.end();
  await database.drop();
});

describe('the app role', () => {
  it('is not the owner and not a superuser', async () => {
    const [me] = await app.client`select current_user as u, (select rolsuper from pg_roles where rolname = current_user) as su`;
    expect(me).toEqual({ u: 'qyzmet_app', su: false });
  });

  it('writes audit rows and seals them, but cannot UPDATE, DELETE, TRUNCATE or disable the triggers', async () => {
    await app.db.transaction((tx) => audit(tx, null, null, { action: 'test.app_role' }));
    expect(await sealAudit(app.db)).toBe(1);
    const c = app.client;
    await expect(c`update audit_events set action = 'x'`).rejects.toThrow(/permission denied/);
    await expect(c`update audit_events set seal_seq = null`).rejects.toThrow(/permission denied/);
    await expect(c`delete from audit_events`).rejects.toThrow(/permission denied/);
    await expect(c`truncate audit_events`).rejects.toThrow(/permission denied/);
    await expect(c`alter table audit_events disable trigger audit_no_update`).rejects.toThrow(/must be owner/);
    await expect(c`alter table audit_events disable trigger all`).rejects.toThrow(/must be owner/);
    await expect(c`drop trigger audit_no_update on audit_events`).rejects.toThrow(/must be owner/);
    await expect(c`select setval('audit_events_id_seq', 1)`).rejects.toThrow(/permission denied/);
    expect((await verifyAuditChain(app.db)).brokenId).toBeNull();
  });

  it('reads anchors but writes them only through audit_anchor_add, which takes the hash from the chain', async () => {
    await demoIntermediate(database.db);
    const c = app.client;
    await expect(
      c`insert into audit_anchors (at, sealed_up_to, hash, signature, signer_cert_pem) values (now(), 1, 'x', 'x', 'x')`,
    ).rejects.toThrow(/permission denied/);
    expect(await anchorAudit(app.db)).toMatchObject({ sealedUpTo: 1 });
    await expect(c`update audit_anchors set hash = 'x'`).rejects.toThrow(/permission denied/);
    await expect(c`delete from audit_anchors`).rejects.toThrow(/permission denied/);
    expect((await verifyAuditChain(app.db)).anchor).toMatchObject({ sealedUpTo: 1, signatureValid: true });
  });

  it('keeps plain DML on the other tables, including those of later migrations (default privileges)', async () => {
    await database.client`create table later_table (id serial primary key, v text)`;
    await app.client`insert into later_table (v) values ('a')`;
    await app.client`update later_table set v = 'b'`;
    await app.client`delete from later_table`;
    const [n] = await app.client`select count(*)::int as n from regions`;
    expect(n!.n).toBeGreaterThanOrEqual(0);
  });

  it('cannot log in with a wrong password', async () => {
    const wrong = new URL(database.appUrl);
    wrong.password = 'not-the-password';
    const c = postgres(wrong.toString(), { max: 1, onnotice: () => {} });
    await expect(c`select 1`).rejects.toThrow(/password authentication failed/);
    await c.end();
  });
});
