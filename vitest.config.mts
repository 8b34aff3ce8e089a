import { defineConfig } from 'vitest/config';

// Unit tests only; Playwright specs live in tests/e2e and tests/electron and are never picked up here.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Signed in with a test data key, as the renderer is whenever the database is open.
    setupFiles: ['tests/unit/support/signed-in.ts'],
  },
});
