import type { Config } from '../config/config.js'
import {
  IncompleteMigrationError,
  RetortError,
  UnknownDatabaseRevisionError,
  UnreadableProgressError,
  type IncompleteMigrationDetails,
  type UnreadableProgressDetails,
} from '../errors.js'
import { InsideSquashError } from '../graph/squashes.js'
import type { RunResult } from '../runtime/migration-action.js'
import type { CommandOptions } from '../session/command-options.js'
import { loadRevisions } from '../session/load-revisions.js'
import { revisionInfo, type RevisionInfo } from '../session/revision-info.js'
import { runAction } from '../session/run-action.js'

/** Options of {@link current}. */
export interface CurrentOptions extends CommandOptions {
  /** Fail unless the database is at every head of the graph (a deploy or CI gate). */
  readonly checkHeads?: boolean | undefined
}

/** What {@link current} read of one database. */
export interface CurrentDatabase extends RunResult {
  /**
   * The rows of `heads` that the script directory knows, as revision objects, in the order
   * of `heads` (a row missing here is unknown to this script directory).
   */
  readonly revisions: readonly RevisionInfo[]
  /**
   * Rows that are replaced revisions of a squash revision whose other replaced revisions
   * are still to run (`retort upgrade` runs them), with the squash that replaces them.
   */
  readonly insideSquash?: readonly { readonly revision: string; readonly squash: string }[]
}

/** What {@link current} returns. */
export interface CurrentResult {
  /** The version rows: the revisions the database is at (`[]` for a new database). */
  readonly heads: readonly string[]
  /** The known rows as revision objects (of the last database, like `heads`). */
  readonly revisions: readonly RevisionInfo[]
  /** One entry per database the env module read. */
  readonly databases: readonly CurrentDatabase[]
  /**
   * A revision that stopped part-way outside a transaction (of the last database; see
   * each of `databases` for the others): `upgrade` and `downgrade` refuse until `stamp`
   * clears it.
   */
  readonly incomplete?: IncompleteMigrationDetails | undefined
  /**
   * A progress row that cannot be read (of the last database; see each of `databases`):
   * `upgrade` and `downgrade` refuse until `stamp` clears it.
   */
  readonly unreadableProgress?: UnreadableProgressDetails | undefined
}

/**
 * Reads the database's version rows, and the record of a revision that stopped part-way
 * if there is one: when its statement was running as the process stopped and it creates
 * or drops a table or index, whether that object exists says whether it completed (and
 * which `stamp` resolves it). Never creates the version table. With `checkHeads` a stopped
 * revision (or an unreadable progress record) fails the check.
 *
 * @example
 * ```ts
 * const { heads } = await current(config, { dialect })
 * if (heads.length === 0) console.log('new database')
 * ```
 */
export async function current(
  config: Config,
  options: CurrentOptions = {},
): Promise<CurrentResult> {
  const loaded = await loadRevisions(config, options)
  const squashes = loaded.squashes
  // A row at a squash's last replaced revision is at the squash revision.
  const databases = (await runAction(config, loaded, { kind: 'current' }, options)).map(
    (database): CurrentDatabase => {
      const heads =
        squashes === undefined || squashes.isEmpty
          ? database.heads
          : squashes.normalizeRows(database.heads)
      const inside = heads.flatMap((id) => {
        const place = squashes?.placeOf(id)
        return place === undefined ? [] : [{ revision: id, squash: place.squash }]
      })
      return {
        ...database,
        heads,
        revisions: heads
          .filter((id) => loaded.map.has(id))
          .map((id) => revisionInfo(loaded.map, loaded.map.get(id)!)),
        ...(inside.length > 0 ? { insideSquash: inside } : {}),
      }
    },
  )
  const last = databases[databases.length - 1]
  const rows = last?.heads ?? []
  if (options.checkHeads) {
    for (const database of databases) {
      if (database.unreadableProgress !== undefined) {
        throw new UnreadableProgressError(database.unreadableProgress)
      }
      if (database.incomplete !== undefined) throw new IncompleteMigrationError(database.incomplete)
      for (const row of database.heads) {
        const place = squashes?.placeOf(row)
        if (place !== undefined) {
          throw new InsideSquashError(
            row,
            place.squash,
            squashes!.remaining(row).missing,
            database.name,
          )
        }
      }
      const unknown = database.heads.filter((id) => !loaded.map.has(id))
      if (unknown.length > 0) throw new UnknownDatabaseRevisionError(unknown)
      const expected = loaded.map.effectiveHeads
      const at = new Set(database.heads)
      const missing = expected.filter((id) => !at.has(id))
      const extra = database.heads.filter((id) => !expected.includes(id))
      if (missing.length > 0 || extra.length > 0) {
        throw new RetortError(
          'not-at-head',
          `the database${database.name ? ` '${database.name}'` : ''} is at ${list(database.heads)} but the head${expected.length === 1 ? ' is' : 's are'} ${list(expected)}; run 'retort upgrade heads'`,
        )
      }
    }
  }
  return {
    heads: rows,
    revisions: last?.revisions ?? [],
    databases,
    ...(last?.incomplete ? { incomplete: last.incomplete } : {}),
    ...(last?.unreadableProgress ? { unreadableProgress: last.unreadableProgress } : {}),
  }
}

function list(ids: readonly string[]): string {
  return ids.length === 0 ? 'base' : ids.map((id) => `'${id}'`).join(', ')
}
