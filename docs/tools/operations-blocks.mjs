// The generated parts of docs/operations.md: for each operation, the SQL each dialect
// compiles its TypeScript example to and the downgrade derived from it; and the table of
// what each portable column type becomes. Made from the built packages, so the page shows
// what the code does.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fencedBlocks, sections } from './markdown-sections.mjs'
import { ROOT } from './run-retort.mjs'

const dist = (pkg) => pathToFileURL(join(ROOT, 'packages', pkg, 'dist/index.js')).href
const core = await import(dist('core'))
const { SqliteCompiler } = await import(dist('dialect-sqlite'))
const { PostgresCompiler } = await import(dist('dialect-postgres'))
const { MysqlCompiler } = await import(dist('dialect-mysql'))

const DIALECTS = [
  ['SQLite', () => new SqliteCompiler()],
  ['PostgreSQL', () => new PostgresCompiler()],
  ['MySQL/MariaDB', () => new MysqlCompiler()],
]

/**
 * Runs a TypeScript example of the page (written as plain JavaScript statements on `op`)
 * and returns the operations it queued.
 *
 * @param {string} code
 */
export function runExample(code) {
  const op = new core.Operations({ dialect: 'docs', offline: true })
  new Function('op', code)(op)
  return op.takePending()
}

function statementText(statement) {
  const bound =
    statement.parameters.length === 0
      ? ''
      : `  -- bound: ${statement.parameters.map((p) => JSON.stringify(p)).join(', ')}`
  const sql = statement.sql.trim()
  // A marker statement (a rebuild, a restated column) is a comment: no terminator.
  const comment = sql.startsWith('--') || (sql.startsWith('/*') && sql.endsWith('*/'))
  const fallback =
    statement.rebuild !== undefined && !comment ? '  -- a table rebuild when SQLite refuses it' : ''
  return `${sql}${comment ? '' : ';'}${bound}${fallback}`
}

/** The SQL of the operations in each dialect, and their derived downgrade. */
function sqlBlock(operations) {
  const lines = ['```sql']
  for (const [name, compiler] of DIALECTS) {
    lines.push(`-- ${name}`)
    for (const operation of operations) {
      try {
        const statements = compiler().compile(operation)
        if (statements.length === 0) lines.push('-- (compiles to nothing)')
        for (const statement of statements) lines.push(statementText(statement))
      } catch (error) {
        lines.push(`-- refused: ${error.message}`)
      }
    }
  }
  // What a YAML revision without `downgrade:` runs: the same function derives it.
  try {
    const reversed = core.reverseOperations(operations).map((o) => core.describeOperation(o))
    lines.push(`-- derived downgrade: ${reversed.join(', then ')}`)
  } catch (error) {
    lines.push(`-- derived downgrade: none (${error.message})`)
  }
  lines.push('```')
  return lines.join('\n')
}

/** A Markdown table with its columns padded, as prettier writes it. */
function markdownTable(header, rows) {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)))
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** What each portable column type becomes in each dialect. */
function typesTable() {
  const op = new core.Operations({ dialect: 'docs', offline: true })
  const rows = core.COLUMN_TYPES.map((type) => [
    `\`${type}\``,
    ...DIALECTS.map(([, compiler]) => {
      const [statement] = compiler().compile(op.addColumn('t', op.column('c', type)))
      const match = /ADD COLUMN ["`]c["`] (.*?)(?: NULL)?$/.exec(statement.sql)
      if (match === null) throw new Error(`no type in '${statement.sql}'`)
      return `\`${match[1]}\``
    }),
  ])
  return markdownTable(['type', ...DIALECTS.map(([name]) => name)], rows)
}

/**
 * Every generated block of docs/operations.md, from its current text (the examples are
 * read from the page itself).
 *
 * @param {string} text
 */
export function operationsBlocks(text) {
  const blocks = { 'column-types': typesTable() }
  for (const { heading, body } of sections(text)) {
    if (!(heading in core.OPERATION_OPTION_KEYS)) continue
    const [example] = fencedBlocks(body, 'ts')
    if (example === undefined) throw new Error(`docs/operations.md: '${heading}' has no ts example`)
    blocks[`sql-${heading}`] = sqlBlock(runExample(example))
  }
  return blocks
}
