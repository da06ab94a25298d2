import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure functions of shared/ and the sample generator, fast) and `integration` (the core
 * against real SQLite files in temporary folders). `npm run test:unit` / `npm run test:integration` pick one.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Keeps the backups that imports and opens make out of the home folder.
          setupFiles: ['tests/integration/backupFolder.setup.ts'],
          // Creating a 600-enterprise sample and starting the core worker (which loads tsx) take a few seconds.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
