import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (pkg: string, entry = 'index.ts') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}`, import.meta.url))

// Tests import package sources, so they run without a build.
export default defineConfig({
  resolve: {
    // Subpath entries before their package: the first match wins. '@retort/core/<path>' is
    // the source file of that path (as the package's exports map it to dist).
    alias: [
      { find: /^@retort\/core\/testing$/, replacement: src('core', 'testing/index.ts') },
      { find: /^@retort\/core\/(.+)$/, replacement: src('core', '$1.ts') },
      { find: /^@retort\/core$/, replacement: src('core') },
      { find: /^@retort\/dialect-sqlite$/, replacement: src('dialect-sqlite') },
      { find: /^@retort\/dialect-postgres$/, replacement: src('dialect-postgres') },
      { find: /^@retort\/dialect-mysql$/, replacement: src('dialect-mysql') },
      { find: /^@retort\/schema-drizzle$/, replacement: src('schema-drizzle') },
    ],
  },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
      'docs/test/**/*.test.ts',
    ],
    // Limits for a hang, not expectations: on a shared two-core CI machine under load a
    // single test that spawns the CLI or child processes has taken 40 s.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
