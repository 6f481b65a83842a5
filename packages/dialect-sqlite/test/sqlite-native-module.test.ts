// better-sqlite3 is loaded by the first connection, not with the dialect: without it, the
// dialect still compiles (offline scripts), and the first connection fails with one line
// naming the package to install.
import { ConfigError } from '@retort/core/errors'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { notLoaded } from '../src/native/sqlite-native-module.js'

vi.mock('better-sqlite3', () => {
  throw new Error('not installed')
})

const { sqliteDialect } = await import('../src/index.js')

describe('without better-sqlite3', () => {
  // A directory with no node_modules above it that has better-sqlite3.
  const dir = mkdtempSync(join(tmpdir(), 'retort-no-sqlite-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('names the package to install, for import() and require alike', () => {
    // The errors Node gives where better-sqlite3 is not installed (outside vitest's loader).
    const entry = join(dir, 'entry.mjs')
    writeFileSync(
      entry,
      [
        "import { createRequire } from 'node:module'",
        'const errors = []',
        "try { await import('better-sqlite3') } catch (error) { errors.push(error) }",
        "try { createRequire(import.meta.url)('better-sqlite3') } catch (error) { errors.push(error) }",
        'console.log(JSON.stringify(errors.map((error) => ({ code: error.code, message: error.message }))))',
      ].join('\n'),
    )
    const env = { ...process.env, NODE_PATH: '' }
    const run = spawnSync(process.execPath, [entry], { cwd: dir, env, encoding: 'utf8' })
    const errors = JSON.parse(run.stdout) as { code: string; message: string }[]
    expect(errors.map((error) => error.code)).toEqual(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'])
    for (const { code, message } of errors) {
      const error = Object.assign(new Error(message), { code })
      const explained = notLoaded(error)
      expect(explained).toBeInstanceOf(ConfigError)
      expect(explained.message).toBe(
        'the SQLite dialect needs better-sqlite3; install it (npm install better-sqlite3)',
      )
      expect(explained.cause).toBe(error)
    }
  })

  it('says why when the package is there but fails to load', () => {
    expect(notLoaded(new Error('invalid ELF header\n  at dlopen')).message).toBe(
      'better-sqlite3 (for the SQLite dialect) failed to load: invalid ELF header at dlopen; reinstall it (npm rebuild better-sqlite3)',
    )
  })

  it('compiles offline, and fails at connect (before anything runs), each time', async () => {
    const dialect = sqliteDialect({ filename: join(dir, 'app.db') })
    const statements = dialect.createCompiler().compile({ kind: 'dropTable', name: 't' } as never)
    expect([...statements].map((statement) => statement.sql)).toEqual(['DROP TABLE "t"'])
    for (let attempt = 0; attempt < 2; attempt++) {
      const failure = await dialect
        .createDriver()
        .connect()
        .then(
          () => undefined,
          (error: unknown) => error,
        )
      expect(failure).toBeInstanceOf(ConfigError)
      expect((failure as Error).message).toMatch(/^better-sqlite3 \(for the SQLite dialect\) /)
    }
  })
})
