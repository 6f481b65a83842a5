import type { SchemaSnapshot } from '../autogenerate/schema-snapshot.js'
import { MigrationError } from '../errors.js'
import { silentLogger } from '../env/logger.js'
import { relativeDownTarget, revisionsTarget } from '../graph/target.js'
import type { Revision } from '../revision.js'
import { DEFAULT_LOCK_TIMEOUT, DEFAULT_TRANSACTION_MODE } from '../run-settings.js'
import type { MigrationAction, RunOptions } from '../runtime/migration-action.js'
import { runOnline } from '../runtime/run-online.js'
import { readScratchSchema } from '../schema/replay-schema.js'
import { openScratchDatabase } from '../schema/scratch-database.js'
import { compareSnapshots, type SchemaObjectChange } from './compare-snapshots.js'
import { HarnessError, type HarnessCheckResult, type HarnessFinding } from './harness-error.js'
import { prepareHarness, type HarnessOptions, type PreparedHarness } from './harness-options.js'

/**
 * Steps every revision up, down and up again on a scratch database and checks that each
 * downgrade gives back exactly the schema its upgrade started from (see {@link stairway}).
 * Returns the result instead of throwing.
 *
 * @example
 * ```ts
 * const result = await runStairway({ config: '/app/retort.yaml' })
 * result.findings.map((f) => f.message)
 * ```
 */
export async function runStairway(options: HarnessOptions): Promise<HarnessCheckResult> {
  return stairwayOf(await prepareHarness(options))
}

/**
 * The stairway test: for each revision in the graph's topological order (parents and
 * dependencies first; branches in the graph's deterministic order), upgrade that one
 * revision, introspect, downgrade that one revision, and compare the schema with the one
 * before the upgrade (tables, columns with their types, nullability and defaults, the
 * primary key, indexes, unique, check and foreign key constraints, comments); then upgrade
 * it again and compare with the first upgrade. Each revision is stepped with exactly the
 * revisions before it in that order applied, so a merge revision is stepped once, with both
 * its parents applied, and its downgrade goes back to both parents' rows.
 *
 * A mismatch names the revision, the operation and the object: "downgrade of 3f1c2a9b7d10
 * ('add note index') leaves index 'ix_note_title' on 'note'". A revision whose upgrade or
 * downgrade fails stops the walk there (the database is then in no known state).
 *
 * Runs on a private in-memory SQLite database, or with `url` on a scratch schema
 * (PostgreSQL) or database (MySQL/MariaDB) made for it and dropped afterwards. Throws
 * {@link HarnessError} with every finding when it fails.
 *
 * @example
 * ```ts
 * import { test } from 'vitest'
 * import { stairway } from '@retort/core/testing'
 *
 * test('every downgrade undoes its upgrade', async () => {
 *   await stairway({ config: new URL('../retort.yaml', import.meta.url) })
 * })
 * ```
 */
export async function stairway(options: HarnessOptions): Promise<void> {
  const result = await runStairway(options)
  if (!result.ok) throw new HarnessError(result)
}

/**
 * {@link runStairway} on an already prepared harness.
 *
 * @example
 * ```ts
 * const result = await stairwayOf(await prepareHarness({ scriptLocation }))
 * ```
 */
export async function stairwayOf(prepared: PreparedHarness): Promise<HarnessCheckResult> {
  const { loaded, versionTable } = prepared
  const order = loaded.map.topologicalOrder
  const findings: HarnessFinding[] = []
  const scratch = await openScratchDatabase(prepared.from, {
    baseDir: prepared.config.directory,
    resolveDialect: prepared.resolveDialect,
  })
  let stepped = 0
  let stoppedAt: string | undefined
  try {
    const runOptions: RunOptions = {
      versionTable: { name: versionTable, schema: scratch.schema },
      transactionMode: DEFAULT_TRANSACTION_MODE,
      lockTimeoutMs: DEFAULT_LOCK_TIMEOUT,
      logger: silentLogger,
    }
    const run = (action: MigrationAction) =>
      runOnline(scratch.dialect, loaded.source, loaded.map, action, runOptions)
    const read = () => readScratchSchema(scratch, { versionTable })
    let before = await read()
    for (const id of order) {
      const revision = loaded.map.get(id)!
      const found: HarnessFinding[] = []
      const step = await stepRevision(revision, before, run, read, found)
      findings.push(...found)
      stepped += 1
      prepared.onProgress({
        check: 'stairway',
        revision,
        index: stepped,
        total: order.length,
        findings: found,
      })
      if (step === undefined) {
        stoppedAt = id
        break
      }
      before = step
    }
  } finally {
    await scratch.dispose()
  }
  const where = `on ${prepared.where}`
  const summary =
    stoppedAt === undefined
      ? `${order.length} revision${order.length === 1 ? '' : 's'} up, down and up again ${where}`
      : stepped === order.length
        ? `${order.length} revision${order.length === 1 ? '' : 's'} stepped ${where}; the last one failed`
        : `stopped at ${stoppedAt} after ${stepped} of ${order.length} revisions ${where}; the other ${order.length - stepped} were not stepped`
  return Object.freeze({
    check: 'stairway',
    ok: findings.length === 0,
    summary,
    findings: Object.freeze(findings),
    dialect: scratch.dialect.name,
    revisions: stepped,
  })
}

