import type { Command } from 'commander'
import { relative } from 'node:path'
import {
  maskSecrets,
  urlSecrets,
  dialectForUrl,
  printableText,
  nearestName,
} from '@retort/core/cli'
import {
  HARNESS_CHECKS,
  runMigrationTests,
  type HarnessCheckResult,
  type HarnessProgress,
} from '@retort/core/testing'
import { action, type CommandKit } from '../command-kit.js'
import type { CliContext } from '../cli-context.js'
import { CLI_DIALECT_PACKAGES } from '../dialect-packages.js'
import { EXIT_ERROR, UsageError } from '../usage-error.js'

interface TestFlags {
  readonly url?: string
  readonly update?: boolean
  readonly only?: string
  readonly snapshot?: string
}

/** `retort test`: the migration test harness on a scratch database. */
export function registerTest(program: Command, kit: CommandKit): void {
  program
    .command('test')
    .description(
      'test the revisions on a scratch database: every body loads, one head, each revision up, down and up again leaves the same schema, and the revisions make the expected schema',
    )
    .option(
      '--url <url>',
      'the kind of database to test on (a scratch schema or database is made there and dropped); default: SQLite in memory',
    )
    .option(
      '--only <checks>',
      `run only these checks, comma-separated (${HARNESS_CHECKS.join(', ')})`,
    )
    .option(
      '--snapshot <file>',
      'the schema snapshot file to compare with (default: retort-schema.<dialect>.json next to the config)',
    )
    .option('--update', 'rewrite the schema snapshot file from the revisions instead of comparing')
    .action(
      action<TestFlags>(kit, async (ctx, _args, flags) => {
        const only = flags.only === undefined ? undefined : parseOnly(flags.only)
        const config = await ctx.loadConfig()
        // The password of --url is never printed: not in a line, a finding or an error.
        const secrets = flags.url === undefined ? [] : urlSecrets(flags.url)
        const mask = (text: string) => maskSecrets(text, secrets)
        const progress = new ProgressPrinter(ctx, mask)
        const report = await runMigrationTests({
          config,
          ...(flags.url === undefined ? {} : { url: flags.url }),
          ...(only === undefined ? {} : { only }),
          ...(flags.snapshot === undefined ? {} : { snapshotFile: flags.snapshot }),
          ...(flags.update ? { update: true } : {}),
          // The one rule for dialect packages (the project's, else the CLI's own).
          resolveDialect: (url) =>
            dialectForUrl(url, {
              baseDir: config.directory,
              packages: CLI_DIALECT_PACKAGES,
              setting: '--url',
            }),
          onProgress: ctx.json ? undefined : (event) => progress.event(event),
          onResult: ctx.json ? undefined : (result) => progress.result(result),
        }).catch((error: unknown) => {
          if (error instanceof Error) {
            error.message = mask(error.message)
            if (error.stack !== undefined) error.stack = mask(error.stack)
          }
          throw error
        })
        if (ctx.json) {
          ctx.printJson(JSON.parse(mask(JSON.stringify(report))))
        } else {
          const failed = report.checks.filter((c) => !c.ok)
          if (report.ok) {
            const ran = report.checks.filter((c) => c.skipped === undefined)
            ctx.out(
              `${ctx.colors.green('✓')} ${ran.length} check${ran.length === 1 ? '' : 's'} passed on ${mask(printableText(report.where))}: ${ran.map((c) => c.check).join(', ') || 'none'}`,
            )
          } else {
            const problems = failed.reduce((n, c) => n + c.findings.length, 0)
            ctx.err(
              `${ctx.errColors.red(ctx.errColors.bold('error:'))} retort test found ${problems} problem${problems === 1 ? '' : 's'} (${failed.map((c) => c.check).join(', ')}) on ${mask(printableText(report.where))}; fix the revisions and run 'retort test' again`,
            )
          }
        }
        return report.ok ? undefined : EXIT_ERROR
      }),
    )
}

/** `--only stairway,single-head`: known names only, each at most once. */
function parseOnly(value: string): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  if (names.length === 0) {
    throw new UsageError(`--only needs at least one check: ${HARNESS_CHECKS.join(', ')}`)
  }
  for (const name of names) {
    if ((HARNESS_CHECKS as readonly string[]).includes(name)) continue
    const near = nearestName(name, HARNESS_CHECKS)
    throw new UsageError(
      `--only: unknown check '${name}'${near === undefined ? '' : ` (did you mean '${near}'?)`}; the checks are ${HARNESS_CHECKS.join(', ')}`,
    )
  }
  return names
}

/** Prints a line per revision of the stairway as it goes, and each check's result. */
class ProgressPrinter {
  readonly #ctx: CliContext
  readonly #mask: (text: string) => string
  #stairwayStarted = false

  constructor(ctx: CliContext, mask: (text: string) => string) {
    this.#ctx = ctx
    this.#mask = mask
  }

  #line(text: string): void {
    this.#ctx.out(this.#mask(text))
  }

  event(event: HarnessProgress): void {
    if (event.check !== 'stairway' || event.revision === undefined) return
    const c = this.#ctx.colors
    if (!this.#stairwayStarted) {
      this.#stairwayStarted = true
      this.#line(`stairway: each revision up, down and up again`)
    }
    const width = String(event.total).length
    const mark = event.findings.length === 0 ? c.green('✓') : c.red('✗')
    const message = event.revision.message === '' ? '' : ` ${printableText(event.revision.message)}`
    this.#line(
      `  ${mark} ${String(event.index).padStart(width)}/${event.total} ${c.yellow(printableText(event.revision.id))}${message}`,
    )
    for (const finding of event.findings) this.#line(`      ${printableText(finding.message)}`)
  }

  result(check: HarnessCheckResult): void {
    const c = this.#ctx.colors
    const mark = check.skipped !== undefined ? c.dim('-') : check.ok ? c.green('✓') : c.red('✗')
    this.#line(`${mark} ${check.check}: ${printableText(this.#summary(check))}`)
    // The stairway's findings were printed under their revision.
    if (check.check !== 'stairway' || !this.#stairwayStarted) {
      for (const finding of check.findings) this.#line(`    ${printableText(finding.message)}`)
    }
  }

  #summary(check: HarnessCheckResult): string {
    if (check.updated === undefined || check.snapshotFile === undefined) return check.summary
    // Paths relative to where the user is.
    const shown = relative(this.#ctx.io.cwd, check.snapshotFile) || check.snapshotFile
    return `${check.summary}${check.updated ? `; review it with 'git diff ${shown}'` : ''}`
  }
}
