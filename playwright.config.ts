import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/browser';

// Browser tests run the built renderer in Debian's Chromium against the real handlers behind the test
// bridge (started once in global setup); Electron specs run in their own project where the binary exists.
export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.ARYZ_PW_JSON ? [['list'], ['json', { outputFile: process.env.ARYZ_PW_JSON }]] : [['list']],
  globalSetup: './tests/e2e/support/global-setup.ts',
  use: {
    acceptDownloads: true,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  projects: [
    { name: 'browser', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
