import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError } from '../errors.js'
import { compareDeclaredSchemas } from '../schema/compare-declared-schema.js'
import { declaredSchemaPath, ignorePatterns } from '../schema/declared-schema-config.js'
import type { DeclaredSchema } from '../schema/define-schema.js'
import { withoutIgnored } from '../schema/ignore-patterns.js'
import { loadDeclaredSchema } from '../schema/load-declared-schema.js'
import { replaySchema } from '../schema/replay-schema.js'
import { scratchDialect } from '../schema/scratch-database.js'
import { compareSnapshots, type SchemaObjectChange } from './compare-snapshots.js'
import { HarnessError, type HarnessCheckResult, type HarnessFinding } from './harness-error.js'
import { prepareHarness, type HarnessOptions, type PreparedHarness } from './harness-options.js'
import {
  formatSchemaSnapshotFile,
  parseSchemaSnapshotFile,
  snapshotFileName,
} from './schema-snapshot-file.js'

/**
 * What the schema the revisions make is compared with:
 * - `{ snapshotFile }`: a snapshot file the harness wrote (`update: true` rewrites it from
 *   the revisions instead of comparing; review the change in git). A relative path is
 *   relative to the config file's directory;
 * - `{ declaredSchema }`: a declared schema (a `defineSchema` value, or its file): passes
 *   when autogenerate would find nothing to do;
 * - `'declared'`: the declared schema the config names (`schema:`).
 *
 * @example
 * ```ts
 * const expected: ExpectedSchema = { snapshotFile: new URL('../retort-schema.sqlite.json', import.meta.url) }
 * ```
 */
export type ExpectedSchema =
  | { readonly snapshotFile: string | URL; readonly update?: boolean | undefined }
  | { readonly declaredSchema: DeclaredSchema | string | URL }
  | 'declared'

/**
 * Compares the schema the revisions make with `expected` (see {@link schemaMatches});
 * returns the result instead of throwing.
 *
 * @example
 * ```ts
 * const result = await runSchemaMatches({ snapshotFile: 'retort-schema.sqlite.json', update: true }, { config })
 * result.updated // true when the file changed
 * ```
 */
export async function runSchemaMatches(
  expected: ExpectedSchema,
  options: HarnessOptions,
): Promise<HarnessCheckResult> {
  return schemaMatchesOf(expected, await prepareHarness(options))
}

/**
 * Upgrades a scratch database from base to every head (SQLite in memory by default; with
 * `url` a scratch schema or database dropped afterwards), introspects it, leaves out what
 * the config's `ignore` patterns name, and compares it with `expected`: a snapshot file
 * written by the harness (every table, column, index and constraint alike), or a declared
 * schema (autogenerate finds nothing to do). Throws {@link HarnessError} naming each
 * difference when they differ. With `{ snapshotFile, update: true }` it writes the file
 * instead (when it changed) and passes.
 *
 * @example
 * ```ts
 * import { test } from '@jest/globals'
 * import { schemaMatches } from '@retort/core/testing'
 *
 * const config = new URL('../retort.yaml', import.meta.url)
 * test('the revisions make the reviewed schema', () =>
 *   schemaMatches({ snapshotFile: 'retort-schema.sqlite.json', update: process.env.UPDATE === '1' }, { config }))
 * test('no revision is missing', () => schemaMatches('declared', { config }))
 * ```
 */
export async function schemaMatches(
  expected: ExpectedSchema,
  options: HarnessOptions,
): Promise<void> {
  const result = await runSchemaMatches(expected, options)
  if (!result.ok) throw new HarnessError(result)
}

/**
 * {@link runSchemaMatches} on an already prepared harness.
 *
 * @example
 * ```ts
 * const result = await schemaMatchesOf('declared', await prepareHarness({ config }))
 * ```
 */
export async function schemaMatchesOf(
  expected: ExpectedSchema,
  prepared: PreparedHarness,
): Promise<HarnessCheckResult> {
  const dialect = await scratchDialect(prepared.from, {
    baseDir: prepared.config.directory,
    resolveDialect: prepared.resolveDialect,
  })
  const result =
    typeof expected === 'object' && 'snapshotFile' in expected
      ? await againstSnapshot(expected.snapshotFile, expected.update === true, prepared, dialect)
      : await againstDeclared(expected, prepared, dialect)
  prepared.onProgress({ check: 'schema', index: 1, total: 1, findings: result.findings })
  return result
}

/**
 * The default snapshot file of a harness: `retort-schema.<dialect>.json` next to the config
 * file (or the script directory).
 *
 * @example
 * ```ts
 * defaultSnapshotFile(prepared, 'sqlite') // '/app/retort-schema.sqlite.json'
 * ```
 */
export function defaultSnapshotFile(prepared: PreparedHarness, dialect: string): string {
  const directory = prepared.config.directory ?? dirname(prepared.config.scriptLocation)
  return resolve(directory, snapshotFileName(dialect))
}

