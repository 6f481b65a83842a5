// The inventory app. Bundled into one file (build.mjs), it carries its revisions in the
// bundle: `migrations` comes from the generated index, not from a folder next to it.
//
//   node dist/app.mjs DATABASE_FILE
import path from 'node:path'
import { Migrator } from '@retort/core/migrator'
import { sqliteDialect } from '@retort/dialect-sqlite'
import { migrations } from './migrations.generated.js'

const file = process.argv[2]
if (!file) {
  process.stderr.write('usage: node app.mjs DATABASE_FILE\n')
  process.exit(2)
}
const filename = path.resolve(file)

const lines = []
const logger = {
  debug: () => {},
  info: (message) => lines.push(message),
  warn: (message) => lines.push(`warning: ${message}`),
  error: (message) => lines.push(`error: ${message}`),
}

const migrator = new Migrator({ migrations, dialect: sqliteDialect({ filename }), logger })
const result = await migrator.upgrade('heads')
process.stdout.write(
  `${JSON.stringify({
    database: filename,
    applied: result.applied.map((step) => step.revision),
    heads: result.heads,
    log: lines,
  })}\n`,
)
