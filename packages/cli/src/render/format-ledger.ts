import { printableText, type DatabaseLedger } from '@retort/core/cli'
import type { Colors } from '../colors.js'

/**
 * The ledger of each database as lines, oldest row first: when, direction, revision,
 * outcome, duration, checksum (shortened), Retort version, who, and the note.
 *
 * @example
 * ```ts
 * ctx.out(...formatLedgers(await ledger(config), ctx.colors))
 * ```
 */
export function formatLedgers(ledgers: readonly DatabaseLedger[], c: Colors): string[] {
  const lines: string[] = []
  for (const database of ledgers) {
    const title = `ledger ${printableText(database.table)}${database.name ? ` (${printableText(database.name)})` : ''}`
    lines.push(c.bold(title))
    if (database.rows.length === 0) {
      lines.push(
        c.dim(
          "  no rows yet: the next upgrade writes them; 'retort ledger --adopt' records what is applied",
        ),
      )
      continue
    }
    for (const row of database.rows) {
      const outcome =
        row.outcome === 'failed'
          ? c.red(row.outcome.padEnd(8))
          : row.outcome === 'applied'
            ? c.green(row.outcome.padEnd(8))
            : c.yellow(row.outcome.padEnd(8))
      const checksum = row.checksum === null ? '-' : `${row.checksum.slice(0, 19)}…`
      const by = row.appliedBy === null ? '' : `  by ${printableText(row.appliedBy)}`
      const note = row.note === null ? '' : c.dim(`  ${printableText(row.note)}`)
      lines.push(
        `  ${c.dim(row.ranAt)}  ${row.direction.padEnd(4)} ${c.yellow(printableText(row.revision))}  ${outcome} ${`${row.durationMs} ms`.padStart(8)}  ${checksum}  retort ${printableText(row.retortVersion)}${by}${note}`,
      )
    }
  }
  return lines
}
