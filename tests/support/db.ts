import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { connect } from '../../db/client';
import { appDatabaseUrl } from '../../db/roles';
import { TEMPLATE, withDatabase } from './global-db';

/** A fresh database for one test file, cloned from the migrated template (fast: no migrations per file). */
export async function freshDatabase() {
  const server = inject('dbServerUrl');
  const name = `qz_t_${randomBytes(5).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${TEMPLATE}`);
  const url = withDatabase(server, name);
  const conn = connect(url, 5);
  return {
    url,
    /** The same database as the portal's own role `qyzmet_app` sees it (what the app's `@/db` uses). */
    appUrl: appDatabaseUrl(url, inject('dbAppPassword')),
    db: conn.db,
    client: conn.client,
    async drop() {
      await conn.client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A fresh database with the demo seed (written as the owner), made the app's own as the portal's role `qyzmet_app`
 * (`@/db` reads DATABASE_URL lazily) and with no
 * registry fault cached from another file: what the pilots' integration tests start from.
 */
export async function seededDatabase() {
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.appUrl;
  const [{ invalidateFaultCache }, { seed }] = await Promise.all([import('../../lib/registries'), import('../../db/seed')]);
  invalidateFaultCache();
  await seed(database.db);
  return database;
}