async function againstSnapshot(
  file: string | URL,
  update: boolean,
  prepared: PreparedHarness,
  dialect: Awaited<ReturnType<typeof scratchDialect>>,
): Promise<HarnessCheckResult> {
  const path = snapshotPath(file, prepared)
  const shown = shownPath(path, prepared)
  const replayed = await replaySchema(dialect, prepared.loaded, {
    versionTable: prepared.versionTable,
    cache: false,
  })
  const actual = withoutIgnored(replayed.snapshot, ignorePatterns(prepared.config))
  const heads = prepared.loaded.map.heads
  const base = { check: 'schema' as const, dialect: dialect.name, snapshotFile: path }
  if (update) {
    const text = formatSchemaSnapshotFile({ dialect: dialect.name, heads, snapshot: actual })
    const old = readText(path)
    if (old !== text) {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
    }
    return Object.freeze({
      ...base,
      ok: true,
      findings: Object.freeze([]),
      updated: old !== text,
      summary: `${old === undefined ? 'wrote' : old === text ? 'kept' : 'rewrote'} the snapshot '${shown}' (${actual.tables.length} table${actual.tables.length === 1 ? '' : 's'}, ${dialect.name})`,
    })
  }
  const text = readText(path)
  if (text === undefined) {
    return failed(base, `snapshot '${shown}' does not exist`, [
      `the schema snapshot file '${shown}' does not exist; write it with 'retort test --update' (schemaMatches with update: true) and commit it`,
    ])
  }
  const expected = parseSchemaSnapshotFile(text, path)
  if (expected.dialect !== dialect.name) {
    return failed(base, `snapshot '${shown}' is of another dialect`, [
      `the schema snapshot file '${shown}' was written on ${expected.dialect}, and this run uses ${dialect.name}; keep one file per dialect (retort-schema.${dialect.name}.json) and write it with 'retort test --update'`,
    ])
  }
  const changes = compareSnapshots(expected.snapshot, actual)
  const findings = changes.map((change) => snapshotFinding(change, shown))
  return Object.freeze({
    ...base,
    ok: findings.length === 0,
    findings: Object.freeze(findings),
    summary:
      findings.length === 0
        ? `the revisions make the schema of '${shown}' on ${prepared.where}`
        : `the revisions do not make the schema of '${shown}' on ${prepared.where}; if the change is intended, rewrite it with 'retort test --update' and review the diff`,
  })
}

async function againstDeclared(
  expected: Exclude<ExpectedSchema, { snapshotFile: unknown }>,
  prepared: PreparedHarness,
  dialect: Awaited<ReturnType<typeof scratchDialect>>,
): Promise<HarnessCheckResult> {
  let declaredSchema: DeclaredSchema | undefined
  let schemaFile: string | undefined
  if (expected === 'declared') {
    schemaFile = declaredSchemaPath(prepared.config)
    if (schemaFile === undefined) {
      throw new ConfigError(
        `no declared schema: set 'schema' in ${prepared.config.path ?? 'the config'} to the schema file (schema: src/db/schema.ts), or compare with a snapshot file`,
      )
    }
  } else if (
    typeof expected.declaredSchema === 'string' ||
    expected.declaredSchema instanceof URL
  ) {
    schemaFile = snapshotPath(expected.declaredSchema, prepared)
    declaredSchema = await loadDeclaredSchema(schemaFile)
  } else {
    declaredSchema = expected.declaredSchema
  }
  const comparisons = await compareDeclaredSchemas(
    prepared.config,
    {
      dialect,
      revisions: prepared.loaded,
      cache: false,
      ...(declaredSchema === undefined ? {} : { declaredSchema }),
    },
    prepared.loaded,
  )
  const findings: HarnessFinding[] = comparisons.flatMap((comparison) =>
    comparison.differences.map((difference) =>
      Object.freeze({ check: 'schema' as const, message: difference.message }),
    ),
  )
  const shown =
    schemaFile === undefined ? 'the declared schema' : `'${shownPath(schemaFile, prepared)}'`
  return Object.freeze({
    check: 'schema',
    dialect: dialect.name,
    ...(schemaFile === undefined ? {} : { declaredSchema: schemaFile }),
    ok: findings.length === 0,
    findings: Object.freeze(findings),
    summary:
      findings.length === 0
        ? `the revisions make the declared schema ${shown} on ${prepared.where}: autogenerate finds nothing to do`
        : `the revisions do not make the declared schema ${shown} on ${prepared.where}; write the missing revision with 'retort revision --autogenerate -m "..."'`,
  })
}

function failed(
  base: { check: 'schema'; dialect: string; snapshotFile: string },
  summary: string,
  messages: readonly string[],
): HarnessCheckResult {
  return Object.freeze({
    ...base,
    ok: false,
    summary,
    findings: Object.freeze(
      messages.map((message) => Object.freeze({ check: 'schema' as const, message })),
    ),
  })
}

function snapshotFinding(change: SchemaObjectChange, shown: string): HarnessFinding {
  const message =
    change.change === 'added'
      ? `the revisions make ${change.description}, which the snapshot '${shown}' does not have`
      : change.change === 'removed'
        ? `${change.description} is in the snapshot '${shown}' but the revisions do not make it`
        : `${change.description} differs from the snapshot '${shown}': ${change.aspects
            .map((a) => `${a.aspect} ${a.before} in the snapshot, ${a.after} made by the revisions`)
            .join('; ')}`
  return Object.freeze({
    check: 'schema',
    message,
    object: Object.freeze({
      kind: change.kind,
      name: change.name,
      ...(change.table === undefined ? {} : { table: change.table }),
    }),
  })
}

/** An absolute path; a relative one is relative to the config file's directory. */
function snapshotPath(file: string | URL, prepared: PreparedHarness): string {
  const path = file instanceof URL ? fileURLToPath(file) : file
  if (isAbsolute(path)) return path
  const directory = prepared.config.directory
  if (directory === undefined) {
    throw new ConfigError(
      `the file '${path}' is relative and there is no config file to resolve it against; pass an absolute path or a URL`,
    )
  }
  return resolve(directory, path)
}

/** The path relative to the config's directory when inside it, as messages show it. */
function shownPath(path: string, prepared: PreparedHarness): string {
  const directory = prepared.config.directory
  if (directory === undefined) return path
  const rel = relative(directory, path)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
