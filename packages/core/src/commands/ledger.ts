import type { Config } from '../config/config.js'
import type { LedgerRecord } from '../runtime/ledger-record.js'
import { appendLedger, readLedger, RETORT_VERSION } from '../runtime/ledger-table.js'
import { runOnline } from '../runtime/run-online.js'
import { sourceChecksum } from '../schema/revision-checksum.js'
import { displayName } from '../runtime/version-table.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { runSettings } from '../session/run-action.js'
import { appliedByOf, ledgerState, ledgerTableOf } from '../session/verify-ledger.js'
import { visitDatabases } from '../session/visit-databases.js'

/** Options of {@link ledger}. */
export interface LedgerOptions extends CommandOptions {
  /**
   * Record the checksum of every applied revision the ledger has no row for (a database
   * migrated before the ledger existed, or stamped), as `adopted` rows, so that `check`
   * can tell from now on when their files change.
   */
  readonly adopt?: boolean | undefined
}

/** The ledger of one database, as {@link ledger} read it. */
export interface DatabaseLedger {
  /** The `databases:` name, when the env named one. */
  readonly name: string | undefined
  /** The ledger table (`retort_version_ledger`, schema-qualified when it has one). */
  readonly table: string
  /** Every row, oldest first (after adopting). */
  readonly rows: readonly LedgerRecord[]
  /** The revisions `adopt` recorded, in upgrade order. */
  readonly adopted: readonly string[]
}

/**
 * Reads the ledger of each database the command reaches (none is created by reading);
 * with `adopt`, first records the current checksum of every revision the database has
 * applied (the ancestors of its version rows) that the ledger does not know, in one
 * transaction.
 *
 * @example
 * ```ts
 * const [main] = await ledger(config, { adopt: true })
 * main.adopted // ['1f0c2a9b7d10', '2a7e4c1d9f32']
 * ```
 */
export async function ledger(
  config: Config,
  options: LedgerOptions = {},
): Promise<DatabaseLedger[]> {
  const loaded = await loadRevisions(config, options)
  const { map, source } = loaded
  const results: DatabaseLedger[] = []
  await visitDatabases(config, loaded, options, false, async (dialect, runOptions) => {
    const target = runOptions.name === undefined ? config : config.forDatabase(runOptions.name)
    const settings = runSettings(config, runOptions, options)
    const table = ledgerTableOf(target, settings.versionTable)
    let rows = await readLedger(dialect, table)
    const adopted: string[] = []
    if (options.adopt === true) {
      const state = await runOnline(dialect, source, map, { kind: 'current' }, settings)
      const known = ledgerState(rows)
      const applied = map.ancestors(state.heads.filter((id) => map.has(id)))
      const appliedBy = appliedByOf(target)
      const entries = map.topologicalOrder
        .filter((id) => applied.has(id) && !known.has(id))
        .map((id) => {
          adopted.push(id)
          return {
            revision: id,
            direction: 'up' as const,
            checksum: sourceChecksum(source, map.get(id)!) ?? null,
            outcome: 'adopted' as const,
            ranAt: new Date().toISOString(),
            durationMs: 0,
            retortVersion: RETORT_VERSION,
            appliedBy,
            note: 'applied before the ledger recorded it; checksum of the file as adopted',
          }
        })
      await appendLedger(dialect, table, entries)
      if (entries.length > 0) rows = await readLedger(dialect, table)
    }
    results.push(
      Object.freeze({
        name: runOptions.name,
        table: displayName(table),
        rows: Object.freeze(rows),
        adopted: Object.freeze(adopted),
      }),
    )
  })
  return results
}
