import type { Command } from 'commander'
import { resolve } from 'node:path'
import {
  init,
  findTemplatesDirectory,
  CONFIG_ENV_VARIABLE,
  CONFIG_FILE_NAMES,
} from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'

/** `retort init DIR`: a new script directory from an env template. */
export function registerInit(program: Command, kit: CommandKit): void {
  program
    .command('init')
    .description(
      'create a script directory DIR from a template, and retort.yaml (kept if it exists)',
    )
    .argument('<directory>', 'the new script directory')
    .option('-t, --template <name>', 'the template (retort list-templates)', 'default')
    .action(
      action<{ template: string }>(kit, async (ctx, [directory], flags) => {
        const cwd = ctx.io.cwd
        const file = ctx.flags.config ?? (ctx.io.env[CONFIG_ENV_VARIABLE] || CONFIG_FILE_NAMES[0]!)
        const result = await init({
          directory: resolve(cwd, directory as string),
          template: flags.template,
          configFile: resolve(cwd, file),
          templatesDirectory: await findTemplatesDirectory(import.meta.url),
        })
        if (ctx.json) {
          ctx.printJson(result)
          return
        }
        const c = ctx.colors
        ctx.out(`created ${c.bold(result.directory)} from the '${result.template}' template:`)
        for (const name of result.files) ctx.out(`  ${name}`)
        ctx.out(
          result.config.written
            ? `wrote ${c.bold(result.config.path)}`
            : `kept the existing ${c.bold(result.config.path)}; check that its scriptLocation points to the new directory`,
        )
        if (result.missingPackages.length > 0) {
          ctx.err(
            `${ctx.errColors.yellow('note:')} the env module imports ${result.missingPackages.join(', ')}, not installed here; run: npm install -D ${result.missingPackages.join(' ')}`,
          )
        }
        ctx.out(`next: retort revision -m "first revision", then retort upgrade head`)
      }),
    )
}
