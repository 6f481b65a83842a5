import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (pkg: string, entry = 'index.ts') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}`, import.meta.url))

// Tests import package sources, so they run without a build.
export default defineConfig({
  resolve: {
    // Subpath entries before their package: the first matching key wins, and
    // '@retort/core' also matches '@retort/core/testing'.
    alias: {
      '@retort/core/testing': src('core', 'testing/index.ts'),
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
