import { defineConfig } from 'vitest/config';

// Inspects what electron-builder packages; runs after `npm run build`.
export default defineConfig({
  test: { include: ['tests/package/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 180_000 },
});
