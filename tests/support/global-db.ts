/**
 * Integration tests run against a real PostgreSQL: DATABASE_URL when set (CI also runs them once against the
 * machine's PostgreSQL 15), otherwise an embedded server in a fresh temp dir. Each test file makes its own
 * database from a migrated template (tests/support/db.ts), so files never share state.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDb } from '../../db/embedded';
import { runMigrations } from '../../db/migrate';
import { appRolePassword, ensureAppRole } from '../../db/roles';

let embedded: EmbeddedDb | undefined;
let dataDir: string | undefined;

export const TEMPLATE = 'qz_test_template';

export default async function setup(project: TestProject) {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'qz-it-'));
    await fs.chmod(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: 0, database: 'postgres', quiet: true });
    serverUrl = embedded.url;
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE} with (force)`);
  await admin.unsafe(`create database ${TEMPLATE}`);
  const templateUrl = withDatabase(serverUrl, TEMPLATE);
  await runMigrations(templateUrl);
  // The portal's own role (issue 14): the services under test connect as it, the fixtures as the owner.
  const appPassword = appRolePassword('qyzmet-app-test');
  await ensureAppRole(templateUrl, appPassword);
  await admin.end();
  project.provide('dbServerUrl', serverUrl);
  project.provide('dbAppPassword', appPassword);
  return async () => {
    const a = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${TEMPLATE} with (force)`).catch(() => {});
    await a.end();
    await embedded?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbAppPassword: string;
  }
}
