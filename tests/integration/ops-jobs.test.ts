// Issue 17: a job that failed is listed with its error's class (never its message), retried (it runs again and
// completes) or discarded, each audited; a job that is not failing cannot be retried.
import { eq } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema/audit';
import { STAFF } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { actOnJob, countFailingJobs, failingJobs } from '@/lib/ops/jobs';
import { actorFor } from '@/tests/support/factories';
import { seededDatabase } from '@/tests/support/db';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let boss: PgBoss;
let admin: Actor;
const QUEUE = 'ops-test';
let failing = true;
let runs = 0;

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  return check();
};
const stateOf = async (id: string) => (await boss.findJobs(QUEUE, { id }))[0]?.state;

beforeAll(async () => {
  database = await seededDatabase();
  admin = await actorFor(database.db, STAFF.admin);
  boss = new PgBoss({ connectionString: database.url, max: 2 });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue(QUEUE);
  await boss.work(QUEUE, { pollingIntervalSeconds: 0.5 }, async () => {
    runs++;
    if (failing) throw new Error('IIN 900101300126 not found'); // a message that must not reach the page
  });
}, 120_000);
afterAll(async () => {
  await boss.stop({ graceful: false });
  await database.drop();
});

describe('failed jobs (issue 17)', () => {
  it('a failed job is listed by its error class; retried, it runs again and completes, audited', async () => {
    const id = (await boss.send(QUEUE, {}, { retryLimit: 0 }))!;
    expect(await until(async () => (await stateOf(id)) === 'failed')).toBe(true);
    const listed = (await failingJobs(database.db)).find((j) => j.id === id);
    expect(listed).toMatchObject({ queue: QUEUE, state: 'failed', error: 'Error' });
    expect(JSON.stringify(listed)).not.toContain('900101300126');
    expect(await countFailingJobs(database.db)).toBeGreaterThanOrEqual(1);

    failing = false;
    const before = runs;
    await actOnJob(boss, database.db, { actor: admin, grant: admin.grants[0]! }, { queue: QUEUE, jobId: id, op: 'retry' });
    expect(await until(async () => (await stateOf(id)) === 'completed')).toBe(true);
    expect(runs).toBe(before + 1);
    await expect(
      actOnJob(boss, database.db, { actor: admin, grant: admin.grants[0]! }, { queue: QUEUE, jobId: id, op: 'retry' }),
    ).rejects.toMatchObject({ code: 'ops_not_stuck' });
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'ops.job_retry'))).toHaveLength(1);
  });

  it('a failed job can be discarded (audited): it is gone from the list', async () => {
    failing = true;
    const id = (await boss.send(QUEUE, {}, { retryLimit: 0 }))!;
    expect(await until(async () => (await stateOf(id)) === 'failed')).toBe(true);
    await actOnJob(boss, database.db, { actor: admin, grant: admin.grants[0]! }, { queue: QUEUE, jobId: id, op: 'discard' });
    expect((await failingJobs(database.db)).map((j) => j.id)).not.toContain(id);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'ops.job_discarded'))).toHaveLength(1);
  });
});