/**
 * Up, down, up for one revision. Returns the schema after the second upgrade, or
 * `undefined` when a step failed (the walk cannot go on).
 */
async function stepRevision(
  revision: Revision,
  before: SchemaSnapshot,
  run: (action: MigrationAction) => Promise<unknown>,
  read: () => Promise<SchemaSnapshot>,
  found: HarnessFinding[],
): Promise<SchemaSnapshot | undefined> {
  const up: MigrationAction = { kind: 'upgrade', target: revisionsTarget([revision.id]) }
  // Exactly this revision down: nothing applied descends from or depends on it, as it is
  // the last one of the order applied.
  const down: MigrationAction = {
    kind: 'downgrade',
    target: relativeDownTarget(revision.downRevisions, [revision.id]),
  }
  const failed = (operation: 'upgrade' | 'downgrade' | 'upgrade again', error: unknown) =>
    found.push(
      finding(
        revision,
        operation,
        `${operationText(operation, revision)} failed: ${reason(error)}`,
      ),
    )

  try {
    await run(up)
  } catch (error) {
    failed('upgrade', error)
    return undefined
  }
  const after = await read()
  try {
    await run(down)
  } catch (error) {
    failed('downgrade', error)
    return undefined
  }
  const downgraded = await read()
  for (const change of compareSnapshots(before, downgraded)) {
    found.push(
      finding(
        revision,
        'downgrade',
        `${operationText('downgrade', revision)} ${downgradeWords(change)}${implicitIndexHint(change, after)}`,
        change,
      ),
    )
  }
  try {
    await run(up)
  } catch (error) {
    if (found.length === 0) failed('upgrade again', error)
    else
      found.push(
        finding(
          revision,
          'upgrade again',
          `${operationText('upgrade again', revision)} failed, as the downgrade left the schema different: ${reason(error)}`,
        ),
      )
    return undefined
  }
  const again = await read()
  for (const change of compareSnapshots(after, again)) {
    found.push(
      finding(
        revision,
        'upgrade again',
        `${operationText('upgrade again', revision)} ${againWords(change)}`,
        change,
      ),
    )
  }
  return again
}

function finding(
  revision: Revision,
  operation: 'upgrade' | 'downgrade' | 'upgrade again',
  message: string,
  change?: SchemaObjectChange,
): HarnessFinding {
  return Object.freeze({
    check: 'stairway',
    message,
    revision: revision.id,
    ...(revision.path === undefined ? {} : { path: revision.path }),
    operation,
    ...(change === undefined
      ? {}
      : {
          object: Object.freeze({
            kind: change.kind,
            name: change.name,
            ...(change.table === undefined ? {} : { table: change.table }),
          }),
        }),
  })
}

/** `downgrade of 3f1c2a9b7d10 ('add note index')`. */
function operationText(
  operation: 'upgrade' | 'downgrade' | 'upgrade again',
  revision: Revision,
): string {
  const name = `${revision.id}${revision.message === '' ? '' : ` ('${revision.message}')`}`
  return operation === 'upgrade again'
    ? `upgrade of ${name} after its downgrade`
    : `${operation} of ${name}`
}

/** The downgrade compared with the schema before the upgrade. */
function downgradeWords(change: SchemaObjectChange): string {
  switch (change.change) {
    case 'added':
      return `leaves ${change.description}`
    case 'removed':
      return `removes ${change.description}, which was there before the upgrade`
    case 'changed':
      return `leaves ${change.description} changed: ${aspectsText(change, 'before the upgrade', 'after the downgrade')}`
  }
}

/**
 * Why an index is left that no revision created: MySQL makes one for a foreign key that has
 * none, and keeps it when the key is dropped.
 */
function implicitIndexHint(change: SchemaObjectChange, upgraded: SchemaSnapshot): string {
  if (change.kind !== 'index' || change.change !== 'added') return ''
  const table = upgraded.tables.find((t) => t.name === change.table)
  const index = table?.indexes.find((i) => i.name === change.name)
  if (index === undefined || index.constraint !== true || index.unique) return ''
  return ` (the database made it for a foreign key and keeps it when the key is dropped: create an index on (${index.columns.join(', ')}) before the key and drop it after the key)`
}

/** The second upgrade compared with the first. */
function againWords(change: SchemaObjectChange): string {
  switch (change.change) {
    case 'added':
      return `makes ${change.description}, which the first upgrade did not`
    case 'removed':
      return `does not make ${change.description}, which the first upgrade made`
    case 'changed':
      return `makes ${change.description} differently: ${aspectsText(change, 'the first time', 'the second time')}`
  }
}

function aspectsText(change: SchemaObjectChange, before: string, after: string): string {
  return change.aspects
    .map((a) => `${a.aspect} ${a.before} ${before}, ${a.after} ${after}`)
    .join('; ')
}

/** Why a step failed: for a revision's own error, its cause and the statement (the rest the message says already). */
function reason(error: unknown): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()
  if (error instanceof MigrationError) {
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause)
    return `${oneLine(cause)}${error.statement === undefined ? '' : ` (at \`${oneLine(error.statement)}\`)`}`
  }
  return oneLine(error instanceof Error ? error.message : String(error))
}
