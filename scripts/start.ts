/**
 * One command for the whole portal: `npm start`.
 * Without DATABASE_URL it starts the embedded PostgreSQL (data in .data/pg — as root under /var/lib/qyzmet/<hash>/pg,
 * see db/embedded.ts — or --data-dir), applies migrations, seeds demo data (idempotent), builds when the sources
 * are newer than the last build, and serves on :3000. Node older than 22 never gets here (scripts/require-node.mjs).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedPostgresError, embeddedLayout, startEmbeddedPostgres, type EmbeddedDb } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { appDatabaseUrl, appRolePassword, ensureAppRole } from '../db/roles';
import { issueDemoKeys, seedDatabase } from '../db/seed-run';
import { needsBuild } from './build-state';

const { values: args } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'data-dir': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    /** Issue 16: only the web process (no job workers), on a database prepared by `npm start` or `npm run db:migrate`. */
    web: { type: 'boolean', default: false },
    /** Issue 16: only the job workers, no web server. */
    workers: { type: 'boolean', default: false },
  },
});

const root = process.cwd();

let current: ReturnType<typeof spawn> | undefined;
function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv) {
  return new Promise<number>((resolve) => {
    const child = spawn(cmd, argv, { stdio: 'inherit', env });
    current = child;
    child.on('error', (e) => {
      console.error(`Qyzmet could not run ${path.basename(cmd)}: ${e.message}. Run \`npm install\` and start again.`);
      resolve(1);
    });
    child.on('exit', (code) => {
      current = undefined;
      resolve(code ?? 1);
    });
  });
}

