import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { connect } from './client';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Applies db/migrations in order; safe to run on every start (drizzle records what it applied). */
export async function runMigrations(url: string) {
  const { client, db } = connect(url, 1);
  try {
    await migrate(db, { migrationsFolder: path.join(here, 'migrations') });
  } finally {
    await client.end();
  }
}
