import type { Config } from '../config/config.js'
import type { CommandOptions } from '../session/command-options.js'
import { diffSchemas, type SchemaDiff } from '../autogenerate/diff-schemas.js'
import { loadRevisions, type LoadedRevisions } from '../session/load-revisions.js'
import { runSettings } from '../session/run-action.js'
import { visitDatabases } from '../session/visit-databases.js'
import { ConfigError } from '../errors.js'
import type { DeclaredSchema } from './define-schema.js'
import { declaredSchemaPath, ignorePatterns } from './declared-schema-config.js'
import { describeSchemaDifference, type SchemaDifference } from './describe-schema-difference.js'
import { withoutIgnored } from './ignore-patterns.js'
import { loadDeclaredSchema } from './load-declared-schema.js'
import { materializeDeclaredSchema } from './materialize-declared-schema.js'
import { preferDeclaredSpelling } from './prefer-declared-spelling.js'
import { applyRenameHints, parseRenameHint, type RenameHint } from './rename-hints.js'
import { replaySchema } from './replay-schema.js'
import type { SchemaCacheOptions } from './schema-cache.js'

/**
 * Options of {@link compareDeclaredSchemas} (and of `check` and `autogenerate` when a
 * declared schema is configured).
 *
 * @example
 * ```ts
 * const options: CompareDeclaredSchemaOptions = { renames: ['account.mail:email'], cache: false }
 * ```
 */
export interface CompareDeclaredSchemaOptions extends CommandOptions {
  /** The declared schema itself; default: the file named by the config's `schema`. */
  readonly declaredSchema?: DeclaredSchema | undefined
  /** Renames, as `--rename` takes them (`OLD:NEW`, `TABLE.OLD:NEW`) or parsed. */
  readonly renames?: readonly (string | RenameHint)[] | undefined
  /**
   * Where introspected schemas are cached (see `SchemaCacheOptions`); `false`: no cache.
   * Default: `node_modules/.cache/retort/schemas` near the config file.
   */
  readonly cache?: SchemaCacheOptions | false | undefined
}

/**
 * The comparison of the declared schema with the schema the revisions produce, for one
 * database target.
 *
 * @example
 * ```ts
 * const [comparison] = await compareDeclaredSchemas(config)
 * comparison.differences.map((d) => d.message)
 * ```
 */
export interface DeclaredSchemaComparison {
  /** The declared schema file; `undefined` when the schema was passed as a value. */
  readonly schemaPath: string | undefined
  /** The `databases:` name, when the env named one. */
  readonly database: string | undefined
  /** The dialect whose scratch databases were compared (`sqlite`, `postgresql`, `mysql`). */
  readonly dialect: string
  /**
   * The operations that turn the revisions' schema into the declared one (renames first,
   * columns in the declared spelling), and the differences they cannot express.
   */
  readonly diff: SchemaDiff
  /** Every difference, one sentence each (an operation or a note). Empty: they agree. */
  readonly differences: readonly SchemaDifference[]
  /** Which side came from the snapshot cache without opening a database. */
  readonly cached: { readonly revisions: boolean; readonly declared: boolean }
}

/**
 * Whether a declared schema takes part in `check` and `autogenerate`: one is passed, or
 * the config names one (`schema:`).
 *
 * @example
 * ```ts
 * if (declaredSchemaConfigured(config, options)) await compareDeclaredSchemas(config, options)
 * ```
 */
export function declaredSchemaConfigured(
  config: Config,
  options: CompareDeclaredSchemaOptions = {},
): boolean {
  return options.declaredSchema !== undefined || declaredSchemaPath(config) !== undefined
}

/**
 * Compares the declared schema with what the revisions produce, without the user's
 * database: for each database the env hands over (the caller's `dialect`, the env module's,
 * or the config's `url`), the revisions are replayed on a scratch database of that kind and
 * the declared schema is created on another (see `replaySchema`,
 * `materializeDeclaredSchema`; both cached), both are introspected, the config's `ignore`
 * patterns are applied to both, the `renames` are applied, and the two are compared with
 * `diffSchemas`. The user's database is never opened.
 *
 * @example
 * ```ts
 * for (const comparison of await compareDeclaredSchemas(config)) {
 *   if (comparison.differences.length > 0) console.log(comparison.differences)
 * }
 * ```
 */
export async function compareDeclaredSchemas(
  config: Config,
  options: CompareDeclaredSchemaOptions = {},
  loaded?: LoadedRevisions,
): Promise<DeclaredSchemaComparison[]> {
  const revisions = loaded ?? (await loadRevisions(config, options))
  const hints = (options.renames ?? []).map((hint) =>
    typeof hint === 'string' ? parseRenameHint(hint) : hint,
  )
  const comparisons: DeclaredSchemaComparison[] = []
  await visitDatabases(config, revisions, options, false, async (dialect, runOptions) => {
    const target = runOptions.name === undefined ? config : config.forDatabase(runOptions.name)
    const schemaPath = options.declaredSchema === undefined ? declaredSchemaPath(target) : undefined
    if (options.declaredSchema === undefined && schemaPath === undefined) return
    const schema = options.declaredSchema ?? (await loadDeclaredSchema(schemaPath!))
    const cache =
      options.cache === false ? false : { near: config.directory, ...(options.cache ?? {}) }
    const versionTable = runSettings(target, runOptions, options).versionTable.name
    const replayed = await replaySchema(dialect, revisions, { versionTable, cache })
    const declared = await materializeDeclaredSchema(dialect, schema, { cache })
    const ignore = ignorePatterns(target)
    const source = withoutIgnored(replayed.snapshot, ignore)
    const wanted = withoutIgnored(declared.snapshot, ignore)
    const renamed = applyRenameHints(source, wanted, hints)
    const diff = diffSchemas(renamed.source, wanted)
    const differences = [
      ...renamed.operations.map(describeSchemaDifference),
      ...diff.operations.map(describeSchemaDifference),
      ...diff.notes.map((message) => Object.freeze({ message })),
    ]
    comparisons.push(
      Object.freeze({
        schemaPath,
        database: runOptions.name,
        dialect: dialect.name,
        diff: Object.freeze({
          operations: Object.freeze(
            preferDeclaredSpelling([...renamed.operations, ...diff.operations], schema),
          ),
          notes: diff.notes,
        }),
        differences: Object.freeze(differences),
        cached: Object.freeze({ revisions: replayed.cached, declared: declared.cached }),
      }),
    )
  })
  return comparisons
}

/**
 * {@link compareDeclaredSchemas} for a command that writes one revision: exactly one
 * database must have a declared schema (select one with `-n NAME` otherwise).
 *
 * @example
 * ```ts
 * const { diff } = await compareDeclaredSchema(config, { renames: ['item:product'] })
 * ```
 */
export async function compareDeclaredSchema(
  config: Config,
  options: CompareDeclaredSchemaOptions = {},
  loaded?: LoadedRevisions,
): Promise<DeclaredSchemaComparison> {
  const comparisons = await compareDeclaredSchemas(config, options, loaded)
  if (comparisons.length !== 1) {
    throw new ConfigError(
      comparisons.length === 0
        ? `no declared schema: set 'schema' in ${config.path ?? 'the config'} to the schema file (schema: src/db/schema.ts)`
        : `the env module migrates ${comparisons.length} databases with a declared schema; select one with '-n NAME' (or an -x argument your env module reads)`,
    )
  }
  return comparisons[0]!
}
