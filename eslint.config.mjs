import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'bench/baseline/**', 'playwright-report/**', 'test-results/**', 'next-env.d.ts'] },
  {
    rules: {
      // Personal data must never reach logs: console goes through lib/log.ts only.
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  { files: ['scripts/**', 'lib/log.ts', 'tests/**', 'e2e/**', 'bench/**', 'db/embedded.ts'], rules: { 'no-console': 'off' } },
];

export default config;
