// The floor of a whole `upgrade head` process: Node starts, opens the SQLite file with
// better-sqlite3 and executes the same DDL (compiled beforehand), one transaction per
// revision. argv: statementsJsonFile, databaseFile
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'

const [file, database] = process.argv.slice(2)
const revisions = JSON.parse(readFileSync(file, 'utf8'))
const db = new Database(database)
for (const statements of revisions) {
  db.exec('BEGIN')
  for (const statement of statements) db.prepare(statement.sql).run(...statement.parameters)
  db.exec('COMMIT')
}
db.close()
