#!/usr/bin/env node
// The notes app. Its data lives in a directory it chooses (default: the platform's app-data
// directory; `--data-dir` overrides it), wherever it is started from.
//
//   node src/main.mjs [--data-dir DIR] [--note TEXT] [--verbose]
//   node src/main.mjs make-temp-databases --out DIR [--count N]
//   node src/main.mjs make-user-databases --out DIR [--count N]
import os from 'node:os'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createAppLogger } from './app-logger.mjs'
import { makeTempDatabases } from './temp-databases.mjs'
import { databaseCreator, openUserDatabase } from './user-database.mjs'

/** Where a desktop app keeps its user data on each platform. */
function defaultDataDir() {
  const home = os.homedir()
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'retort-notes')
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', 'retort-notes')
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'retort-notes')
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    note: { type: 'string' },
    out: { type: 'string' },
    count: { type: 'string', default: '3' },
    verbose: { type: 'boolean', default: false },
  },
})
const logger = createAppLogger({ level: values.verbose ? 'debug' : 'info' })

if (positionals[0] === 'make-user-databases') {
  // One database per user, each already at the head: the template is built once.
  if (!values.out) {
    logger.error('make-user-databases needs --out DIR')
    process.exit(2)
  }
  const outDir = path.resolve(values.out)
  mkdirSync(outDir, { recursive: true })
  const creator = databaseCreator({ logger })
  for (let index = 1; index <= Number(values.count); index++) {
    const created = await creator.createDatabase(path.join(outDir, `user-${index}.db`))
    logger.info(`created ${created.path} (template: ${created.template})`)
  }
} else if (positionals[0] === 'make-temp-databases') {
  if (!values.out) {
    logger.error('make-temp-databases needs --out DIR')
    process.exit(2)
  }
  const files = await makeTempDatabases({
    outDir: path.resolve(values.out),
    count: Number(values.count),
    logger,
  })
  logger.info(`${files.length} temporary databases ready`)
} else {
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir())
  const { db, readOnly } = await openUserDatabase({ dataDir, logger })
  if (readOnly && values.note) {
    db.close()
    logger.error('cannot save the note: the notes were saved by a newer version of this app')
    process.exit(3)
  }
  try {
    if (values.note) db.prepare('INSERT INTO note (body) VALUES (?)').run(values.note)
    const { count } = db.prepare('SELECT count(*) AS count FROM note').get()
    logger.info(`ready: ${count} note${count === 1 ? '' : 's'} in ${dataDir}`)
  } finally {
    db.close()
  }
}
