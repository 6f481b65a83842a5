import type { Command } from 'commander'
import { check } from '@retort/core/commands/check'
import { printableText } from '@retort/core/env/printable-text'
import { action, type CommandKit } from '../command-kit.js'
import { EXIT_ERROR } from '../usage-error.js'

/** `retort check`: a CI/deploy gate that runs nothing. */
export function registerCheck(program: Command, kit: CommandKit): void {
  program
    .command('check')
    .description(
      'check that every revision loads, there is one head, and the database (if configured) has nothing pending',
    )
    .option('--no-database', 'do not read the database')
    .action(
      action<{ database: boolean }>(kit, async (ctx, _args, flags) => {
        const config = await ctx.loadConfig()
        const result = await check(config, {
          ...ctx.commandOptions(),
          ...(flags.database ? {} : { database: false }),
        })
        if (ctx.json) {
          ctx.printJson(result)
        } else {
          const c = ctx.colors
          for (const problem of result.problems)
            ctx.out(
              `${c.red('✗')} ${problem.revision ? `${c.yellow(printableText(problem.revision))}: ` : ''}${printableText(problem.message)}`,
            )
          if (result.ok) {
            const databases =
              result.databases.length === 0
                ? 'no database read'
                : `${result.databases.length === 1 ? 'the database is' : 'every database is'} at the head`
            ctx.out(
              `${c.green('✓')} ${result.revisions} revisions load, one head (${result.heads.join(', ') || 'base'}); ${databases}`,
            )
          }
        }
        if (!result.ok) {
          ctx.err(
            `${ctx.errColors.red(ctx.errColors.bold('error:'))} check found ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; fix them and run 'retort check' again`,
          )
          return EXIT_ERROR
        }
        return undefined
      }),
    )
}
