import type { Config } from '../config/config.js'
import type { CommandOptions } from '../session/command-options.js'
import { databaseConfigured } from '../session/database-configured.js'
import { loadRevisions } from '../session/load-revisions.js'
import { runSettings } from '../session/run-action.js'
import { visitDatabases } from '../session/visit-databases.js'
import { runOnline } from '../runtime/run-online.js'
import { ignorePatterns } from '../schema/declared-schema-config.js'
import { compareLiveSchema, type DriftObject } from '../schema/schema-drift.js'
import { ConfigError } from '../errors.js'
import { provideUnbundled } from '../script/import-unbundled.js'
import { InsideSquashError } from '../graph/squashes.js'
import { nearestName } from '../operations/nearest-name.js'
import { appendLedger, readLedger, RETORT_VERSION } from '../runtime/ledger-table.js'
import { appliedByOf, ledgerTableOf, verifyLedger } from '../session/verify-ledger.js'
import {
  compareDeclaredSchemas,
  declaredSchemaConfigured,
  type CompareDeclaredSchemaOptions,
  type DeclaredSchemaComparison,
} from '../schema/compare-declared-schema.js'

/** Options of {@link check}. */
export interface CheckOptions extends CommandOptions, CompareDeclaredSchemaOptions {
  /**
   * Read the database and report revisions it has not applied. Default: when a database
   * is configured (a dialect, an env module or a `url`).
   */
  readonly database?: boolean | undefined
  /**
   * Compare the declared schema with the schema the revisions produce. Default: when one
   * is configured (`schema:` in the config, or `declaredSchema`).
   */
  readonly schema?: boolean | undefined
  /**
   * Compare the live schema of each database with the schema its applied revisions produce
   * (replayed on a scratch database). Default: with `database`.
   */
  readonly drift?: boolean | undefined
  /**
   * Applied revisions whose edit is known and accepted: their new checksum is recorded in
   * the ledger (an `accepted` row) and they are not reported as changed.
   */
  readonly allowChanged?: readonly string[] | undefined
}

/** One thing {@link check} found wrong. */
export interface CheckProblem {
  /**
   * `body` (a revision file fails to load), `heads` (several heads), `pending`,
   * `unknown-rows`, `schema` (the declared schema and the revisions' schema differ: one
   * problem per difference), `drift` (the live database differs from the schema its
   * applied revisions produce: one problem per difference, with `object` and `change`),
   * `changed` (an applied revision's file changed since it ran: `revision`, `checksum`),
   * `missing-file` (the ledger says a revision is applied and it has no file: `revision`),
   * `inside-squash` (the database is at a replaced revision before the last one of a squash:
   * `revision`; upgrade finishes it, from the replaced files).
   */
  readonly kind:
    | 'body'
    | 'heads'
    | 'pending'
    | 'unknown-rows'
    | 'schema'
    | 'drift'
    | 'changed'
    | 'missing-file'
    | 'inside-squash'
  readonly message: string
  /** The revision concerned, for `body`. */
  readonly revision?: string | undefined
  /** The database concerned, when the env named one. */
  readonly database?: string | undefined
  /** The database object concerned, for `drift`. */
  readonly object?: DriftObject | undefined
  /** For `drift`: in the database only (`extra`), in the revisions only (`missing`), or `differs`. */
  readonly change?: 'extra' | 'missing' | 'differs' | undefined
  /** For `changed`: the checksum recorded in the ledger when it ran, and the file's now. */
  readonly checksum?: { readonly recorded: string; readonly current: string } | undefined
}

/** The state of one database, as {@link check} read it. */
export interface CheckedDatabase {
  readonly name: string | undefined
  /** Its version rows. */
  readonly heads: readonly string[]
  /** Revisions of the graph it has not applied, in upgrade order. */
  readonly pending: readonly string[]
  /** Revisions whose changed checksum `allowChanged` recorded in the ledger. */
  readonly accepted: readonly string[]
}

