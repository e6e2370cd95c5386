// Issue 16: the portal scales out as N web processes and M job-worker processes sharing only PostgreSQL. Beside the
// e2e server (web process A, which runs workers too) this starts `npm run start:web` (web process B, no workers) and
// `npm run start:workers` on the same database, and runs a flow whose steps alternate between A and B: sign in on A,
// the page and a server action on B, the result on A. A session, a server action's encryption and the data are all
// shared, or a step fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { connect } from '../db/client';
import { notifications } from '../db/schema/notifications';
import { PERSONA } from '../db/seed/personas-ids';
import { expectAccessible, expectNoRawCodes, signInAs } from './fixtures';

test.describe.configure({ mode: 'serial' });
// Its own client address for the e2e server's small per-IP sign-in limit (scripts/e2e-server.ts): Next.js fills in
// X-Forwarded-For with the socket's address when a request has none, so every local test would share one bucket.
test.use({ extraHTTPHeaders: { 'x-forwarded-for': `2001:db8:16::${(process.pid % 0xffff).toString(16)}` } });

type Runtime = { databaseUrl: string; appDatabaseUrl: string; secretsDir: string };
const runtime = () => JSON.parse(readFileSync(path.join(process.cwd(), '.data', 'e2e-runtime.json'), 'utf8')) as Runtime;

/** A port the system has free (ephemeral range, so never another engineer's fixed port). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const started: ChildProcess[] = [];
const logs = new Map<ChildProcess, string>();
function start(kind: 'web' | 'workers', env: NodeJS.ProcessEnv, port?: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', `--${kind}`, ...(port ? ['--port', String(port)] : [])], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  logs.set(child, '');
  const keep = (b: Buffer) => logs.set(child, (logs.get(child) ?? '') + b.toString());
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  started.push(child);
  return child;
}

let webB = '';
let workers: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const r = runtime();
  const secret = (name: string) => readFileSync(path.join(r.secretsDir, name), 'utf8').trim();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DEMO_MODE: '1',
    DATABASE_URL: r.appDatabaseUrl,
    AUTH_SECRET: secret('auth_secret'),
    PAYMENT_GATEWAY_SECRET: secret('payment_gateway_secret'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: secret('next_server_actions_encryption_key'),
  };
  const port = await freePort();
  const b = start('web', env, port);
  workers = start('workers', env);
  webB = `http://localhost:${port}`;
  await expect
    .poll(
      async () => {
        if (b.exitCode !== null) throw new Error(`web process B exited: ${logs.get(b)}`);
        return fetch(`${webB}/kk`).then(
          (res) => res.status,
          () => 0,
        );
      },
      { timeout: 150_000, intervals: [500] },
    )
    .toBe(200);
  await expect
    .poll(
      () => {
        if (workers.exitCode !== null) throw new Error(`the workers process exited: ${logs.get(workers)}`);
        return logs.get(workers)?.includes('Qyzmet job workers started');
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);
});

test.afterAll(() => {
  for (const c of started)
    if (c.exitCode === null && c.pid)
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {
        // already gone
      }
});

test('steps alternate between two web processes on one database, with a separate workers process', async ({ page }) => {
  const r = runtime();
  const { db, client } = connect(r.databaseUrl, 1);
  try {
    const iin = PERSONA.citizenAigerim;
    await db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.recipientIin, iin));
    const [n] = await db.insert(notifications).values({ recipientIin: iin, kind: 'test_message', params: {} }).returning();

    // 1. Sign in on A (the e2e server).
    await signInAs(page, iin, 'kk');
    expect(new URL(page.url()).port).not.toBe(new URL(webB).port);

    // 2. The page on B: the session cookie A issued is B's too (one AUTH_SECRET, sessions in PostgreSQL).
    await page.goto(`${webB}/kk/cabinet/notifications`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const item = page.getByTestId('notifications').locator('li').filter({ hasText: 'Qyzmet: бұл сынақ хабарламасы.' });
    await expect(item).toHaveCount(1);
    await expectAccessible(page);
    await expectNoRawCodes(page);

    // 3. A server action on B (one NEXT_SERVER_ACTIONS_ENCRYPTION_KEY): mark it read.
    await item.getByRole('button', { name: 'Оқылды деп белгілеу' }).click();
    await expect(item.getByRole('button')).toHaveCount(0);
    await expect
      .poll(
        async () =>
          (
            await db
              .select()
              .from(notifications)
              .where(and(eq(notifications.id, n!.id)))
          )[0]?.readAt != null,
      )
      .toBe(true);

    // 4. The page on A shows what B did, in the other language too.
    await page.goto('/ru/cabinet/notifications');
    expect(new URL(page.url()).port).not.toBe(new URL(webB).port);
    const onA = page.getByTestId('notifications').locator('li').filter({ hasText: 'Qyzmet: это тестовое сообщение.' });
    await expect(onA.first()).toBeVisible();
    await expect(onA.first().getByRole('button')).toHaveCount(0);

    // The workers process is still up beside them, and B started none of its own.
    expect(workers.exitCode).toBeNull();
    expect(logs.get(started[0]!)).toContain('no job workers');
  } finally {
    await client.end();
  }
});
