import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources in tests (the `source` export condition);
// vitest's transform emits the decorator metadata type-graphql and MikroORM need.
const conditions = ['source', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/dashboard/web/src/**/*.test.ts', 'subgraphs/*/src/**/*.test.ts', 'gateway/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['packages/*/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/**/*.e2e.ts'] },
      },
    ],
  },
});