/** What {@link check} returns. */
export interface CheckResult {
  /** `true` when there is no problem. */
  readonly ok: boolean
  readonly revisions: number
  /** The heads of the graph (dependencies resolved). */
  readonly heads: readonly string[]
  readonly problems: readonly CheckProblem[]
  /** Empty when no database was read. */
  readonly databases: readonly CheckedDatabase[]
  /** The comparisons with the declared schema; empty when none is configured. */
  readonly schemas: readonly DeclaredSchemaComparison[]
}

/**
 * A CI or deploy gate that runs nothing on the user's database: every revision body loads
 * (imports compile, the exports match the header and misspell no revision key, an `upgrade`
 * is exported, YAML operations, their options and columns are valid and reversible), the
 * graph has a single head, when a database is configured it has every revision applied (no
 * pending revisions, no unknown rows), and when a declared schema is configured the
 * revisions produce exactly that schema (compared on scratch databases, see
 * `compareDeclaredSchemas`: "the model changed and no revision was written"). Returns the
 * problems rather than stopping at the first; a header that cannot be read (a misspelt key,
 * a missing `downRevision`) stops it, as it stops every command.
 *
 * @example
 * ```ts
 * const result = await check(config)
 * if (!result.ok) for (const p of result.problems) console.error(p.message)
 * ```
 */
