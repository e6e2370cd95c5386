import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '.',
  timeout: 180_000,
  workers: 1,
  use: { baseURL: 'http://localhost:3130', launchOptions: { executablePath: '/usr/bin/chromium' } },
});