/** A secret from the environment, or one generated once and kept beside the embedded data. */
function localSecret(name: string, dataRoot: string) {
  if (process.env[name]) return process.env[name];
  const file = path.join(dataRoot, name.toLowerCase());
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * `npm run start:web` / `npm run start:workers` (issue 16): one process of one kind, for as many as a deployment
 * runs. They share only PostgreSQL, so they need what `npm start` would make: DATABASE_URL (the qyzmet_app role's
 * URL of a migrated database), the same AUTH_SECRET, PAYMENT_GATEWAY_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
 * in every process, and a build made once beforehand (`npm run build`): N processes building at once would clash.
 * Neither migrates, seeds or builds.
 */
async function startOne(kind: 'web' | 'workers') {
  const missing = ['DATABASE_URL', ...(kind === 'web' ? ['AUTH_SECRET', 'PAYMENT_GATEWAY_SECRET'] : [])].filter((n) => !process.env[n]);
  if (missing.length)
    throw new Error(
      `${missing.join(', ')} not set: \`npm run start:${kind}\` runs beside a database that \`npm start\` or \`npm run db:migrate\` prepared, with the secrets every process shares (README, "Scaling")`,
    );
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: args.port };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => current?.kill(sig));
  if (kind === 'workers') {
    const main = path.join(root, 'scripts', 'workers', 'main.ts');
    const hooks = path.join(root, 'scripts', 'workers', 'register.mjs');
    process.exit(await run(process.execPath, ['--import', hooks, '--import', 'tsx', main], env));
  }
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')))
    throw new Error('there is no production build: run `npm run build` once before starting web processes');
  console.log(`Qyzmet web process on http://localhost:${args.port} (no job workers)`);
  env.QYZMET_WORKERS = '0';
  process.exit(await run(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', args.port], env));
}

/** NEXT_SERVER_ACTIONS_ENCRYPTION_KEY from the environment, or one kept beside the data (base64 of 32 bytes). */
function actionsKey(dataRoot: string) {
  if (process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) return process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  const file = path.join(dataRoot, 'next_server_actions_encryption_key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  if (args.web || args.workers) return startOne(args.web ? 'web' : 'workers');
  let embedded: EmbeddedDb | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  const dataDir = path.resolve(args['data-dir'] ?? process.env.QYZMET_DATA_DIR ?? embeddedLayout(root).defaultDataDir);
  if (!env.DATABASE_URL) {
    console.log('Starting the embedded PostgreSQL…');
    embedded = await startEmbeddedPostgres({ dataDir });
    console.log(`Embedded PostgreSQL: data in ${embedded.dataDir} (remove that folder to start again from the demo data).`);
    env.DATABASE_URL = embedded.url;
    // The embedded database is the demo: the persona picker is on unless explicitly switched off.
    env.DEMO_MODE ??= '1';
  }
  const stop = async () => {
    await embedded?.stop().catch(() => {});
  };
  // The portal process first, then the database it uses.
  const onSignal = (signal: NodeJS.Signals, code: number) => () => {
    current?.kill(signal);
    void stop().then(() => process.exit(code));
  };
  process.on('SIGINT', onSignal('SIGINT', 130));
  process.on('SIGTERM', onSignal('SIGTERM', 143));

  // Tests that set up data through services need to reach the same database (scripts/e2e-server.ts).
  if (process.env.QYZMET_RUNTIME_FILE) {
    mkdirSync(path.dirname(process.env.QYZMET_RUNTIME_FILE), { recursive: true });
    writeFileSync(process.env.QYZMET_RUNTIME_FILE, JSON.stringify({ databaseUrl: env.DATABASE_URL }), { mode: 0o600 });
  }
  await runMigrations(env.DATABASE_URL);
  const seeded = await seedDatabase(env.DATABASE_URL);
  console.log(seeded.inserted ? 'Demo data seeded.' : 'Demo data already present.');
  if (env.DEMO_MODE === '1') {
    const pki = await issueDemoKeys(env.DATABASE_URL);
    if (pki.issued) console.log(`Demo PKI: issued ${pki.issued} certificates and key files.`);
  }
  // Issue 14: migrations and the seed ran as the owner; the portal itself connects as the role `qyzmet_app`, which
  // cannot change or unguard the audit log. Its password: QYZMET_APP_DB_PASSWORD, or in demo mode one kept beside
  // the data like the other local secrets.
  const appPassword = appRolePassword(env.DEMO_MODE === '1' ? localSecret('QYZMET_APP_DB_PASSWORD', path.dirname(dataDir)) : undefined);
  await ensureAppRole(env.DATABASE_URL, appPassword);
  const ownerUrl = env.DATABASE_URL;
  env.DATABASE_URL = appDatabaseUrl(env.DATABASE_URL, appPassword);
  // The portal's own address for links that leave the page (lib/config.ts `publicUrl`): the port served on.
  env.PORT = args.port;
  env.AUTH_SECRET = localSecret('AUTH_SECRET', path.dirname(dataDir));
  env.PAYMENT_GATEWAY_SECRET = localSecret('PAYMENT_GATEWAY_SECRET', path.dirname(dataDir));
  // Issue 16: one server-actions key for every process of this data (Next.js would make one per build otherwise).
  env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = actionsKey(path.dirname(dataDir));
  if (process.env.QYZMET_RUNTIME_FILE)
    writeFileSync(
      process.env.QYZMET_RUNTIME_FILE,
      JSON.stringify({ databaseUrl: ownerUrl, appDatabaseUrl: env.DATABASE_URL, secretsDir: path.dirname(dataDir) }),
      { mode: 0o600 },
    );

  const next = path.join(root, 'node_modules', '.bin', 'next');
  if (!args.dev && !args['no-build'] && needsBuild(root)) {
    console.log('Building the portal (sources changed since the last build)…');
    const code = await run(next, ['build'], { ...env, NODE_ENV: 'production' });
    if (code !== 0) {
      await stop();
      process.exit(code);
    }
  }
  console.log(`Qyzmet on http://localhost:${args.port}`);
  const code = await run(next, [args.dev ? 'dev' : 'start', '-p', args.port], env);
  await stop();
  process.exit(code);
}

/** One paragraph, never a stack: what failed, why it probably did, what to do. */
function fail(e: unknown) {
  if (e instanceof EmbeddedPostgresError) console.error(e.message);
  else
    console.error(
      `Qyzmet could not start: ${e instanceof Error ? e.message : String(e)}. If DATABASE_URL is set, check that this server answers; set QYZMET_PG_LOG=1 to see the embedded server's log.`,
    );
  process.exit(1);
}
process.on('uncaughtException', fail);
main().catch(fail);
