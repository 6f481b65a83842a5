import type { Config } from '../config/config.js'
import type { Dialect } from '../dialect.js'
import { ConfigError, IncompleteMigrationError, RetortError } from '../errors.js'
import type { RunMigrationsOptions } from '../env/env-context.js'
import { silentLogger } from '../env/logger.js'
import { ledgerTableFor } from '../runtime/ledger-record.js'
import { progressTableFor } from '../runtime/progress-table.js'
import { runOnline } from '../runtime/run-online.js'
import { diffSchemas, type SchemaDiff } from './diff-schemas.js'
import { loadRevisions, type LoadedRevisions } from '../session/load-revisions.js'
import { revision, type RevisionOptions } from '../authoring/revision.js'
import { runSettings } from '../session/run-action.js'
import { readSchemaSnapshot } from './schema-snapshot.js'
import { visitDatabases } from '../session/visit-databases.js'
import {
  compareDeclaredSchema,
  declaredSchemaConfigured,
  type CompareDeclaredSchemaOptions,
} from '../schema/compare-declared-schema.js'
import type { RevisionResult } from '../authoring/write-revision.js'
import type { CommandOptions } from '../session/command-options.js'

/**
 * Options of {@link autogenerate}: those of `revision`, and for a declared schema the
 * renames and the snapshot cache (see {@link CompareDeclaredSchemaOptions}).
 *
 * @example
 * ```ts
 * const options: AutogenerateOptions = { message: 'rename mail', renames: ['account.mail:email'] }
 * ```
 */
export interface AutogenerateOptions extends RevisionOptions, CompareDeclaredSchemaOptions {}

/** What {@link autogenerate} returns: the new revision, and what the comparison found. */
export interface AutogenerateResult extends RevisionResult {
  /** The operations written into `upgrade`, and the differences left to do by hand. */
  readonly diff: SchemaDiff
}

/**
 * The differences between the configured database (the target: a development database
 * changed by hand or by a tool) and what the revisions produce (the source), as the
 * operations that turn the source into the target. The source is an empty scratch database
 * of the same dialect (`Dialect.createScratch()`) upgraded to the heads, then disposed of.
 * The version table and its progress table are left out.
 *
 * Refuses when the configured database is not at the heads of the graph (it would report
 * the pending revisions as differences), when a revision stopped part-way there, when the
 * env module hands over several databases, and when the dialect cannot make a scratch
 * database.
 *
 * @example
 * ```ts
 * const diff = await compareDatabaseWithRevisions(config, { dialect })
 * diff.operations.map((o) => o.kind) // ['createTable', 'addColumn']
 * ```
 */
export async function compareDatabaseWithRevisions(
  config: Config,
  options: CommandOptions = {},
  loaded?: LoadedRevisions,
): Promise<SchemaDiff> {
  const revisions = loaded ?? (await loadRevisions(config, options))
  let diff: SchemaDiff | undefined
  await visitDatabases(config, revisions, options, false, async (dialect, runOptions) => {
    if (diff !== undefined) {
      throw new ConfigError(
        "autogenerate compares one database, but the env module migrates several; select one with '-n NAME' (or an -x argument your env module reads)",
      )
    }
    diff = await compareOne(config, revisions, options, dialect, runOptions)
  })
  return diff!
}

/**
 * `retort revision --autogenerate`: compares the declared schema when the config names one
 * (`schema:`; see `compareDeclaredSchema`, which needs no live database), else the
 * configured database ({@link compareDatabaseWithRevisions}), with the revisions, and writes a new revision whose `upgrade` makes the
 * differences and whose `downgrade` undoes them (a YAML file derives it). Differences it
 * cannot write are comments at the top of `upgrade` (and in `diff.notes`). Writes nothing
 * when there are no differences (an error says so).
 *
 * @example
 * ```ts
 * const { path, diff } = await autogenerate(config, { message: 'add invoice', dialect })
 * ```
 */
export async function autogenerate(
  config: Config,
  options: AutogenerateOptions = {},
): Promise<AutogenerateResult> {
  const loaded = await loadRevisions(config, options)
  const declared = declaredSchemaConfigured(config, options)
  if (!declared && (options.renames ?? []).length > 0) {
    throw new ConfigError(
      "rename hints apply to a comparison with a declared schema; set 'schema' in the config to the schema file",
    )
  }
  const diff = declared
    ? (await compareDeclaredSchema(config, options, loaded)).diff
    : await compareDatabaseWithRevisions(config, options, loaded)
  if (diff.operations.length === 0 && diff.notes.length === 0) {
    throw new RetortError(
      'nothing-to-autogenerate',
      declared
        ? 'the declared schema matches the revisions; nothing to autogenerate'
        : 'the database matches the revisions; nothing to autogenerate',
    )
  }
  const result = await revision(config, {
    ...options,
    // The revisions read above: the directory is read once per command.
    revisions: loaded,
    operations: diff.operations,
    notes: diff.notes,
  })
  return { ...result, diff }
}

async function compareOne(
  config: Config,
  loaded: LoadedRevisions,
  options: CommandOptions,
  dialect: Dialect,
  runOptions: RunMigrationsOptions,
): Promise<SchemaDiff> {
  const settings = runSettings(config, runOptions, options)
  const versionTable = settings.versionTable
  const exclude = [
    versionTable.name,
    progressTableFor(versionTable).name,
    (settings.ledger?.table ?? ledgerTableFor(versionTable)).name,
  ]
  const state = await runOnline(dialect, loaded.source, loaded.map, { kind: 'current' }, settings)
  if (state.incomplete !== undefined) throw new IncompleteMigrationError(state.incomplete)
  const heads = loaded.map.effectiveHeads
  const at = new Set(state.heads)
  if (state.heads.length !== heads.length || heads.some((id) => !at.has(id))) {
    throw new RetortError(
      'not-at-head',
      `the database is at ${list(state.heads)} but the head${heads.length === 1 ? ' is' : 's are'} ${list(heads)}; run 'retort upgrade heads' first`,
    )
  }
  if (dialect.createScratch === undefined) {
    throw new ConfigError(
      `the ${dialect.name} dialect cannot make a scratch database (it has no createScratch()), so --autogenerate cannot compare; write the revision by hand`,
    )
  }
  const target = await readSchemaSnapshot(dialect, { schema: runOptions.schema, exclude })
  const scratch = await dialect.createScratch()
  try {
    await runOnline(
      scratch.dialect,
      loaded.source,
      loaded.map,
      { kind: 'upgrade', target: 'heads' },
      {
        ...settings,
        versionTable: { name: versionTable.name, schema: scratch.schema },
        // The scratch database is an implementation detail: its upgrade is not reported.
        logger: silentLogger,
        onEvent: undefined,
        ledger: undefined,
      },
    )
    const source = await readSchemaSnapshot(scratch.dialect, { schema: scratch.schema, exclude })
    return diffSchemas(source, target)
  } finally {
    await scratch.dispose()
  }
}

function list(ids: readonly string[]): string {
  return ids.length === 0 ? 'base' : ids.map((id) => `'${id}'`).join(', ')
}
