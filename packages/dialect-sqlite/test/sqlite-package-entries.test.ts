// The lean entries of the built packages, as an application imports them at start-up:
// '@retort/core/migrator' and '@retort/core/errors' instead of the whole '@retort/core',
// with this dialect (which itself imports only such entries of core).
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import { tempDirs } from './helpers/runtime-fixture.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const dirs = tempDirs()
afterEach(() => dirs.cleanup())

it('an application upgrades through @retort/core/migrator and catches @retort/core/errors', () => {
  const filename = path.join(dirs.make(), 'app.db')
  const script = `
    import { Migrator } from '@retort/core/migrator'
    import { UnknownDatabaseRevisionError } from '@retort/core/errors'
    import { sqliteDialect } from '@retort/dialect-sqlite'
    const migrations = [{
      revision: 'a1', downRevision: null,
      upgrade(op) { op.createTable('note', [op.column('id', 'integer', { primaryKey: true })]) },
    }]
    const migrator = new Migrator({ migrations, dialect: sqliteDialect({ filename: process.argv[1] }) })
    const { heads } = await migrator.upgrade()
    const older = new Migrator({ migrations: [], dialect: sqliteDialect({ filename: process.argv[1] }) })
    const error = await older.upgrade().catch((e) => e)
    console.log(JSON.stringify({ heads, newer: error instanceof UnknownDatabaseRevisionError }))
  `
  // Run from this package's directory, where the built packages resolve by name.
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, filename], {
    cwd: packageDir,
    encoding: 'utf8',
  })
  expect(JSON.parse(out)).toEqual({ heads: ['a1'], newer: true })
})
