/**
 * `npm test`: everything, in order of speed — typecheck, lint, unit, integration (real PostgreSQL), then a
 * production build and the Playwright e2e suite against it. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';

const steps: [string, string, string[]][] = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npm', ['run', 'lint']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration', 'npx', ['vitest', 'run', '--project', 'integration']],
  ['build', 'npx', ['next', 'build']],
  ['e2e', 'npx', ['playwright', 'test']],
];

const only = process.argv.slice(2);
let passed = 0;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: name === 'build' || name === 'e2e' ? 'production' : 'test' },
  });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (r.status !== 0) {
    console.log(`steps: ${passed} passed, 1 failed`);
    process.exit(r.status ?? 1);
  }
  passed++;
}
console.log(`steps: ${passed} passed, 0 failed`);
