/**
 * The server Playwright tests run against: `npm start` on a throwaway data dir (or DATABASE_URL), so every
 * e2e run starts from the demo seed alone. The data dir is removed when the server stops.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[process.argv.indexOf('--port') + 1] ?? '3100';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-e2e-'));
fs.chmodSync(dir, 0o755);
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', port, '--data-dir', path.join(dir, 'pg')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DEMO_MODE: '1',
    QYZMET_RUNTIME_FILE: path.join(process.cwd(), '.data', 'e2e-runtime.json'),
    // e2e/rate-limit.spec.ts (@faults: it runs after every other test) exhausts the public verification page's limit
    // for clients without a known address; a few lookups elsewhere stay far below it.
    QYZMET_RATE_LIMITS: process.env.QYZMET_RATE_LIMITS ?? 'verify.anonymous=20/600',
  },
});
const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => {
  cleanup();
  process.exit(code ?? 0);
});