export async function check(config: Config, options: CheckOptions = {}): Promise<CheckResult> {
  const loaded = await loadRevisions(config, options)
  const { map, source } = loaded
  const problems: CheckProblem[] = []
  const allowChanged = new Set(options.allowChanged ?? [])
  for (const id of allowChanged) {
    if (!map.has(id)) {
      const near = nearestName(id, map.topologicalOrder)
      throw new ConfigError(
        `--allow-changed '${id}' is not a revision of this script directory${near === undefined ? '' : `; did you mean '${near}'?`}`,
      )
    }
  }
  for (const revision of source.revisions) {
    try {
      await source.load(revision)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      problems.push({ kind: 'body', revision: revision.id, message: reason })
    }
  }
  const heads = map.effectiveHeads
  if (heads.length > 1) {
    problems.push({
      kind: 'heads',
      message: `the revision graph has ${heads.length} heads (${heads.map((h) => `'${h}'`).join(', ')}); merge them with 'retort merge -m "merge" heads'`,
    })
  }
  const databases: CheckedDatabase[] = []
  const bodiesLoad = !problems.some((p) => p.kind === 'body')
  if (options.database ?? databaseConfigured(config, loaded, options)) {
    await visitDatabases(config, loaded, options, false, async (dialect, runOptions) => {
      const settings = runSettings(config, runOptions, options)
      const read = await runOnline(
        dialect,
        source,
        map,
        { kind: 'current' },
        settings,
        runOptions.name,
      )
      // A row at a squash's last replaced revision is at the squash revision.
      const squashes = loaded.squashes
      const database =
        squashes === undefined || squashes.isEmpty
          ? read
          : { ...read, heads: squashes.normalizeRows(read.heads) }
      const inside = database.heads.filter((id) => squashes?.placeOf(id) !== undefined)
      for (const row of inside) {
        const { squash, missing } = squashes!.remaining(row)
        problems.push({
          kind: 'inside-squash',
          database: database.name,
          revision: row,
          message: new InsideSquashError(row, squash, missing, database.name).message,
        })
      }
      const unknown = database.heads.filter((id) => !map.has(id) && !inside.includes(id))
      const applied = map.ancestors(database.heads.filter((id) => map.has(id)))
      const pending = map.topologicalOrder.filter((id) => !applied.has(id))
      const where = database.name === undefined ? 'the database' : `the database '${database.name}'`
      if (unknown.length > 0) {
        problems.push({
          kind: 'unknown-rows',
          database: database.name,
          message: `${where} is at ${unknown.map((u) => `'${u}'`).join(', ')}, unknown to this script directory; update the revisions, or 'stamp --purge' if the ids are wrong`,
        })
      } else if (pending.length > 0 && inside.length === 0) {
        problems.push({
          kind: 'pending',
          database: database.name,
          message: `${where} has ${pending.length} pending revision${pending.length === 1 ? '' : 's'} (${pending
            .slice(0, 5)
            .map((p) => `'${p}'`)
            .join(', ')}${pending.length > 5 ? ', ...' : ''}); run 'retort upgrade heads'`,
        })
      }
      const ledgerTable = ledgerTableOf(
        runOptions.name === undefined ? config : config.forDatabase(runOptions.name),
        settings.versionTable,
      )
      const ledger = verifyLedger(
        await readLedger(dialect, ledgerTable),
        map,
        source,
        database.heads,
        squashes?.replaced,
      )
      const accepted = ledger.changed.filter((c) => allowChanged.has(c.revision))
      if (accepted.length > 0) {
        const appliedBy = appliedByOf(config)
        await appendLedger(
          dialect,
          ledgerTable,
          accepted.map((c) => ({
            revision: c.revision,
            direction: 'up' as const,
            checksum: c.current,
            outcome: 'accepted' as const,
            ranAt: new Date().toISOString(),
            durationMs: 0,
            retortVersion: RETORT_VERSION,
            appliedBy,
            note: `edit accepted by check --allow-changed (was ${c.recorded})`,
          })),
        )
      }
      for (const c of ledger.changed) {
        if (allowChanged.has(c.revision)) continue
        problems.push({
          kind: 'changed',
          database: database.name,
          revision: c.revision,
          checksum: { recorded: c.recorded, current: c.current },
          message: `revision '${c.revision}' was changed after it ran on ${where} (checksum ${c.recorded} when it ran, ${c.current} now); restore the file, or accept the edit with 'retort check --allow-changed ${c.revision}'`,
        })
      }
      for (const id of ledger.missing) {
        problems.push({
          kind: 'missing-file',
          database: database.name,
          revision: id,
          message: `revision '${id}' is applied on ${where} (says the ledger '${ledgerTable.name}') but its file is missing; restore it from version control`,
        })
      }
      databases.push({
        name: database.name,
        heads: database.heads,
        pending,
        accepted: accepted.map((c) => c.revision),
      })
      // Drift needs a known state to replay: every row known, no revision stopped part-way.
      if (
        (options.drift ?? true) &&
        bodiesLoad &&
        unknown.length === 0 &&
        inside.length === 0 &&
        database.incomplete === undefined
      ) {
        const target = runOptions.name === undefined ? config : config.forDatabase(runOptions.name)
        const cache =
          options.cache === false ? false : { near: config.directory, ...(options.cache ?? {}) }
        const drift = await compareLiveSchema(dialect, loaded, {
          heads: database.heads,
          versionTable: settings.versionTable,
          ledgerTable,
          schema: runOptions.schema,
          ignore: ignorePatterns(target),
          cache,
        })
        for (const finding of drift) {
          problems.push({
            kind: 'drift',
            database: database.name,
            object: finding.object,
            change: finding.change,
            message: finding.message,
          })
        }
      }
    })
  }
  const schemas: DeclaredSchemaComparison[] = []
  if ((options.schema ?? declaredSchemaConfigured(config, options)) && bodiesLoad) {
    for (const comparison of await compareDeclaredSchemas(config, options, loaded)) {
      for (const difference of comparison.differences) {
        problems.push({
          kind: 'schema',
          database: comparison.database,
          message: difference.message,
        })
      }
      schemas.push(comparison)
    }
  }
  return { ok: problems.length === 0, revisions: map.size, heads, problems, databases, schemas }
}

// A bundle that carries this module uses it for Migrator.check: see importUnbundled.
provideUnbundled('../commands/check.js', () => ({ check }))
