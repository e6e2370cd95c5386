/** `npm run db:migrate` / `npm run db:seed` against DATABASE_URL (or the embedded server when unset). */
import { startEmbeddedPostgres } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { seedDatabase } from '../db/seed-run';

const command = process.argv[2];
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
const url = process.env.DATABASE_URL ?? embedded!.url;
try {
  await runMigrations(url);
  if (command === 'seed') console.log((await seedDatabase(url)).inserted ? 'seeded' : 'already seeded');
  else console.log('migrated');
} finally {
  await embedded?.stop();
}
