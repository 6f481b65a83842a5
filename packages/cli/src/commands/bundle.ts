import type { Command } from 'commander'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generateMigrationsIndex, type Config } from '@retort/core/cli'
import { ConfigError } from '@retort/core/errors'
import { action, type CommandKit } from '../command-kit.js'
import { renderBundle } from '../render/render-bundle.js'
import { EXIT_ERROR } from '../usage-error.js'

/** The config key naming the index `retort bundle` writes (relative to the config file). */
export const BUNDLE_INDEX_KEY = 'bundleIndex'

/**
 * The index's name in the script directory when neither `--out` nor `bundleIndex` names
 * it; the extension is `.js` when `revisionFormat` is `js`, else `.ts`.
 */
export const DEFAULT_BUNDLE_INDEX_NAME = 'migrations.generated'

interface BundleFlags {
  readonly out?: string
  readonly check?: boolean
}

/** `retort bundle`: the index module of every revision, for bundled applications. */
export function registerBundle(program: Command, kit: CommandKit): void {
  program
    .command('bundle')
    .description(
      'write the module that imports every revision, for bundled applications (reads no database)',
    )
    .argument(
      '[revision-file]',
      'ignored: the path a post-write hook appends (every revision is indexed)',
    )
    .option(
      '-o, --out <file>',
      `the index to write (default: config key ${BUNDLE_INDEX_KEY}, else ${DEFAULT_BUNDLE_INDEX_NAME}.ts in the script directory)`,
    )
    .option(
      '--check',
      'write nothing; fail (exit 1) when the index is missing or out of date: a CI gate',
    )
    .action(
      action<BundleFlags>(kit, async (ctx, _args, flags) => {
        const config = await ctx.loadConfig()
        const outFile = bundleIndexPath(config, flags.out, ctx.io.cwd)
        const existed = existsSync(outFile)
        const check = flags.check === true
        const result = await generateMigrationsIndex({ config, outFile, write: !check })
        renderBundle(ctx, result)
        if (check && result.changed) {
          const e = ctx.errColors
          ctx.err(
            `${e.red(e.bold('error:'))} the migrations index '${outFile}' is ${existed ? 'out of date' : 'missing'}; run 'retort bundle' to ${existed ? 'update' : 'write'} it`,
          )
          return EXIT_ERROR
        }
        return undefined
      }),
    )
}

/**
 * The file `retort bundle` writes: `--out` (relative to the current directory), else the
 * config's `bundleIndex` (relative to the config file), else
 * `<scriptLocation>/migrations.generated.ts` (`.js` with `revisionFormat: js`).
 *
 * @example
 * ```ts
 * const file = bundleIndexPath(await ctx.loadConfig(), undefined, process.cwd())
 * ```
 */
export function bundleIndexPath(config: Config, out: string | undefined, cwd: string): string {
  if (out !== undefined) return resolve(cwd, out)
  const configured = config.get(BUNDLE_INDEX_KEY)
  if (configured !== undefined) {
    if (typeof configured !== 'string' || configured.trim() === '') {
      throw new ConfigError(
        `${config.path ?? 'the config'}: '${BUNDLE_INDEX_KEY}' must be a file path (src/migrations.generated.ts), not ${JSON.stringify(configured)}`,
      )
    }
    return resolve(config.directory ?? cwd, configured)
  }
  return join(
    config.scriptLocation,
    `${DEFAULT_BUNDLE_INDEX_NAME}.${config.revisionFormat === 'js' ? 'js' : 'ts'}`,
  )
}
