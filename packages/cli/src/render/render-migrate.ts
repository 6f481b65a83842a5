import { printableText, type MigrateResult } from '@retort/core/cli'
import type { CliContext } from '../cli-context.js'

/**
 * Prints what `upgrade`, `downgrade` or `stamp` did: the JSON document
 * `{ applied, heads }` (plus `sql` offline, and `databases` when the env migrated several),
 * the SQL script with `--sql`, or a summary line per database (the revisions themselves are
 * logged on stderr as they run).
 *
 * @example
 * ```ts
 * renderMigrate(ctx, 'upgrade', result)
 * ```
 */
export function renderMigrate(
  ctx: CliContext,
  verb: 'upgrade' | 'downgrade' | 'stamp',
  result: MigrateResult,
): void {
  if (ctx.json) {
    ctx.printJson({
      applied: result.applied,
      heads: result.heads,
      ...(result.sql === undefined ? {} : { sql: result.sql }),
      ...(result.databases.length > 1
        ? {
            databases: result.databases.map((d) => ({
              name: d.name ?? null,
              applied: d.applied,
              heads: d.heads,
            })),
          }
        : {}),
    })
    return
  }
  if (result.sql !== undefined) {
    ctx.io.stdout.write(result.sql.endsWith('\n') ? result.sql : `${result.sql}\n`)
    return
  }
  const c = ctx.colors
  for (const database of result.databases) {
    const prefix =
      result.databases.length > 1 || database.name !== undefined
        ? `${c.bold(printableText(database.name ?? 'database'))}: `
        : ''
    // Version rows are read from the database, where anything may have been written.
    const at = database.heads.length === 0 ? 'base' : printableText(database.heads.join(', '))
    if (verb === 'stamp') {
      ctx.out(`${prefix}stamped; the database is at ${c.bold(at)}`)
    } else if (database.applied.length === 0) {
      ctx.out(`${prefix}nothing to ${verb}; the database is at ${c.bold(at)}`)
    } else {
      const total = database.applied.reduce((sum, step) => sum + step.ms, 0)
      const n = database.applied.length
      ctx.out(
        `${prefix}${verb === 'upgrade' ? 'upgraded' : 'downgraded'} ${n} revision${n === 1 ? '' : 's'} in ${formatMs(total)}; the database is at ${c.bold(at)}`,
      )
    }
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`
}
