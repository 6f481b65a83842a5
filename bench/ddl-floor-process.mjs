// The floor of a whole `upgrade head` process: Node starts, opens the SQLite file with
// better-sqlite3 and executes the same DDL (compiled beforehand), one transaction per
// revision (mode `each`, the default) or one for all of them (`all`).
// argv: statementsJsonFile, databaseFile, [each|all]
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'

const [file, database, mode = 'each'] = process.argv.slice(2)
const revisions = JSON.parse(readFileSync(file, 'utf8'))
const db = new Database(database)
if (mode === 'all') db.exec('BEGIN')
for (const statements of revisions) {
  if (mode === 'each') db.exec('BEGIN')
  for (const statement of statements) db.prepare(statement.sql).run(...statement.parameters)
  if (mode === 'each') db.exec('COMMIT')
}
if (mode === 'all') db.exec('COMMIT')
db.close()
