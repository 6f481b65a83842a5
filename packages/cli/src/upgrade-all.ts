import {
  listTargets,
  migrateMany,
  printableText,
  type DatabaseOutcome,
  type ManyProgressEvent,
} from '@retort/core/cli'
import type { CliContext } from './cli-context.js'
import { UsageError } from './usage-error.js'

/** The flags of `retort upgrade --all`. */
export interface UpgradeAllFlags {
  readonly concurrency?: string | undefined
  readonly failFast?: boolean | undefined
}

/**
 * `retort upgrade --all [TARGET]`: upgrades every database the env module's `targets` (or
 * the config's `databases:`) lists, `--concurrency N` at a time. On a terminal a progress
 * line (done/total, failures, the revision running); then one line per failure and a
 * summary. With `--json`, NDJSON on stdout: one object per database as it finishes, then
 * `{ "summary": ... }`. Returns 1 when any database failed (naming them), else 0.
 *
 * @example
 * ```ts
 * const code = await runUpgradeAll(ctx, 'heads', { concurrency: '4' })
 * ```
 */
export async function runUpgradeAll(
  ctx: CliContext,
  target: string,
  flags: UpgradeAllFlags,
): Promise<number> {
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency)
  if (concurrency !== undefined && (!Number.isSafeInteger(concurrency) || concurrency < 1)) {
    throw new UsageError(
      `--concurrency expects a whole number of databases (1 or more), not '${flags.concurrency}'`,
    )
  }
  const config = await ctx.loadConfig()
  const common = ctx.commandOptions()
  // One "Running upgrade" line per revision and database would bury the summary: the
  // progress line and the per-database results say it; --debug shows them all.
  const logger = common.logger
  const options =
    ctx.debug || logger === undefined
      ? common
      : { ...common, logger: { ...logger, info: () => {} } }
  const targets = await listTargets(config, options)
  const line = progressLine(ctx)
  let result
  try {
    result = await migrateMany(config, targets, {
      ...options,
      target,
      concurrency,
      failFast: flags.failFast === true,
      onProgress: (event) => {
        if (event.type === 'database-done' && ctx.json) {
          ctx.io.stdout.write(`${JSON.stringify(outcomeJson(event.outcome))}\n`)
        }
        line.update(event)
      },
    })
  } finally {
    line.finish()
  }
  const summary = {
    total: result.total,
    succeeded: result.succeeded,
    failed: result.failed,
    notStarted: result.notStarted,
    ms: result.ms,
  }
  if (ctx.json) {
    ctx.io.stdout.write(`${JSON.stringify({ summary })}\n`)
  } else {
    for (const outcome of result.databases) {
      if (!outcome.ok)
        ctx.err(
          `${printableText(outcome.name)}: ${printableText(outcome.error?.message ?? 'failed')}`,
        )
    }
    const applied = result.databases.reduce((n, o) => n + o.applied.length, 0)
    const skipped =
      result.notStarted.length > 0 ? `, ${result.notStarted.length} not started (--fail-fast)` : ''
    ctx.out(
      `${result.succeeded} of ${result.total} database${result.total === 1 ? '' : 's'} upgraded (${applied} revision${applied === 1 ? '' : 's'} applied) in ${(result.ms / 1000).toFixed(1)} s${result.failed.length > 0 ? `, ${result.failed.length} failed` : ''}${skipped}`,
    )
  }
  if (result.failed.length === 0) return 0
  ctx.err(
    `error: ${result.failed.length} database${result.failed.length === 1 ? '' : 's'} failed: ${result.failed.map((n) => `'${printableText(n)}'`).join(', ')}; see the messages above${ctx.json ? ' (the objects with "ok": false)' : ''}, fix them and run 'retort upgrade --all' again`,
  )
  return 1
}

function outcomeJson(outcome: DatabaseOutcome): Record<string, unknown> {
  return {
    database: outcome.name,
    description: outcome.description,
    ok: outcome.ok,
    applied: outcome.applied,
    before: outcome.before,
    heads: outcome.heads,
    ...(outcome.newerDatabase ? { newerDatabase: outcome.newerDatabase } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    ms: outcome.ms,
  }
}

/** The live progress line on a terminal (nothing otherwise). */
function progressLine(ctx: CliContext): {
  update(event: ManyProgressEvent): void
  finish(): void
} {
  if (!ctx.interactive) return { update() {}, finish() {} }
  let done = 0
  let total = 0
  let failed = 0
  let current = ''
  let drawn = false
  const draw = () => {
    const text = `[${done}/${total}]${failed > 0 ? ` ${failed} failed` : ''}${current ? ` · ${current}` : ''}`
    const width = Math.max(20, (ctx.io.stderr as { columns?: number }).columns ?? 80) - 1
    ctx.io.stderr.write(`\r\x1b[2K${printableText(text).slice(0, width)}`)
    drawn = true
  }
  return {
    update(event) {
      if (event.type === 'database-start') total = event.total
      if (event.type === 'revision-start') current = `${event.name}: ${event.revision}`
      if (event.type === 'database-done') {
        done = event.done
        failed = event.failed
        total = event.total
      }
      draw()
    },
    finish() {
      if (drawn) ctx.io.stderr.write('\r\x1b[2K')
    },
  }
}
