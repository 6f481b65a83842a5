import type { Command } from 'commander'
import { findTemplatesDirectory, listTemplates } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'

/** `retort list-templates`: the env templates `init` can copy. */
export function registerListTemplates(program: Command, kit: CommandKit): void {
  program
    .command('list-templates')
    .description('list the templates of retort init')
    .action(
      action(kit, async (ctx) => {
        const templates = await listTemplates({
          templatesDirectory: await findTemplatesDirectory(import.meta.url),
        })
        if (ctx.json) {
          ctx.printJson(templates.map(({ name, description }) => ({ name, description })))
          return
        }
        const width = Math.max(...templates.map((t) => t.name.length))
        ctx.out('Available templates:', '')
        for (const t of templates)
          ctx.out(`  ${ctx.colors.bold(t.name.padEnd(width))}  ${t.description}`)
        ctx.out('', 'Use: retort init --template NAME DIRECTORY')
      }),
    )
}
