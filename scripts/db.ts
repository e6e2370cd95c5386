/** `npm run db:migrate` / `npm run db:seed` against DATABASE_URL (or the embedded server when unset). */
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedDb } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { seedDatabase } from '../db/seed-run';

const command = process.argv[2];
let embedded: EmbeddedDb | undefined;
try {
  embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
  const url = process.env.DATABASE_URL ?? embedded!.url;
  await runMigrations(url);
  if (command === 'seed') console.log((await seedDatabase(url)).inserted ? 'seeded' : 'already seeded');
  else console.log('migrated');
} catch (e) {
  console.error(e instanceof EmbeddedPostgresError ? e.message : `db:${command} failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
