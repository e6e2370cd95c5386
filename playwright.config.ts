import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// Debian's Chromium where it exists: `npx playwright install` cannot download browsers on our machines.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Registry faults (outages, latency) are global to the simulator: a test that switches one on would break whatever
  // flow runs beside it. Those tests carry the @faults tag and run alone, one at a time, after all the others.
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, grepInvert: /@faults/ },
    { name: 'faults', use: { ...devices['Desktop Chrome'] }, grep: /@faults/, dependencies: ['chromium'], workers: 1 },
  ],
  webServer: {
    // A production build on a fresh embedded database with the demo seed (scripts/e2e-server.ts).
    command: `node --import tsx scripts/e2e-server.ts --port ${port}`,
    url: `http://localhost:${port}/kk`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
