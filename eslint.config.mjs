import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layers (docs/decisions.md, "Layers"): data flows app/ → lib/ → db/. lib/ never reaches up into the UI, and
// pages, route handlers and components read through lib/<area>/queries.ts, never db/ itself (types included).
const upIntoUi = {
  regex: '^(@/|(\\.\\./)+)(app|components)(/|$)',
  message: 'lib/ must not import app/ or components/: move the pure piece into lib/.',
};
const intoDb = {
  regex: '^(@/|(\\.\\./)+)db(/|$)',
  message: 'Pages, routes and components do not touch db/: read through lib/<area>/queries.ts (row types from lib too).',
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'db/migrations/**',
      'bench/baseline/**',
      'playwright-report/**',
      'test-results/**',
      'next-env.d.ts',
    ],
  },
  {
    rules: {
      // Personal data must never reach logs: console goes through lib/log.ts only.
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  { files: ['lib/**'], rules: { 'no-restricted-imports': ['error', { patterns: [upIntoUi] }] } },
  { files: ['app/**', 'components/**'], rules: { 'no-restricted-imports': ['error', { patterns: [intoDb] }] } },
  { files: ['scripts/**', 'lib/log.ts', 'tests/**', 'e2e/**', 'bench/**', 'db/embedded.ts'], rules: { 'no-console': 'off' } },
];

export default config;
