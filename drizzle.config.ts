import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  schemaFilter: ['public', 'registry'],
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/qyzmet' },
});
