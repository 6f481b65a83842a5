import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url))

// Tests import package sources, so they run without a build.
export default defineConfig({
  resolve: {
    alias: {
      '@retort/core': src('core'),
      '@retort/dialect-sqlite': src('dialect-sqlite'),
      '@retort/dialect-postgres': src('dialect-postgres'),
      '@retort/dialect-mysql': src('dialect-mysql'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
