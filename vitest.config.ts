import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Server modules import 'server-only' to keep them out of client bundles; in tests it is a no-op.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-db.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One database server for the run; files get their own databases, so they may run in parallel.
          fileParallelism: true,
          maxWorkers: 2,
          // next-intl and next-auth import 'next/…' without extensions: let Vite resolve them.
          server: { deps: { inline: ['next-intl', 'next-auth', '@auth/core'] } },
        },
      },
    ],
  },
});
